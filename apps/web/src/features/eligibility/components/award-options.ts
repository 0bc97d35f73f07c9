import { useTranslation } from 'react-i18next';
import { AWARDS } from '@thidua/domain/rulebook/vocabulary.ts';

/** Every title and form, grouped, named from the vocabulary catalogue. */
export function useAwardOptions() {
  const { t } = useTranslation('records');
  const group = (category: 'TITLE' | 'FORM') => ({
    label: t(category === 'TITLE' ? 'eligibility.titles' : 'eligibility.forms'),
    title: category,
    options: AWARDS.filter((a) => a.category === category).map((a) => ({ value: a.code, label: t(`vocabulary:awards.${a.code}`) })),
  });
  return [group('TITLE'), group('FORM')];
}
