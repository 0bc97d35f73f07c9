import { useMemo, useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Modal, Select, Typography, type FormInstance } from 'antd';
import {
  CheckCircleFilled,
  CopyOutlined,
  DeleteOutlined,
  HolderOutlined,
  LockOutlined,
  PlusOutlined,
  UploadOutlined,
  WarningFilled,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { ConflictFields } from '../../../components/ui/StaleWriteNotice.tsx';
import { useStaleWrite } from '../../../components/ui/use-stale-write.tsx';
import { isApiError, type FieldError } from '../../../lib/api.ts';
import { useReloadRecord } from '../../../lib/history.ts';
import { KINDS, METHODS, useOpenScoring, useSaveCriteria, type CriteriaSet, type Period } from '../api/criteria.ts';
import { CopyDialog, ImportDialog } from './CriteriaDialogs.tsx';
import {
  blankGroup,
  blankItem,
  blankValues,
  contentOf,
  fieldNameOf,
  regularSum,
  valuesOf,
  type CriteriaFormValues,
  type GroupValues,
} from './criteria-form.ts';

/**
 * The server's field errors on the very fields ("groups.0.items.2.maxPoints" on that item's maximum); those naming
 * the table as a whole (no items, the groups) are returned for the summary above the form.
 */
export function showFieldErrors(form: FormInstance<CriteriaFormValues>, fields: FieldError[]): FieldError[] {
  const grouped = new Map<string, { name: Array<string | number>; errors: string[] }>();
  const rest: FieldError[] = [];
  for (const f of fields) {
    const name = fieldNameOf(f.path);
    if (!name) {
      rest.push(f);
      continue;
    }
    const key = name.join('.');
    const entry = grouped.get(key) ?? { name, errors: [] };
    entry.errors.push(f.message);
    grouped.set(key, entry);
  }
  form.setFields([...grouped.values()].map((g) => ({ name: g.name as never, errors: g.errors })));
  return rest;
}

const testId = (name: Array<string | number>) => `field-${name.join('.')}`;

/** A row that moves by its handle: dragged with a pointer, or with the keyboard (Space, arrows, Space; Escape cancels). */
function Sortable({ id, handleLabel, children }: { id: string; handleLabel: string; children: (handle: ReactNode) => ReactNode }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  const handle = (
    <Button
      ref={setActivatorNodeRef}
      size="small"
      type="text"
      icon={<HolderOutlined />}
      aria-label={handleLabel}
      data-testid="drag-handle"
      style={{ cursor: 'grab', touchAction: 'none', flex: 'none' }}
      {...attributes}
      {...listeners}
    />
  );
  return (
    <div
      ref={setNodeRef}
      data-sortable-id={id}
      style={{
        transform: CSS.Translate.toString(transform),
        transition,
        opacity: isDragging ? 0.7 : 1,
        position: 'relative',
        zIndex: isDragging ? 2 : undefined,
      }}
    >
      {children(handle)}
    </div>
  );
}

/** Sensors and the words said to a screen reader while an item moves. */
function useDnd(nameOf: (id: UniqueIdentifier) => string, count: number) {
  const { t } = useTranslation('registry');
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('criteria.dnd.picked', { name: nameOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over
        ? t('criteria.dnd.over', { name: nameOf(active.id), position: (over.data.current?.sortable?.index ?? 0) + 1, count })
        : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? t('criteria.dnd.dropped', { name: nameOf(active.id), position: (over.data.current?.sortable?.index ?? 0) + 1, count })
        : undefined,
    onDragCancel: ({ active }) => t('criteria.dnd.cancelled', { name: nameOf(active.id) }),
  };
  return { sensors, accessibility: { announcements, screenReaderInstructions: { draggable: t('criteria.dnd.instructions') } } };
}

/** Where the drag ended as a move of the list: from one index to another (null when nothing moved). */
export function moveOf(ids: UniqueIdentifier[], { active, over }: Pick<DragEndEvent, 'active' | 'over'>): [number, number] | null {
  if (!over || active.id === over.id) return null;
  const from = ids.indexOf(active.id);
  const to = ids.indexOf(over.id);
  return from < 0 || to < 0 ? null : [from, to];
}

function ItemRow({
  form,
  groupName,
  itemName,
  handle,
  onRemove,
  canRemove,
}: {
  form: FormInstance<CriteriaFormValues>;
  groupName: number;
  itemName: number;
  handle: ReactNode;
  onRemove: () => void;
  canRemove: boolean;
}) {
  const { t } = useTranslation('registry');
  const path = ['groups', groupName, 'items', itemName];
  const method = Form.useWatch(['groups', groupName, 'items', itemName, 'method'], form) as string | undefined;
  const code = Form.useWatch(['groups', groupName, 'items', itemName, 'code'], form) as string | undefined;
  const at = `${groupName + 1}.${itemName + 1}`;
  const label = (key: string) => `${t(key)} (${code || at})`;
  return (
    <div
      data-testid={`item-${groupName}-${itemName}`}
      style={{ borderTop: '1px solid rgba(5, 5, 5, 0.06)', paddingTop: 8, paddingBottom: 4 }}
    >
      <Flex gap={6} align="start">
        {handle}
        <Flex wrap gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Form.Item
            name={[itemName, 'code']}
            style={{ marginBottom: 4, width: 90 }}
            rules={[{ required: true, whitespace: true, message: t('form.required') }]}
          >
            <Input
              data-testid={testId([...path, 'code'])}
              aria-label={t('criteria.itemCode') + ` ${at}`}
              maxLength={20}
              placeholder={t('criteria.itemCode')}
            />
          </Form.Item>
          <Form.Item
            name={[itemName, 'text']}
            style={{ marginBottom: 4, flex: '1 1 220px', minWidth: 0 }}
            rules={[{ required: true, whitespace: true, message: t('form.required') }]}
          >
            <Input.TextArea
              data-testid={testId([...path, 'text'])}
              aria-label={label('criteria.itemText')}
              maxLength={1000}
              autoSize={{ minRows: 1, maxRows: 4 }}
              placeholder={t('criteria.itemText')}
            />
          </Form.Item>
          <Form.Item
            name={[itemName, 'maxPoints']}
            style={{ marginBottom: 4, width: 100 }}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <InputNumber
              data-testid={testId([...path, 'maxPoints'])}
              aria-label={label('criteria.maxPoints')}
              placeholder={t('criteria.maxShort')}
              min={0}
              max={10000}
              step={1}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item name={[itemName, 'method']} style={{ marginBottom: 4, width: 150 }}>
            <Select
              data-testid={testId([...path, 'method'])}
              aria-label={label('criteria.method')}
              options={METHODS.map((m) => ({ value: m, label: t(`criteria.methods.${m}`) }))}
            />
          </Form.Item>
          <Form.Item name={[itemName, 'kind']} style={{ marginBottom: 4, width: 120 }}>
            <Select
              data-testid={testId([...path, 'kind'])}
              aria-label={label('criteria.kind')}
              options={KINDS.map((k) => ({ value: k, label: t(`criteria.kinds.${k}`) }))}
            />
          </Form.Item>
          {method === 'proportional' && (
            <Form.Item name={[itemName, 'target']} style={{ marginBottom: 4, width: 130 }}>
              <InputNumber
                data-testid={testId([...path, 'target'])}
                aria-label={label('criteria.target')}
                placeholder={t('criteria.target')}
                min={0}
                style={{ width: '100%' }}
              />
            </Form.Item>
          )}
          {method === 'graded' && (
            <Form.Item name={[itemName, 'levels']} style={{ marginBottom: 4, width: 160 }} extra={t('criteria.levelsHint')}>
              <Input data-testid={testId([...path, 'levels'])} aria-label={label('criteria.levels')} placeholder={t('criteria.levels')} />
            </Form.Item>
          )}
          <Form.Item name={[itemName, 'evidenceRequired']} valuePropName="checked" style={{ marginBottom: 4 }}>
            <Checkbox data-testid={testId([...path, 'evidenceRequired'])}>{t('criteria.evidenceRequired')}</Checkbox>
          </Form.Item>
        </Flex>
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={label('criteria.removeItem')}
          data-testid="item-remove"
          disabled={!canRemove}
          onClick={onRemove}
        />
      </Flex>
    </div>
  );
}

function GroupCard({
  form,
  groupName,
  handle,
  onRemove,
  canRemove,
  onChanged,
}: {
  form: FormInstance<CriteriaFormValues>;
  groupName: number;
  handle: ReactNode;
  onRemove: () => void;
  canRemove: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation('registry');
  const code = Form.useWatch(['groups', groupName, 'code'], form) as string | undefined;
  const items = (Form.useWatch(['groups', groupName, 'items'], form) ?? []) as GroupValues['items'];
  const groupLabel = code || String(groupName + 1);
  return (
    <Card size="small" data-testid={`group-${groupName}`} styles={{ body: { paddingTop: 8 } }}>
      <Flex gap={6} align="start">
        {handle}
        <Flex wrap gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Form.Item
            name={[groupName, 'code']}
            style={{ marginBottom: 4, width: 90 }}
            rules={[{ required: true, whitespace: true, message: t('form.required') }]}
          >
            <Input
              data-testid={testId(['groups', groupName, 'code'])}
              aria-label={`${t('criteria.groupCode')} ${groupName + 1}`}
              maxLength={20}
              placeholder={t('criteria.groupCode')}
            />
          </Form.Item>
          <Form.Item
            name={[groupName, 'title']}
            style={{ marginBottom: 4, flex: '1 1 220px', minWidth: 0 }}
            rules={[{ required: true, whitespace: true, message: t('form.required') }]}
          >
            <Input
              data-testid={testId(['groups', groupName, 'title'])}
              aria-label={`${t('criteria.groupTitle')} (${groupLabel})`}
              maxLength={500}
              placeholder={t('criteria.groupTitle')}
            />
          </Form.Item>
          <Typography.Text type="secondary" style={{ alignSelf: 'center' }} data-testid="group-max">
            {t('criteria.groupMax', { max: regularSum([{ items }]) })}
          </Typography.Text>
        </Flex>
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={`${t('criteria.removeGroup')} (${groupLabel})`}
          data-testid="group-remove"
          disabled={!canRemove}
          onClick={onRemove}
        />
      </Flex>
      <Form.List name={[groupName, 'items']}>
        {(fields, { add, remove, move }) => (
          <SortableList
            fields={fields}
            prefix="i"
            nameOf={(id) => {
              const index = fields.findIndex((f) => `i-${f.key}` === id);
              return String(items[index]?.code || `${groupName + 1}.${index + 1}`);
            }}
            handleLabel={(name) => t('criteria.dragItem', { code: name })}
            onMove={(from, to) => {
              move(from, to);
              onChanged();
            }}
            after={
              <Button
                size="small"
                type="dashed"
                icon={<PlusOutlined />}
                data-testid="item-add"
                style={{ marginTop: 6 }}
                onClick={() => {
                  add(blankItem());
                  onChanged();
                }}
              >
                {t('criteria.addItem')} ({groupLabel})
              </Button>
            }
          >
            {(field, handle) => (
              <ItemRow
                form={form}
                groupName={groupName}
                itemName={field.name}
                handle={handle}
                canRemove={fields.length > 1}
                onRemove={() => {
                  remove(field.name);
                  onChanged();
                }}
              />
            )}
          </SortableList>
        )}
      </Form.List>
    </Card>
  );
}

interface ListField {
  key: number;
  name: number;
}

/** A list whose rows are reordered by dragging their handles (items within a group, or the groups themselves). */
function SortableList({
  fields,
  prefix,
  nameOf,
  onMove,
  handleLabel,
  children,
  after,
}: {
  fields: ListField[];
  prefix: string;
  nameOf: (id: UniqueIdentifier) => string;
  onMove: (from: number, to: number) => void;
  handleLabel: (name: string) => string;
  children: (field: ListField, handle: ReactNode) => ReactNode;
  after?: ReactNode;
}) {
  const ids = fields.map((f) => `${prefix}-${f.key}`);
  const dnd = useDnd(nameOf, ids.length);
  return (
    <DndContext
      sensors={dnd.sensors}
      accessibility={dnd.accessibility}
      collisionDetection={closestCenter}
      onDragEnd={(event) => {
        const move = moveOf(ids, event);
        if (move) onMove(...move);
      }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        {fields.map((field, i) => (
          <Sortable key={ids[i]} id={ids[i]!} handleLabel={handleLabel(nameOf(ids[i]!))}>
            {(handle) => children(field, handle)}
          </Sortable>
        ))}
      </SortableContext>
      {after}
    </DndContext>
  );
}

/**
 * The editor of a draft table (or of the round's first one, `set` absent): groups and items added, removed, edited
 * and reordered; saved whole with PUT against the row version it was opened at.
 */
export function CriteriaEditor({
  clusterId,
  year,
  period,
  set,
  onSaved,
  reload,
}: {
  clusterId: number;
  year: number;
  period: Period;
  set?: CriteriaSet;
  onSaved: () => void;
  reload: () => Promise<unknown>;
}) {
  const { t } = useTranslation('registry');
  const { message } = App.useApp();
  const [form] = Form.useForm<CriteriaFormValues>();
  const save = useSaveCriteria(clusterId, year);
  const open = useOpenScoring(clusterId, year);
  const initialValues = useMemo(() => (set ? valuesOf(set.content) : blankValues()), [set]);
  const refresh = useReloadRecord(reload);
  const stale = useStaleWrite<CriteriaFormValues>({ form, initialValues, version: set?.rowVersion ?? 0, onReload: refresh });
  const [failure, setFailure] = useState<{ message: string; fields: FieldError[] } | null>(null);
  const [dirty, setDirty] = useState(set === undefined);
  const [dialog, setDialog] = useState<'copy' | 'import' | 'open' | null>(null);
  const groups = (Form.useWatch('groups', form) ?? initialValues.groups) as GroupValues[];
  const maxTotal = Form.useWatch('maxTotal', form) ?? initialValues.maxTotal;
  const sum = regularSum(groups);
  const changed = () => {
    setDirty(true);
    setFailure(null);
  };

  async function submit(values: CriteriaFormValues) {
    setFailure(null);
    stale.clear();
    try {
      const content = contentOf({ ...initialValues, ...values });
      await save.mutateAsync({ ...content, period, ...(set ? { rowVersion: stale.version } : {}) });
      void message.success(t('criteria.saved'));
      onSaved();
    } catch (error) {
      if (set && stale.handle(error)) return;
      const rest = isApiError(error) && error.fields.length ? showFieldErrors(form, error.fields) : [];
      setFailure({ message: (isApiError(error) && error.message) || t('form.saveFailed'), fields: rest });
    }
  }

  async function openScoring() {
    if (!set) return;
    try {
      await open.mutateAsync({ period, rowVersion: set.rowVersion });
      setDialog(null);
      void message.success(t('criteria.opened'));
      onSaved();
    } catch (error) {
      setDialog(null);
      setFailure({ message: (isApiError(error) && error.message) || t('form.saveFailed'), fields: isApiError(error) ? error.fields : [] });
    }
  }

  const show = {
    groups: (gs: GroupValues[] | null | undefined) =>
      (gs ?? []).map((g) => `${g.code} (${(g.items ?? []).map((i) => `${i.code}: ${i.maxPoints ?? ''}`).join(', ')})`).join('; '),
  };
  const conflictFields: ConflictFields<CriteriaFormValues> = {
    groups: { label: t('criteria.groups'), show: show.groups },
    knockOuts: { label: t('criteria.knockOuts'), show: (ks) => (ks ?? []).map((k) => k.code).join(', ') || '—' },
    maxTotal: { label: t('criteria.maxTotal') },
  };
  const groupName = (index: number) => groups[index]?.code || String(index + 1);

  return (
    <div data-testid="criteria-editor">
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Button icon={<CopyOutlined />} data-testid="criteria-copy" onClick={() => setDialog('copy')}>
          {t('criteria.copy')}
        </Button>
        <Button icon={<UploadOutlined />} data-testid="criteria-import" onClick={() => setDialog('import')}>
          {t('criteria.import')}
        </Button>
        {set?.abilities.open && (
          <Button icon={<LockOutlined />} data-testid="criteria-open" disabled={dirty} onClick={() => setDialog('open')}>
            {t('criteria.open')}
          </Button>
        )}
      </Flex>
      {set?.abilities.open && dirty && (
        <Typography.Paragraph type="secondary" data-testid="open-needs-save">
          {t('criteria.openUnsaved')}
        </Typography.Paragraph>
      )}
      {!set && <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="criteria-none" title={t('criteria.noneYet')} />}
      <Form<CriteriaFormValues>
        form={form}
        layout="vertical"
        size="small"
        data-testid="criteria-form"
        initialValues={initialValues}
        disabled={save.isPending}
        scrollToFirstError
        onFinish={(values) => void submit(values)}
        onValuesChange={changed}
      >
        <Flex vertical gap={12}>
          {set && stale.notice(conflictFields, (d) => setDirty(d))}
          {failure && (
            <Alert
              type="error"
              showIcon
              data-testid="save-error"
              title={failure.message}
              description={
                failure.fields.length ? (
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {failure.fields.map((f) => (
                      <li key={f.path}>{f.message}</li>
                    ))}
                  </ul>
                ) : undefined
              }
            />
          )}
          <Typography.Title level={2} style={{ margin: 0, fontSize: 16 }}>
            {t('criteria.groups')}
          </Typography.Title>
          <Form.List name="groups">
            {(fields, { add, remove, move }) => (
              <Flex vertical gap={8}>
                <SortableList
                  fields={fields}
                  prefix="g"
                  nameOf={(id) => groupName(fields.findIndex((f) => `g-${f.key}` === id))}
                  handleLabel={(name) => t('criteria.dragGroup', { code: name })}
                  onMove={(from, to) => {
                    move(from, to);
                    changed();
                  }}
                  after={
                    <Button
                      type="dashed"
                      icon={<PlusOutlined />}
                      data-testid="group-add"
                      style={{ marginTop: 8 }}
                      onClick={() => {
                        add(blankGroup());
                        changed();
                      }}
                    >
                      {t('criteria.addGroup')}
                    </Button>
                  }
                >
                  {(field, handle) => (
                    <div style={{ marginBottom: 8 }}>
                      <GroupCard
                        form={form}
                        groupName={field.name}
                        handle={handle}
                        canRemove={fields.length > 1}
                        onChanged={changed}
                        onRemove={() => {
                          remove(field.name);
                          changed();
                        }}
                      />
                    </div>
                  )}
                </SortableList>
              </Flex>
            )}
          </Form.List>
          <Card
            size="small"
            data-testid="knock-outs"
            title={
              <Typography.Title level={2} style={{ margin: 0, fontSize: 16 }}>
                {t('criteria.knockOuts')}
              </Typography.Title>
            }
          >
            <Form.List name="knockOuts">
              {(fields, { add, remove }) => (
                <Flex vertical gap={6}>
                  {fields.length === 0 && <Typography.Text type="secondary">{t('criteria.noKnockOuts')}</Typography.Text>}
                  {fields.map((field) => (
                    <Flex key={field.key} gap={6} align="start" data-testid={`knock-out-${field.name}`}>
                      <Flex wrap gap={6} style={{ flex: 1, minWidth: 0 }}>
                        <Form.Item
                          name={[field.name, 'code']}
                          style={{ marginBottom: 4, width: 90 }}
                          rules={[{ required: true, whitespace: true, message: t('form.required') }]}
                        >
                          <Input
                            data-testid={testId(['knockOuts', field.name, 'code'])}
                            aria-label={`${t('criteria.knockOutCode')} ${field.name + 1}`}
                            maxLength={20}
                            placeholder={t('criteria.knockOutCode')}
                          />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'text']}
                          style={{ marginBottom: 4, flex: '1 1 220px', minWidth: 0 }}
                          rules={[{ required: true, whitespace: true, message: t('form.required') }]}
                        >
                          <Input.TextArea
                            data-testid={testId(['knockOuts', field.name, 'text'])}
                            aria-label={`${t('criteria.knockOutText')} ${field.name + 1}`}
                            maxLength={1000}
                            autoSize={{ minRows: 1, maxRows: 4 }}
                            placeholder={t('criteria.knockOutText')}
                          />
                        </Form.Item>
                      </Flex>
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`${t('criteria.removeKnockOut')} ${field.name + 1}`}
                        data-testid="knock-out-remove"
                        onClick={() => {
                          remove(field.name);
                          changed();
                        }}
                      />
                    </Flex>
                  ))}
                  <div>
                    <Button
                      size="small"
                      type="dashed"
                      icon={<PlusOutlined />}
                      data-testid="knock-out-add"
                      onClick={() => {
                        add({ code: `K${fields.length + 1}`, text: '' });
                        changed();
                      }}
                    >
                      {t('criteria.addKnockOut')}
                    </Button>
                  </div>
                </Flex>
              )}
            </Form.List>
          </Card>
          <Card size="small" data-testid="frame">
            <Flex wrap gap={12} align="center">
              <Form.Item
                name="maxTotal"
                label={t('criteria.maxTotal')}
                style={{ marginBottom: 0 }}
                rules={[{ required: true, message: t('form.required') }]}
              >
                <InputNumber data-testid={testId(['maxTotal'])} min={0} max={10000} step={1} style={{ width: 120 }} />
              </Form.Item>
              {/* the icon says it at a glance; the sentence, in the text's own colour, stays readable (contrast) */}
              <Flex gap={6} align="center">
                {sum === maxTotal ? (
                  <CheckCircleFilled style={{ color: '#389e0d' }} aria-hidden />
                ) : (
                  <WarningFilled style={{ color: '#d48806' }} aria-hidden />
                )}
                <Typography.Text data-testid="frame-sum" aria-live="polite">
                  {t(sum === maxTotal ? 'criteria.sumMatches' : 'criteria.sumDiffers', { sum, maxTotal: maxTotal ?? 0 })}
                </Typography.Text>
              </Flex>
              {sum !== maxTotal && (
                <Button
                  size="small"
                  data-testid="frame-use-sum"
                  onClick={() => {
                    form.setFieldValue('maxTotal', sum);
                    changed();
                  }}
                >
                  {t('criteria.useSum', { sum })}
                </Button>
              )}
            </Flex>
          </Card>
          <Flex gap={8} wrap>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="criteria-save">
              {t('criteria.save')}
            </Button>
            {set && dirty && (
              <Button
                data-testid="criteria-reset"
                onClick={() => {
                  form.resetFields();
                  setFailure(null);
                  setDirty(false);
                }}
              >
                {t('criteria.discard')}
              </Button>
            )}
          </Flex>
        </Flex>
      </Form>
      {dialog === 'copy' && (
        <CopyDialog
          clusterId={clusterId}
          year={year}
          period={period}
          replacing={set !== undefined}
          onClose={() => setDialog(null)}
          onCopied={() => {
            setDialog(null);
            onSaved();
          }}
        />
      )}
      {dialog === 'import' && (
        <ImportDialog
          onClose={() => setDialog(null)}
          onPlace={(values) => {
            // a sheet without knock-out rows leaves the conditions already in the editor
            const knockOuts = values.knockOuts.length
              ? values.knockOuts
              : (form.getFieldValue('knockOuts') as CriteriaFormValues['knockOuts']);
            form.resetFields();
            form.setFieldsValue({ ...values, knockOuts });
            setDialog(null);
            changed();
            void message.info(t('criteria.importPlaced'));
          }}
        />
      )}
      <Modal
        open={dialog === 'open'}
        title={t('criteria.open')}
        okText={t('criteria.open')}
        cancelText={t('form.cancel')}
        confirmLoading={open.isPending}
        okButtonProps={{ 'data-testid': 'confirm-open' } as never}
        onCancel={() => setDialog(null)}
        onOk={() => void openScoring()}
      >
        <Typography.Paragraph>{t('criteria.openConfirm')}</Typography.Paragraph>
      </Modal>
    </div>
  );
}
