import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

const DOCUMENTS = ['law-06-2022', 'decree-98-2023', 'decree-152-2025'] as const;

/** The legal basis of a criterion as the engine names it (`law-06-2022/art-23`), read out in the tooltip. */
export function RuleTag({ rule }: { rule: string }) {
  const { t } = useTranslation('records');
  const [doc = '', part = ''] = rule.split('/');
  const article = /^art-(\d+)/.exec(part)?.[1];
  const known = (DOCUMENTS as readonly string[]).includes(doc);
  const title = known
    ? article
      ? t('legal.article', { document: t(`legal.documents.${doc}`), article })
      : t(`legal.documents.${doc}`)
    : undefined;
  return (
    <Tooltip title={title}>
      <Tag color="blue" data-testid="reason-rule" style={{ fontFamily: 'monospace', marginInlineEnd: 0 }}>
        {rule}
      </Tag>
    </Tooltip>
  );
}
