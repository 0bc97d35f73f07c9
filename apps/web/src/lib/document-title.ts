import { useEffect } from 'react';

/** Each page names its browser tab: "Cụm thi đua số 18 · thidua". */
export function useDocumentTitle(title: string | undefined) {
  useEffect(() => {
    if (title) document.title = `${title} · thidua`;
  }, [title]);
}
