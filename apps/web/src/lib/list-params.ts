// A list screen's search, filters and page live in the URL, so a link or a reload shows the same list.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export const DEFAULT_PAGE_SIZE = 20;
export const PAGE_SIZES = [10, 20, 50, 100];

export interface ListParams {
  q: string;
  page: number;
  pageSize: number;
  filters: Record<string, string | undefined>;
}

export function useListParams(filterNames: readonly string[]) {
  const [search, setSearch] = useSearchParams();
  const key = filterNames.join(',');
  const params: ListParams = useMemo(() => {
    const page = Number(search.get('page'));
    const pageSize = Number(search.get('pageSize'));
    return {
      q: search.get('q') ?? '',
      page: Number.isInteger(page) && page >= 1 ? page : 1,
      pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
      filters: Object.fromEntries(
        key
          .split(',')
          .filter(Boolean)
          .map((name) => [name, search.get(name) ?? undefined]),
      ),
    };
  }, [search, key]);

  const update = useCallback(
    (changes: Record<string, string | number | undefined | null>, resetPage = true) => {
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [name, value] of Object.entries(changes)) {
            if (value === undefined || value === null || value === '') next.delete(name);
            else next.set(name, String(value));
          }
          if (resetPage && !('page' in changes)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setSearch],
  );

  return {
    params,
    setQuery: (q: string) => update({ q: q.trim() }),
    setFilter: (name: string, value: string | number | undefined | null) => update({ [name]: value }),
    setPage: (page: number, pageSize: number) =>
      update({ page: page > 1 ? page : undefined, pageSize: pageSize === DEFAULT_PAGE_SIZE ? undefined : pageSize }, false),
  };
}
