import { useState } from 'react';
import type { FormInstance } from 'antd';
import { isApiError } from '../../lib/api.ts';
import { conflictRows, lastChangeOf, reapply, sameValue, type LastChange } from '../../lib/stale-write.ts';
import { StaleWriteNotice, type ConflictFields } from './StaleWriteNotice.tsx';

interface Conflict<V> {
  /** The values the officer had typed when the save was refused. */
  mine: V;
  /** The record as the officer started editing it. */
  base: V;
  lastChange: LastChange;
  loadFailed: boolean;
}

/**
 * A form's side of optimistic concurrency: the version (and values) the officer started from, which a save is
 * checked against; and after a refused save (409 STALE_WRITE), the officer's values beside the saved record with the
 * two ways on. `version` and `initialValues` are the record as loaded now.
 */
export function useStaleWrite<V extends object>({
  form,
  initialValues,
  version,
  onReload,
}: {
  form: FormInstance<V>;
  initialValues: V;
  version: number;
  onReload: () => Promise<unknown>;
}) {
  const [base, setBase] = useState({ version, values: initialValues });
  const [conflict, setConflict] = useState<Conflict<V> | null>(null);

  async function loadSaved() {
    setConflict((c) => c && { ...c, loadFailed: false });
    try {
      await onReload();
    } catch {
      setConflict((c) => c && { ...c, loadFailed: true });
    }
  }

  // The saved record has arrived once the version moved on from the one the officer started from.
  const rows = conflict && version !== base.version ? conflictRows(conflict.base, conflict.mine, initialValues) : null;

  return {
    /** The version a save goes against. */
    version: base.version,
    /** Someone else's save is being shown. */
    active: conflict !== null,
    /** The form starts again from the record as loaded now. */
    restart() {
      setBase({ version, values: initialValues });
      setConflict(null);
    },
    clear() {
      setConflict(null);
    },
    /** A refused save: true when it was a stale write, now shown. */
    handle(error: unknown): boolean {
      if (!isApiError(error, 'STALE_WRITE')) return false;
      setConflict({ mine: form.getFieldsValue(true) as V, base: base.values, lastChange: lastChangeOf(error), loadFailed: false });
      void loadSaved();
      return true;
    },
    /**
     * The notice; `onResolved(dirty)` after the officer chose: whether the form now differs from the saved record
     * (their changes re-applied), so there is something to save.
     */
    notice(fields: ConflictFields<V>, onResolved: (dirty: boolean) => void) {
      if (!conflict) return null;
      return (
        <StaleWriteNotice<V>
          rows={rows}
          fields={fields}
          lastChange={conflict.lastChange}
          loadFailed={conflict.loadFailed}
          onRetry={() => void loadSaved()}
          onReapply={() => {
            // what the form holds now: the officer may have typed on while the notice was shown
            const merged = reapply(conflict.base, form.getFieldsValue(true) as V, initialValues);
            form.resetFields();
            form.setFieldsValue(merged as never);
            setBase({ version, values: initialValues });
            setConflict(null);
            onResolved(Object.keys(merged).some((k) => !sameValue(merged[k as keyof V], initialValues[k as keyof V])));
          }}
          onDiscard={() => {
            form.resetFields();
            setBase({ version, values: initialValues });
            setConflict(null);
            onResolved(false);
          }}
        />
      );
    },
  };
}
