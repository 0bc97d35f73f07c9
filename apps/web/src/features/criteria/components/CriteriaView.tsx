import { Card, Descriptions, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CriteriaContent, CriterionItem } from '../api/criteria.ts';
import { regularSum, formatLevels } from './criteria-form.ts';

type Row = CriterionItem & { group: string };

/** How an item is scored, with its target or levels. */
function MethodCell({ item }: { item: CriterionItem }) {
  const { t } = useTranslation('registry');
  return (
    <span>
      {t(`criteria.methods.${item.method}`)}
      {item.method === 'proportional' && item.target !== undefined && ` · ${t('criteria.target')}: ${item.target}`}
      {item.method === 'graded' && item.levels && ` · ${formatLevels(item.levels)}`}
    </span>
  );
}

function ItemsTable({ items, testId, showGroup }: { items: Row[]; testId: string; showGroup?: boolean }) {
  const { t } = useTranslation('registry');
  return (
    <Table<Row>
      data-testid={testId}
      size="small"
      rowKey="code"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={items}
      onRow={(item) => ({ 'data-testid': `view-item-${item.code}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'code', title: t('criteria.itemCode'), dataIndex: 'code', width: 70 },
        ...(showGroup ? [{ key: 'group', title: t('criteria.groupCode'), dataIndex: 'group', width: 70 }] : []),
        {
          key: 'text',
          title: t('criteria.itemText'),
          dataIndex: 'text',
          render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span>,
        },
        { key: 'max', title: t('criteria.maxPoints'), dataIndex: 'maxPoints', width: 90, align: 'end' },
        { key: 'method', title: t('criteria.method'), width: 160, render: (_, item) => <MethodCell item={item} /> },
        ...(showGroup
          ? [
              {
                key: 'kind',
                title: t('criteria.kind'),
                width: 90,
                render: (_: unknown, item: Row) => (
                  <Tag color={item.kind === 'bonus' ? 'green' : 'volcano'}>{t(`criteria.kinds.${item.kind}`)}</Tag>
                ),
              },
            ]
          : []),
        {
          key: 'evidence',
          title: t('criteria.evidenceRequired'),
          width: 110,
          render: (_, item) => (item.evidenceRequired ? t('criteria.yes') : t('criteria.no')),
        },
      ]}
    />
  );
}

/** The table as it stands: its groups of regular items, the bonus and penalty items apart, the knock-out conditions. */
export function CriteriaView({ content }: { content: CriteriaContent }) {
  const { t } = useTranslation('registry');
  const extras: Row[] = content.groups.flatMap((g) => g.items.filter((i) => i.kind !== 'regular').map((i) => ({ ...i, group: g.code })));
  const sum = regularSum(content.groups);
  return (
    <Flex vertical gap={12} data-testid="criteria-view">
      <Descriptions
        size="small"
        bordered
        column={1}
        data-testid="criteria-frame"
        items={[
          { key: 'maxTotal', label: t('criteria.maxTotal'), children: <span data-testid="frame-total">{content.maxTotal}</span> },
          { key: 'sum', label: t('criteria.regularSum'), children: sum },
        ]}
      />
      {content.groups.map((g) => {
        const regular = g.items.filter((i) => i.kind === 'regular').map((i) => ({ ...i, group: g.code }));
        const groupMax = regularSum([g]);
        return (
          <Card
            key={g.code}
            size="small"
            data-testid={`view-group-${g.code}`}
            title={
              <Typography.Title level={2} style={{ margin: 0, fontSize: 16, whiteSpace: 'normal' }}>
                {g.code}. {g.title}
              </Typography.Title>
            }
            extra={<Typography.Text type="secondary">{t('criteria.groupMax', { max: groupMax })}</Typography.Text>}
          >
            {regular.length ? (
              <ItemsTable items={regular} testId={`view-items-${g.code}`} />
            ) : (
              <Typography.Text type="secondary">{t('criteria.noRegular')}</Typography.Text>
            )}
          </Card>
        );
      })}
      <Card
        size="small"
        data-testid="view-extras"
        title={
          <Typography.Title level={2} style={{ margin: 0, fontSize: 16 }}>
            {t('criteria.extras')}
          </Typography.Title>
        }
      >
        {extras.length ? (
          <ItemsTable items={extras} testId="view-extras-table" showGroup />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('criteria.noExtras')} />
        )}
      </Card>
      <Card
        size="small"
        data-testid="view-knock-outs"
        title={
          <Typography.Title level={2} style={{ margin: 0, fontSize: 16 }}>
            {t('criteria.knockOuts')}
          </Typography.Title>
        }
      >
        {content.knockOuts.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {content.knockOuts.map((k) => (
              <li key={k.code} data-testid={`view-knock-out-${k.code}`}>
                <strong>{k.code}</strong> {k.text}
              </li>
            ))}
          </ul>
        ) : (
          <Typography.Text type="secondary">{t('criteria.noKnockOuts')}</Typography.Text>
        )}
      </Card>
    </Flex>
  );
}
