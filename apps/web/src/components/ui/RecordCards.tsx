import type { ReactNode } from 'react';
import { Card, Descriptions, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { VersionedForm, type VersionedFormProps } from './VersionedForm.tsx';

/** A record's facts that are not edited on its page, in two columns; `children` below them. */
export function FactsCard({ title, items, children }: { title: ReactNode; items: DescriptionsProps['items']; children?: ReactNode }) {
  return (
    <Card size="small" title={title}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />
      {children}
    </Card>
  );
}

/** The record's edit form in its own card. */
export function EditCard<V extends object>(props: VersionedFormProps<V>) {
  const { t } = useTranslation('registry');
  return (
    <Card size="small" title={t('form.editTitle')}>
      <VersionedForm<V> {...props} />
    </Card>
  );
}
