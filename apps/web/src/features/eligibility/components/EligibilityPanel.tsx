import { useState } from 'react';
import { Card, Collapse, Empty, Flex, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { AWARD_BY_CODE, type AwardCode } from '@thidua/domain/rulebook/vocabulary.ts';
import { QueryError } from '../../../components/ui/QueryError.tsx';
import { useFormat } from '../../../lib/use-format.ts';
import { useSubjectEligibility, type AwardVerdict, type SubjectType } from '../api/eligibility.ts';
import { RuleTag } from './RuleTag.tsx';
import { YearSelect } from './YearSelect.tsx';

const GREEN = '#389e0d';
const RED = '#cf1322';

export function StatusIcon({ met }: { met: boolean }) {
  return met ? <CheckCircleFilled style={{ color: GREEN }} /> : <CloseCircleFilled style={{ color: RED }} />;
}

function Verdicts({ items }: { items: AwardVerdict[] }) {
  const { t } = useTranslation('records');
  const { vnd } = useFormat();
  return (
    <Collapse
      size="small"
      items={items.map((item) => ({
        key: item.award,
        label: (
          <Flex justify="space-between" align="center" gap={8} data-testid={`eligibility-item-${item.award}`} data-eligible={item.eligible}>
            <Flex gap={8} align="center">
              <StatusIcon met={item.eligible} />
              <Typography.Text strong={item.eligible}>{item.awardName}</Typography.Text>
            </Flex>
            <Flex gap={6} align="center">
              {item.rewardVnd !== null && item.rewardVnd !== undefined && (
                <Tooltip title={t('eligibility.rewardHint')}>
                  <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }} data-testid="eligibility-reward">
                    {t('eligibility.reward', { amount: vnd(item.rewardVnd) })}
                  </Typography.Text>
                </Tooltip>
              )}
              <Tag color={item.eligible ? 'success' : 'error'} style={{ marginInlineEnd: 0 }}>
                {t(item.eligible ? 'eligibility.met' : 'eligibility.notMet')}
              </Tag>
            </Flex>
          </Flex>
        ),
        children: (
          <Flex vertical gap={6} data-testid="eligibility-reasons">
            {item.reasons.map((reason, i) => (
              <Flex key={i} gap={8} align="flex-start" data-testid="eligibility-reason" data-met={reason.met}>
                <span style={{ paddingTop: 2 }}>
                  <StatusIcon met={reason.met} />
                </span>
                <RuleTag rule={reason.rule} />
                <Typography.Text style={{ fontSize: 13 }}>{reason.message}</Typography.Text>
              </Flex>
            ))}
          </Flex>
        ),
      }))}
    />
  );
}

/** Every title and form a person or collective could receive in a year, met or not, with the articles behind it. */
export function EligibilityPanel({ subjectType, id }: { subjectType: SubjectType; id: number }) {
  const { t } = useTranslation('records');
  const [year, setYear] = useState(() => new Date().getFullYear());
  const query = useSubjectEligibility(subjectType, id, year);
  const items = query.data?.items ?? [];
  const category = (code: string) => AWARD_BY_CODE[code as AwardCode]?.category ?? 'FORM';
  const titles = items.filter((i) => category(i.award) === 'TITLE');
  const forms = items.filter((i) => category(i.award) !== 'TITLE');
  const met = items.filter((i) => i.eligible).length;

  return (
    <Card
      size="small"
      data-testid="eligibility-panel"
      title={t('eligibility.title', { year })}
      extra={<YearSelect data-testid="eligibility-year" value={year} onChange={setYear} />}
    >
      {query.error ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('eligibility.none')} />
      ) : (
        <Flex vertical gap={10} style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
          <Flex justify="space-between" gap={8} wrap>
            <Typography.Text data-testid="eligibility-summary">{t('eligibility.summary', { met, total: items.length })}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="eligibility-rulebook">
              {t('eligibility.rulebook')}: <Tag style={{ marginInlineEnd: 0 }}>{query.data.rulebook ?? t('eligibility.noRulebook')}</Tag>
            </Typography.Text>
          </Flex>
          {titles.length > 0 && (
            <div>
              <Typography.Text type="secondary">{t('eligibility.titles')}</Typography.Text>
              <Verdicts items={titles} />
            </div>
          )}
          {forms.length > 0 && (
            <div>
              <Typography.Text type="secondary">{t('eligibility.forms')}</Typography.Text>
              <Verdicts items={forms} />
            </div>
          )}
        </Flex>
      )}
    </Card>
  );
}
