import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { parseRuleId } from '@thidua/domain/rulebook/criteria.ts';

const DOCUMENTS = ['law-06-2022', 'decree-98-2023', 'decree-152-2025'] as const;

/** A legal basis read out from its code: `law-06-2022/art-24` → "Điều 24 Luật Thi đua, khen thưởng 2022"; undefined when unknown. */
export function useRuleLabel() {
  const { t } = useTranslation('records');
  return (rule: string): string | undefined => {
    const basis = parseRuleId(rule);
    if (!basis || !(DOCUMENTS as readonly string[]).includes(basis.document)) return undefined;
    const document = t(`legal.documents.${basis.document}`);
    if (basis.article === undefined) return document;
    const key = basis.clause === undefined ? 'article' : basis.point === undefined ? 'clause' : 'point';
    return t(`legal.${key}`, { document, article: basis.article, clause: basis.clause, point: basis.point });
  };
}

/** The legal basis of a criterion in words, with the engine's code (and the document's full title) in the tooltip. */
export function RuleTag({ rule }: { rule: string }) {
  const { t } = useTranslation('records');
  const label = useRuleLabel()(rule);
  const document = parseRuleId(rule)?.document;
  const title = (
    <Flex vertical>
      {label && document && <span>{t(`legal.documentTitles.${document}`)}</span>}
      <Typography.Text code style={{ color: 'inherit' }} data-testid="reason-rule-code">
        {rule}
      </Typography.Text>
    </Flex>
  );
  return (
    <Tooltip title={title}>
      <Tag color="blue" data-testid="reason-rule" data-rule={rule} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
        {label ?? rule}
      </Tag>
    </Tooltip>
  );
}
