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

/**
 * The record's edit form in its own card — for those who may edit it. Everyone else reads the same facts as facts:
 * a card of details, not a form of greyed inputs titled "Edit".
 */
export function EditCard<V extends object>({ facts, ...props }: VersionedFormProps<V> & { facts: DescriptionsProps['items'] }) {
  const { t } = useTranslation('registry');
  if (!props.canEdit)
    return (
      <Card size="small" title={t('form.detailsTitle')} data-testid={`${props.testId}-facts`}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={facts} />
      </Card>
    );
  return (
    <Card size="small" title={t('form.editTitle')}>
      <VersionedForm<V> {...props} />
    </Card>
  );
}
