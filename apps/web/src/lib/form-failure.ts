import { useState } from 'react';
import type { FormInstance } from 'antd';
import { isApiError } from './api.ts';

/** Puts the server's answer on a form: field errors on their fields, the message (or `fallback`) on top. */
export function useFormFailure<V>(form: FormInstance<V>, fallback: string) {
  const [failure, setFailure] = useState<string | null>(null);
  return {
    failure,
    clear: () => setFailure(null),
    show: (error: unknown) => {
      if (isApiError(error) && error.fields.length) {
        form.setFields(error.fields.map((f) => ({ name: f.path.split('.') as never, errors: [f.message] })));
      }
      setFailure((isApiError(error) && error.message) || fallback);
    },
  };
}
