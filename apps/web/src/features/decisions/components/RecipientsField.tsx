import { useState } from 'react';
import { Button, Empty, Flex, Radio, Select, Table, Tag } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { personItem } from '@thidua/contracts/people.ts';
import { page } from '@thidua/contracts/shared.ts';
import { unitSchema } from '@thidua/contracts/units.ts';
import { api } from '../../../lib/api.ts';
import type { SubjectType } from '../api/decisions.ts';
import { EvidencePicker } from './RecipientEvidence.tsx';

/** A chosen recipient as the form holds it: the reference the server wants, and what the table shows of it. */
export interface PickedRecipient {
  subjectType: SubjectType;
  subjectId: number;
  name: string;
  detail: string;
  evidenceIds?: number[];
}

export const recipientKey = (r: Pick<PickedRecipient, 'subjectType' | 'subjectId'>) => `${r.subjectType}:${r.subjectId}`;

interface RecipientsFieldProps {
  value?: PickedRecipient[];
  onChange?: (value: PickedRecipient[]) => void;
  id?: string;
  /** People and units of this authority. */
  authorityId?: number | null;
  /** A unit issuer commends its own staff: people of this unit. */
  unitId?: number | null;
  disabled?: boolean;
}

/** Search people or units by name or code (the server searches; thousands of them), and the table of those chosen. */
export function RecipientsField({ value = [], onChange, id, authorityId, unitId, disabled }: RecipientsFieldProps) {
  const { t } = useTranslation('registry');
  const [type, setType] = useState<SubjectType>('person');
  const [q, setQ] = useState('');
  const chosen = new Set(value.map(recipientKey));
  const people = useQuery({
    queryKey: ['people', 'options', q, unitId ?? null],
    queryFn: ({ signal }) => api.get(page(personItem), '/people', { q, pageSize: 20, unitId }, signal),
    enabled: type === 'person',
    staleTime: 60_000,
  });
  const units = useQuery({
    queryKey: authorityId ? ['units', 'options', q, authorityId] : ['units', 'options', q],
    queryFn: ({ signal }) => api.get(page(unitSchema), '/units', { q, pageSize: 20, authorityId }, signal),
    enabled: type === 'unit',
    staleTime: 60_000,
  });
  const found: PickedRecipient[] =
    type === 'person'
      ? (people.data?.items ?? []).map((p) => ({
          subjectType: 'person',
          subjectId: p.id,
          name: p.fullName,
          detail: `${p.code} · ${p.unitName}`,
        }))
      : (units.data?.items ?? []).map((u) => ({ subjectType: 'unit', subjectId: u.id, name: u.name, detail: u.code }));
  const options = found.filter((r) => !chosen.has(recipientKey(r)));

  function add(key: string) {
    const picked = options.find((r) => recipientKey(r) === key);
    if (picked) onChange?.([...value, picked]);
  }

  return (
    <Flex vertical gap={8} style={{ minWidth: 0 }}>
      <Flex gap={8} wrap>
        <Radio.Group
          size="small"
          optionType="button"
          disabled={disabled}
          value={type}
          aria-label={t('decisions.recipientType')}
          data-testid="recipient-type"
          onChange={(e) => {
            setType(e.target.value as SubjectType);
            setQ('');
          }}
          options={(['person', 'unit'] as const).map((k) => ({ value: k, label: t(`decisions.recipientTypes.${k}`) }))}
        />
        <Select
          id={id}
          data-testid="recipient-search"
          size="small"
          style={{ flex: '1 1 240px', minWidth: 0 }}
          disabled={disabled}
          value={null}
          showSearch={{ filterOption: false, onSearch: setQ, searchValue: q }}
          loading={type === 'person' ? people.isFetching : units.isFetching}
          placeholder={t(type === 'person' ? 'decisions.searchPerson' : 'decisions.searchUnit')}
          notFoundContent={t('decisions.noMatch')}
          onChange={(key: string | null) => {
            if (key) add(key);
            setQ('');
          }}
          options={options.map((r) => ({ value: recipientKey(r), label: `${r.name} (${r.detail})`, title: r.name }))}
        />
      </Flex>
      <Table<PickedRecipient>
        data-testid="recipients-table"
        size="small"
        rowKey={recipientKey}
        pagination={value.length > 50 ? { pageSize: 50, size: 'small', showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        dataSource={value}
        onRow={(r) => ({ 'data-testid': `recipient-row-${recipientKey(r)}` }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('decisions.noRecipients')} /> }}
        columns={[
          { key: 'n', title: t('decisions.ordinal'), width: 48, render: (_, __, i) => i + 1 },
          { key: 'name', title: t('decisions.recipient'), render: (_, r) => r.name },
          {
            key: 'type',
            title: t('decisions.recipientType'),
            render: (_, r) => <Tag>{t(`decisions.recipientTypes.${r.subjectType}`)}</Tag>,
          },
          { key: 'detail', title: t('fields.code'), render: (_, r) => r.detail },
          {
            key: 'evidence',
            title: t('decisions.evidence'),
            render: (_, r) => (
              <EvidencePicker
                recipient={r}
                value={r.evidenceIds ?? []}
                disabled={disabled}
                onChange={(evidenceIds) => onChange?.(value.map((x) => (recipientKey(x) === recipientKey(r) ? { ...x, evidenceIds } : x)))}
              />
            ),
          },
          {
            key: 'remove',
            title: <span className="sr-only">{t('decisions.remove')}</span>,
            width: 48,
            render: (_, r) => (
              <Button
                size="small"
                type="text"
                danger
                disabled={disabled}
                icon={<DeleteOutlined />}
                aria-label={t('decisions.removeRecipient', { name: r.name })}
                data-testid={`recipient-remove-${recipientKey(r)}`}
                onClick={() => onChange?.(value.filter((x) => recipientKey(x) !== recipientKey(r)))}
              />
            ),
          },
        ]}
      />
    </Flex>
  );
}
