import { useMemo, useState, type ReactNode } from 'react';
import { App, Button, Card, Descriptions, Empty, Flex, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { CrownOutlined, DeleteOutlined, FlagOutlined, PlusOutlined, SwapOutlined, TrophyOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../components/ui/DateInput.tsx';
import { DetailScaffold } from '../../../components/ui/DetailScaffold.tsx';
import { EditCard, FactsCard } from '../../../components/ui/RecordCards.tsx';
import { isApiError } from '../../../lib/api.ts';
import { sortByVietnamese, useDateFormat } from '../../../lib/format.ts';
import { useReloadRecord } from '../../../lib/history.ts';
import { useFormat } from '../../../lib/use-format.ts';
import {
  useCluster,
  useRemoveMember,
  useUpdateCluster,
  type ClusterDetail as Detail,
  type ClusterMembership,
  type FlagCustody,
} from '../api/clusters.ts';
import { AddMemberDialog, FlagDialog, LeadershipDialog } from './ClusterDialogs.tsx';

interface ClusterDetailProps {
  id: number;
  /** Shown beside the record (the route puts the history there). */
  aside?: ReactNode;
}

/** The years the cluster has members or leaders in, newest first. */
export function clusterYears(cluster: Pick<Detail, 'memberships' | 'leadership'>): number[] {
  const years = new Set([...cluster.memberships.map((m) => m.year), ...cluster.leadership.map((l) => l.year)]);
  return [...years].sort((a, b) => b - a);
}

/** This year when the cluster has it, otherwise its latest year. */
export function defaultYear(years: number[], now = new Date().getFullYear()): number {
  return years.includes(now) ? now : (years[0] ?? now);
}

export function ClusterDetail({ id, aside }: ClusterDetailProps) {
  const { t } = useTranslation('registry');
  const query = useCluster(id);
  const reload = useReloadRecord(() => query.refetch());

  return (
    <DetailScaffold
      query={query}
      testId="cluster-detail"
      backTo="/clusters"
      title={(cluster) => (
        <Space>
          {cluster.name}
          <Tag>{t(`clusterKind.${cluster.kind}`)}</Tag>
        </Space>
      )}
      aside={(cluster) => (
        <Flex vertical gap={12}>
          <ClusterEditCard cluster={cluster} onReload={reload} />
          {aside}
        </Flex>
      )}
    >
      {(cluster) => (
        <>
          <GeneralCard cluster={cluster} />
          <MembersCard cluster={cluster} onReload={reload} />
          <FlagCard cluster={cluster} />
        </>
      )}
    </DetailScaffold>
  );
}

function GeneralCard({ cluster }: { cluster: Detail }) {
  const { t } = useTranslation('registry');
  const { date } = useFormat();
  const decision = cluster.decision;
  const signer = decision && [decision.signerTitle, decision.signerName].filter(Boolean).join(' ');
  return (
    <FactsCard
      title={t('clusters.general')}
      items={[
        { key: 'code', label: t('fields.code'), children: cluster.code },
        { key: 'authority', label: t('clusters.organisingBody'), children: cluster.authorityName },
        { key: 'activeFrom', label: t('clusters.activeFrom'), children: date(cluster.activeFrom) || '—' },
        { key: 'activeTo', label: t('clusters.activeTo'), children: date(cluster.activeTo) || t('clusters.stillActive') },
      ]}
    >
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {t('clusters.decisionTitle')}
      </Typography.Title>
      {decision ? (
        <Descriptions
          data-testid="cluster-decision"
          size="small"
          bordered
          column={1}
          items={[
            { key: 'number', label: t('decision.number'), children: <span data-testid="decision-number">{decision.number}</span> },
            {
              key: 'issuedOn',
              label: t('decision.issuedOn'),
              children: <span data-testid="decision-date">{date(decision.issuedOn)}</span>,
            },
            { key: 'issuer', label: t('decision.issuer'), children: decision.issuer },
            { key: 'signer', label: t('decision.signer'), children: signer || '—' },
            { key: 'summary', label: t('decision.summary'), children: decision.summary || '—' },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('clusters.noDecision')}</Typography.Text>
      )}
    </FactsCard>
  );
}

function MembersCard({ cluster, onReload }: { cluster: Detail; onReload: () => Promise<unknown> }) {
  const { abilities } = cluster;
  const { t } = useTranslation('registry');
  const { date } = useFormat();
  const { message } = App.useApp();
  const years = useMemo(() => clusterYears(cluster), [cluster]);
  const [chosen, setChosen] = useState<number | null>(null);
  const [dialog, setDialog] = useState<'member' | 'leadership' | null>(null);
  const remove = useRemoveMember(cluster.id);
  const year = chosen ?? defaultYear(years);
  const members = sortByVietnamese(
    cluster.memberships.filter((m) => m.year === year),
    (m) => m.unitName,
  );
  const leaders = cluster.leadership.find((l) => l.year === year);
  const roleOf = (unitId: number) => (unitId === leaders?.headUnitId ? 'head' : unitId === leaders?.deputyUnitId ? 'deputy' : null);

  async function removeMember(m: ClusterMembership) {
    try {
      await remove.mutateAsync(m.id);
      void message.success(t('clusters.memberRemoved'));
    } catch (error) {
      // the head or deputy of the year stays until the leaders change (409)
      void message.error((isApiError(error) && error.message) || t('form.saveFailed'));
    }
  }

  return (
    <Card
      size="small"
      title={t('clusters.membersTitle')}
      extra={
        <Space size={4} wrap>
          <Typography.Text type="secondary" id="members-year-label">
            {t('filters.year')}
          </Typography.Text>
          <Select
            data-testid="members-year"
            aria-labelledby="members-year-label"
            size="small"
            style={{ width: 100 }}
            value={year}
            onChange={setChosen}
            options={(years.includes(year) ? years : [year, ...years]).map((y) => ({ value: y, label: String(y) }))}
          />
          <Link to={`/clusters/${cluster.id}/years/${year}/criteria`} data-testid="criteria-link">
            {t('criteria.link', { year })}
          </Link>
          {years.includes(year) && (
            <Link to={`/clusters/${cluster.id}/years/${year}/round`} data-testid="round-link">
              <TrophyOutlined /> {t('scoring:clusterLink', { year })}
            </Link>
          )}
          {abilities.addMember && (
            <Button size="small" icon={<PlusOutlined />} data-testid="member-add" onClick={() => setDialog('member')}>
              {t('clusters.addMember')}
            </Button>
          )}
          {abilities.setLeadership && (
            <Button
              size="small"
              icon={<CrownOutlined />}
              data-testid="leadership-set"
              disabled={members.length === 0}
              onClick={() => setDialog('leadership')}
            >
              {t(`clusters.leadershipButton.${cluster.kind}`)}
            </Button>
          )}
        </Space>
      }
    >
      <Descriptions
        data-testid="cluster-leadership-year"
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'head',
            label: t(`clusters.headOf.${cluster.kind}`),
            children: <span data-testid="head-of-year">{leaders?.headUnitName ?? '—'}</span>,
          },
          {
            key: 'deputy',
            label: t(`clusters.deputyOf.${cluster.kind}`),
            children: <span data-testid="deputy-of-year">{leaders?.deputyUnitName ?? '—'}</span>,
          },
        ]}
      />
      <Table<ClusterMembership>
        scroll={{ x: 'max-content' }}
        data-testid="cluster-members"
        size="small"
        rowKey="id"
        dataSource={members}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('clusters.noMembers', { year })} /> }}
        onRow={() => ({ 'data-testid': 'member-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'index', title: '#', width: 40, render: (_, __, i) => i + 1 },
          {
            key: 'unit',
            title: t('fields.unit'),
            render: (_, m) => (
              <Space size={4}>
                <Link to={`/units/${m.unitId}`}>{m.unitName}</Link>
                {roleOf(m.unitId) && (
                  <Tag color={roleOf(m.unitId) === 'head' ? 'red' : 'orange'}>{t(`clusters.${roleOf(m.unitId)}Of.${cluster.kind}`)}</Tag>
                )}
              </Space>
            ),
          },
          {
            key: 'type',
            title: t('fields.unitType'),
            width: 220,
            render: (_, m) => t(`unitType.${m.unitType}`, { defaultValue: m.unitType }),
          },
          { key: 'from', title: t('fields.from'), width: 100, render: (_, m) => date(m.from) || '—' },
          { key: 'to', title: t('fields.to'), width: 100, render: (_, m) => date(m.to) || '—' },
          ...(abilities.removeMember
            ? [
                {
                  key: 'remove',
                  title: '',
                  width: 40,
                  render: (_: unknown, m: ClusterMembership) => (
                    <Popconfirm
                      title={t('clusters.confirmRemoveMember', { unit: m.unitName, year: m.year })}
                      okText={t('clusters.removeMember')}
                      cancelText={t('form.cancel')}
                      okButtonProps={{ 'data-testid': 'confirm-remove-member', danger: true } as never}
                      onConfirm={() => removeMember(m)}
                    >
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('clusters.removeMember')}
                        data-testid="member-remove"
                      />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {dialog === 'member' && <AddMemberDialog cluster={cluster} year={year} onClose={() => setDialog(null)} onAdded={setChosen} />}
      {dialog === 'leadership' && <LeadershipDialog cluster={cluster} year={year} onClose={() => setDialog(null)} onReload={onReload} />}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t(`clusters.leadershipTitle.${cluster.kind}`)}
      </Typography.Title>
      <Table
        scroll={{ x: 'max-content' }}
        data-testid="cluster-leadership"
        size="small"
        rowKey="year"
        pagination={false}
        dataSource={[...cluster.leadership].sort((a, b) => b.year - a.year)}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('clusters.noLeadership')} /> }}
        columns={[
          { key: 'year', title: t('filters.year'), dataIndex: 'year', width: 80 },
          { key: 'head', title: t(`clusters.headOf.${cluster.kind}`), render: (_, l) => l.headUnitName ?? '—' },
          { key: 'deputy', title: t(`clusters.deputyOf.${cluster.kind}`), render: (_, l) => l.deputyUnitName ?? '—' },
        ]}
      />
    </Card>
  );
}

function FlagCard({ cluster }: { cluster: Detail }) {
  const { t } = useTranslation('registry');
  const { date } = useFormat();
  const [handingOver, setHandingOver] = useState(false);
  const rows = [...cluster.flagCustody].sort((a, b) => (a.from < b.from ? 1 : -1));
  const years = clusterYears(cluster);
  return (
    <Card
      size="small"
      title={
        <Space>
          <FlagOutlined />
          {t('clusters.flagTitle')}
        </Space>
      }
      extra={
        cluster.abilities.handOverFlag && (
          <Button size="small" icon={<SwapOutlined />} data-testid="flag-hand-over" onClick={() => setHandingOver(true)}>
            {t('clusters.handOverFlag')}
          </Button>
        )
      }
    >
      {handingOver && <FlagDialog cluster={cluster} year={defaultYear(years)} onClose={() => setHandingOver(false)} />}
      <Table<FlagCustody>
        scroll={{ x: 'max-content' }}
        data-testid="flag-custody"
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('clusters.noFlag')} /> }}
        columns={[
          { key: 'unit', title: t('clusters.flagHolder'), render: (_, f) => <Link to={`/units/${f.unitId}`}>{f.unitName}</Link> },
          { key: 'from', title: t('fields.from'), width: 100, render: (_, f) => date(f.from) },
          {
            key: 'to',
            title: t('fields.to'),
            width: 100,
            render: (_, f) => (f.to ? date(f.to) : <Tag color="green">{t('clusters.flagCurrent')}</Tag>),
          },
          { key: 'note', title: t('fields.note'), render: (_, f) => f.note ?? '' },
        ]}
      />
    </Card>
  );
}

interface ClusterForm {
  name: string;
  activeTo: string | null;
}

function ClusterEditCard({ cluster, onReload }: { cluster: Detail; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation('registry');
  const date = useDateFormat();
  const [form] = Form.useForm<ClusterForm>();
  const update = useUpdateCluster(cluster.id);
  return (
    <EditCard<ClusterForm>
      testId="cluster-form"
      form={form}
      version={cluster.version}
      canEdit={cluster.abilities.update}
      initialValues={{ name: cluster.name, activeTo: cluster.activeTo }}
      facts={[
        { key: 'name', label: t('fields.name'), children: cluster.name },
        { key: 'activeTo', label: t('clusters.activeTo'), children: date(cluster.activeTo) || '—' },
      ]}
      onSave={(values) => update.mutateAsync({ version: values.version, name: values.name.trim(), activeTo: values.activeTo ?? null })}
      onReload={onReload}
      fields={{ name: { label: t('fields.name') }, activeTo: { label: t('clusters.activeTo') } }}
    >
      <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
        <Input data-testid="field-name" maxLength={255} />
      </Form.Item>
      <Form.Item name="activeTo" label={t('clusters.activeTo')}>
        <DateInput data-testid="field-activeTo" />
      </Form.Item>
    </EditCard>
  );
}
