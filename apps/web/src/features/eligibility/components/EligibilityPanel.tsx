import { useState } from 'react';
import { Card, Collapse, Empty, Flex, Skeleton, Switch, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { AWARD_BY_CODE, type AwardCode } from '@thidua/domain/rulebook/vocabulary.ts';
import { QueryError } from '../../../components/ui/QueryError.tsx';
import { useFormat } from '../../../lib/use-format.ts';
import { useSubjectEligibility, type AwardVerdict, type SubjectType } from '../api/eligibility.ts';
import { RuleTag } from './RuleTag.tsx';
import { YearSelect } from './YearSelect.tsx';

const GREEN = '#389e0d';
const RED = '#cf1322';
const GREY = '#8c8c8c';

export function StatusIcon({ met }: { met: boolean }) {
  return met ? <CheckCircleFilled style={{ color: GREEN }} /> : <CloseCircleFilled style={{ color: RED }} />;
}

/** A condition's icon; in a verdict left to the council, what is not met is the council's to judge, not a failure. */
function ReasonIcon({ met, council }: { met: boolean; council: boolean }) {
  return !met && council ? <QuestionCircleFilled style={{ color: GREY }} data-testid="reason-council" /> : <StatusIcon met={met} />;
}

function OutcomeTag({ item }: { item: AwardVerdict }) {
  const { t } = useTranslation('records');
  const style = { marginInlineEnd: 0 };
  if (item.outcome === 'council')
    return (
      <Tooltip title={t('eligibility.councilHint')}>
        <Tag style={style} data-testid="eligibility-outcome">
          {t('eligibility.council')}
        </Tag>
      </Tooltip>
    );
  return (
    <Tag color={item.outcome === 'met' ? 'success' : 'error'} style={style} data-testid="eligibility-outcome">
      {t(item.outcome === 'met' ? 'eligibility.met' : 'eligibility.notMet')}
    </Tag>
  );
}

function Verdicts({ items }: { items: AwardVerdict[] }) {
  const { t } = useTranslation('records');
  const { vnd } = useFormat();
  return (
    <Collapse
      size="small"
      items={items.map((item) => {
        const council = item.outcome === 'council';
        return {
          key: item.award,
          label: (
            <Flex
              justify="space-between"
              align="center"
              gap={8}
              data-testid={`eligibility-item-${item.award}`}
              data-eligible={item.eligible}
              data-outcome={item.outcome}
              data-applies={item.applies}
            >
              <Flex gap={8} align="center" style={{ opacity: item.applies ? 1 : 0.65 }}>
                {council ? <QuestionCircleFilled style={{ color: GREY }} /> : <StatusIcon met={item.eligible} />}
                <Typography.Text strong={item.eligible}>{item.awardName}</Typography.Text>
                {!item.applies && (
                  <Tag bordered={false} data-testid="eligibility-not-applicable" style={{ marginInlineEnd: 0 }}>
                    {t('eligibility.notApplicable')}
                  </Tag>
                )}
              </Flex>
              <Flex gap={6} align="center">
                {item.rewardVnd !== null && item.rewardVnd !== undefined && (
                  <Tooltip title={t('eligibility.rewardHint')}>
                    <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }} data-testid="eligibility-reward">
                      {t('eligibility.reward', { amount: vnd(item.rewardVnd) })}
                    </Typography.Text>
                  </Tooltip>
                )}
                <OutcomeTag item={item} />
              </Flex>
            </Flex>
          ),
          children: (
            <Flex vertical gap={6} data-testid="eligibility-reasons">
              {item.reasons.map((reason, i) => (
                <Flex key={i} gap={8} align="flex-start" data-testid="eligibility-reason" data-met={reason.met}>
                  <span style={{ paddingTop: 2 }}>
                    <ReasonIcon met={reason.met} council={council} />
                  </span>
                  <RuleTag rule={reason.rule} />
                  <Typography.Text style={{ fontSize: 13 }}>{reason.message}</Typography.Text>
                </Flex>
              ))}
            </Flex>
          ),
        };
      })}
    />
  );
}

/**
 * The titles and forms meant for a person or collective in a year (all of them on request), met, not met or left to
 * the council, with the articles behind each condition.
 */
export function EligibilityPanel({ subjectType, id }: { subjectType: SubjectType; id: number }) {
  const { t } = useTranslation('records');
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [showAll, setShowAll] = useState(false);
  const query = useSubjectEligibility(subjectType, id, year);
  const all = query.data?.items ?? [];
  const items = showAll ? all : all.filter((i) => i.applies);
  const hidden = all.length - all.filter((i) => i.applies).length;
  const category = (code: string) => AWARD_BY_CODE[code as AwardCode]?.category ?? 'FORM';
  const titles = items.filter((i) => category(i.award) === 'TITLE');
  const forms = items.filter((i) => category(i.award) !== 'TITLE');
  const met = items.filter((i) => i.outcome === 'met').length;
  const council = items.filter((i) => i.outcome === 'council').length;

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
      ) : all.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('eligibility.none')} />
      ) : (
        <Flex vertical gap={10} style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
          <Flex justify="space-between" gap={8} wrap>
            <Typography.Text data-testid="eligibility-summary">
              {t('eligibility.summary', { met, total: items.length })}
              {council > 0 && ` · ${t('eligibility.councilCount', { count: council })}`}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="eligibility-rulebook">
              {t('eligibility.rulebook')}: <Tag style={{ marginInlineEnd: 0 }}>{query.data.rulebook ?? t('eligibility.noRulebook')}</Tag>
            </Typography.Text>
          </Flex>
          {hidden > 0 && (
            <Flex gap={8} align="center">
              <Switch
                size="small"
                checked={showAll}
                onChange={setShowAll}
                data-testid="eligibility-show-all"
                id={`eligibility-show-all-${id}`}
              />
              <label htmlFor={`eligibility-show-all-${id}`}>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('eligibility.showAll')}
                </Typography.Text>
              </label>
            </Flex>
          )}
          {items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('eligibility.none')} />}
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
