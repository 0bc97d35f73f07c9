import { Card, Empty, Table } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/ui/QueryError.tsx';
import { useFormat } from '../../../lib/use-format.ts';
import { useDecisionsNaming, type DecisionItem, type SubjectType } from '../api/decisions.ts';
import { StatusTag } from './StatusTag.tsx';

/** On a person's or a unit's page: the award decisions that name them, each linking to its page. */
export function SubjectDecisions({ subjectType, id }: { subjectType: SubjectType; id: number }) {
  const { t } = useTranslation('registry');
  const { date } = useFormat();
  const query = useDecisionsNaming(subjectType, id);
  return (
    <Card size="small" title={t('decisions.title')} data-testid="subject-decisions">
      {query.error ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<DecisionItem>
          data-testid="subject-decisions-table"
          size="small"
          rowKey="id"
          loading={query.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={false}
          dataSource={query.data?.items ?? []}
          onRow={(d) => ({ 'data-testid': `subject-decision-${d.id}` }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('decisions.noneNaming')} /> }}
          columns={[
            {
              key: 'number',
              title: t('decisions.number'),
              render: (_, d) => (
                <Link to={`/decisions/${d.id}`} style={{ whiteSpace: 'nowrap' }}>
                  {d.number ?? t('decisions.noNumber')}
                </Link>
              ),
            },
            { key: 'date', title: t('decisions.issueDate'), render: (_, d) => date(d.issueDate) || '—' },
            {
              key: 'award',
              title: t('decisions.award'),
              render: (_, d) => t(`vocabulary:awards.${d.awardCode}`, { defaultValue: d.awardCode }),
            },
            { key: 'year', title: t('decisions.year'), dataIndex: 'year' },
            { key: 'issuer', title: t('decisions.issuer'), dataIndex: 'issuerName' },
            { key: 'status', title: t('decisions.statusLabel'), render: (_, d) => <StatusTag status={d.status} /> },
          ]}
        />
      )}
    </Card>
  );
}
