/** Form inputs give '' for a cleared field; the API means "no value" by null. Strings are trimmed. */
export function blankToNull<T extends object>(values: T): T {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => {
      if (typeof v !== 'string') return [k, v ?? null];
      const trimmed = v.trim();
      return [k, trimmed === '' ? null : trimmed];
    }),
  ) as T;
}
