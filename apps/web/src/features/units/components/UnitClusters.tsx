import { Card, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import { ApartmentOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/ui/QueryError.tsx';
import { useFormat } from '../../../lib/use-format.ts';
import { useUnitClusters, type UnitCluster } from '../api/units.ts';

/**
 * The clusters and blocks a unit belongs to, among those the caller sees: the years it was a member, its roles by
 * year (head, deputy) and the rotating flag's hand-overs to it. Each cluster's name leads to its page.
 */
export function UnitClusters({ unitId }: { unitId: number }) {
  const { t } = useTranslation('registry');
  const { date } = useFormat();
  const query = useUnitClusters(unitId);
  const span = (from: string | null, to: string | null) => `${date(from) || '…'} – ${date(to) || '…'}`;

  return (
    <Card
      size="small"
      data-testid="unit-clusters"
      title={
        <Space>
          <ApartmentOutlined />
          {t('units.clustersTitle')}
        </Space>
      }
    >
      {query.error ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<UnitCluster>
          // long cluster names wrap inside the card; a phone scrolls the table inside itself
          scroll={{ x: 720 }}
          size="small"
          rowKey="id"
          loading={query.isFetching && !query.data}
          pagination={false}
          dataSource={query.data?.items ?? []}
          onRow={(c) => ({ 'data-testid': `unit-cluster-${c.id}` }) as React.HTMLAttributes<HTMLElement>}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.noClusters')} data-testid="unit-clusters-empty" />,
          }}
          columns={[
            {
              key: 'cluster',
              title: t('units.cluster'),
              width: '40%',
              render: (_, c) => (
                <Flex vertical>
                  <Space size={4} wrap>
                    <Tag>{t(`clusterKind.${c.kind}`)}</Tag>
                    <Link to={`/clusters/${c.id}`}>{c.name}</Link>
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.authorityName}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              key: 'years',
              title: t('units.memberYears'),
              render: (_, c) =>
                c.memberships.length ? (
                  <Flex vertical data-testid="unit-cluster-years">
                    {[...c.memberships]
                      .sort((a, b) => b.year - a.year)
                      .map((m) => (
                        <span key={m.year}>
                          {m.from || m.to ? t('units.memberPartOfYear', { year: m.year, span: span(m.from, m.to) }) : m.year}
                        </span>
                      ))}
                  </Flex>
                ) : (
                  '—'
                ),
            },
            {
              key: 'roles',
              title: t('units.roles'),
              render: (_, c) =>
                c.roles.length ? (
                  <Space size={4} wrap data-testid="unit-cluster-roles">
                    {[...c.roles]
                      .sort((a, b) => b.year - a.year)
                      .map((r) => (
                        <Tag key={`${r.year}-${r.role}`} color={r.role === 'HEAD' ? 'gold' : 'blue'}>
                          {t('units.roleInYear', {
                            role: t(r.role === 'HEAD' ? `clusters.headOf.${c.kind}` : `clusters.deputyOf.${c.kind}`),
                            year: r.year,
                          })}
                        </Tag>
                      ))}
                  </Space>
                ) : (
                  t('units.memberOnly')
                ),
            },
            {
              key: 'flag',
              title: t('clusters.flagTitle'),
              render: (_, c) =>
                c.flagCustody.length ? (
                  <Flex vertical gap={2} data-testid="unit-cluster-flag">
                    {[...c.flagCustody]
                      .sort((a, b) => (a.from < b.from ? 1 : -1))
                      .map((f) => (
                        <span key={f.from}>
                          {f.to ? (
                            span(f.from, f.to)
                          ) : (
                            <Space size={4} wrap>
                              {t('units.flagSince', { from: date(f.from) })}
                              <Tag color="green">{t('clusters.flagCurrent')}</Tag>
                            </Space>
                          )}
                        </span>
                      ))}
                  </Flex>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}
