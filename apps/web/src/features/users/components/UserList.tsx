import { useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Table, Tag, Tooltip, Typography, type FormInstance } from 'antd';
import { EditOutlined, KeyOutlined, LogoutOutlined, PlusOutlined, StopOutlined, UnlockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { canAssignRole, requiredScopeFields } from '@thidua/domain/access/roles.ts';
import { AuthoritySelect, useAuthorityOptions } from '../../../components/ui/AuthoritySelect.tsx';
import { ClusterSelect, useClusterOptions } from '../../../components/ui/ClusterSelect.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { QueryError } from '../../../components/ui/QueryError.tsx';
import { UnitSelect, useUnitName } from '../../../components/ui/UnitSelect.tsx';
import { isApiError } from '../../../lib/api.ts';
import { PAGE_SIZES, useListParams } from '../../../lib/list-params.ts';
import { ROLES, type Role, type SessionUser } from '../../../lib/session.ts';
import { MIN_PASSWORD_LENGTH, useCreateUser, useRevokeSessions, useUpdateUser, useUsers, type NewAccount, type UserAccount } from '../api/users.ts';

const NO_FILTERS = [] as const;

/** Accounts: who may sign in, with which role and over which data, and their open sessions. */
export function UserList({ user }: { user: SessionUser }) {
  const { t } = useTranslation('registry');
  const { params, setQuery, setPage } = useListParams(NO_FILTERS);
  const query = useUsers(params);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<{ account: UserAccount; what: 'rename' | 'password' } | null>(null);

  return (
    <div data-testid="user-list">
      <PageHeader
        title={t('users.title')}
        extra={
          <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-new">
            {t('users.new')}
          </Button>
        }
      />
      <Card size="small">
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            key={params.q}
            data-testid="list-search"
            size="small"
            allowClear
            style={{ width: 280 }}
            placeholder={t('users.searchPlaceholder')}
            defaultValue={params.q}
            onSearch={setQuery}
          />
        </Flex>
        {query.error ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<UserAccount>
            data-testid="user-table"
            size="small"
            rowKey="id"
            loading={query.isFetching}
            dataSource={query.data?.items ?? []}
            scroll={{ x: 1100 }}
            onRow={(u) => ({ 'data-testid': `user-row-${u.username}` }) as React.HTMLAttributes<HTMLElement>}
            pagination={{
              current: params.page,
              pageSize: params.pageSize,
              total: query.data?.total ?? 0,
              pageSizeOptions: PAGE_SIZES,
              showSizeChanger: true,
              size: 'small',
              showTotal: (total) => t('list.total', { count: total }),
              onChange: setPage,
            }}
            columns={[
              { key: 'username', title: t('users.username'), dataIndex: 'username', width: 150 },
              { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName', width: 220 },
              { key: 'role', title: t('users.role'), width: 200, render: (_, u) => <Tag color="geekblue">{t(`auth:role.${u.role}`)}</Tag> },
              { key: 'scope', title: t('users.scope'), render: (_, u) => <ScopeCell account={u} /> },
              {
                key: 'status',
                title: t('users.status'),
                width: 110,
                render: (_, u) => (u.disabled ? <Tag color="red">{t('users.disabled')}</Tag> : <Tag color="green">{t('users.enabled')}</Tag>),
              },
              { key: 'sessions', title: t('users.activeSessions'), dataIndex: 'activeSessions', width: 100, align: 'right' },
              {
                key: 'actions',
                title: '',
                width: 150,
                render: (_, u) => <RowActions account={u} self={u.id === user.id} onEdit={(what) => setEditing({ account: u, what })} />,
              },
            ]}
          />
        )}
      </Card>
      {creating && <NewAccountDialog user={user} onClose={() => setCreating(false)} />}
      {editing?.what === 'rename' && <RenameDialog account={editing.account} onClose={() => setEditing(null)} />}
      {editing?.what === 'password' && <PasswordDialog account={editing.account} onClose={() => setEditing(null)} />}
    </div>
  );
}

/** The data an account sees: the authority, and the cluster of a year or the unit its role is tied to. */
function ScopeCell({ account }: { account: UserAccount }) {
  const { t } = useTranslation('registry');
  const authorities = useAuthorityOptions().data?.items ?? [];
  const clusters = useClusterOptions().data?.items ?? [];
  const unitName = useUnitName(account.unitId);
  if (account.role === 'SYSTEM_ADMIN') return <Typography.Text type="secondary">{t('users.allData')}</Typography.Text>;
  const authority = authorities.find((a) => a.id === account.authorityId)?.name ?? (account.authorityId ? `#${account.authorityId}` : '—');
  const cluster = account.clusterId ? (clusters.find((c) => c.id === account.clusterId)?.name ?? `#${account.clusterId}`) : null;
  const unit = account.unitId ? (unitName ?? `#${account.unitId}`) : null;
  return (
    <Flex vertical data-testid="user-scope">
      <span>{authority}</span>
      {cluster && <Typography.Text type="secondary">{account.year ? t('users.clusterOfYear', { cluster, year: account.year }) : cluster}</Typography.Text>}
      {unit && <Typography.Text type="secondary">{unit}</Typography.Text>}
    </Flex>
  );
}

function RowActions({ account, self, onEdit }: { account: UserAccount; self: boolean; onEdit: (what: 'rename' | 'password') => void }) {
  const { t } = useTranslation('registry');
  const { message } = App.useApp();
  const update = useUpdateUser();
  const revoke = useRevokeSessions();

  async function run(action: () => Promise<unknown>, done: string) {
    try {
      await action();
      void message.success(done);
    } catch (error) {
      void message.error((isApiError(error) && error.message) || t('form.saveFailed'));
    }
  }

  const toggle = () => run(() => update.mutateAsync({ id: account.id, patch: { disabled: !account.disabled } }), t(account.disabled ? 'users.enabledDone' : 'users.disabledDone'));
  return (
    <Space size={2}>
      <Tooltip title={t('users.rename')}>
        <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('users.rename')} data-testid="user-rename" onClick={() => onEdit('rename')} />
      </Tooltip>
      <Tooltip title={t('users.resetPassword')}>
        <Button size="small" type="text" icon={<KeyOutlined />} aria-label={t('users.resetPassword')} data-testid="user-password" onClick={() => onEdit('password')} />
      </Tooltip>
      <Popconfirm
        title={t(account.disabled ? 'users.confirmEnable' : 'users.confirmDisable', { name: account.username })}
        okText={t(account.disabled ? 'users.enable' : 'users.disable')}
        cancelText={t('form.cancel')}
        okButtonProps={{ 'data-testid': 'confirm-toggle', danger: !account.disabled } as never}
        onConfirm={toggle}
        disabled={self && !account.disabled}
      >
        <Tooltip title={self && !account.disabled ? t('users.cannotDisableSelf') : t(account.disabled ? 'users.enable' : 'users.disable')}>
          <Button
            size="small"
            type="text"
            danger={!account.disabled}
            disabled={self && !account.disabled}
            icon={account.disabled ? <UnlockOutlined /> : <StopOutlined />}
            aria-label={t(account.disabled ? 'users.enable' : 'users.disable')}
            data-testid="user-toggle"
            loading={update.isPending}
          />
        </Tooltip>
      </Popconfirm>
      <Popconfirm
        title={t('users.confirmRevoke', { name: account.username })}
        description={self ? t('users.revokeSelfHint') : undefined}
        okText={t('users.revoke')}
        cancelText={t('form.cancel')}
        okButtonProps={{ 'data-testid': 'confirm-revoke', danger: true } as never}
        onConfirm={() => run(() => revoke.mutateAsync(account.id), t('users.revoked'))}
      >
        <Tooltip title={t('users.revoke')}>
          <Button size="small" type="text" icon={<LogoutOutlined />} aria-label={t('users.revoke')} data-testid="user-revoke" loading={revoke.isPending} />
        </Tooltip>
      </Popconfirm>
    </Space>
  );
}

/** Puts the server's answer on the form: field errors on their fields, the message on top. */
function useFailure<V>(form: FormInstance<V>, fallback: string) {
  const [failure, setFailure] = useState<string | null>(null);
  return {
    failure,
    clear: () => setFailure(null),
    show: (error: unknown) => {
      if (isApiError(error) && error.fields.length) {
        form.setFields(error.fields.map((f) => ({ name: f.path.split('.') as never, errors: [f.message] })));
      }
      setFailure((isApiError(error) && error.message) || fallback);
    },
  };
}

type NewAccountForm = NewAccount & { confirm?: string };

function NewAccountDialog({ user, onClose }: { user: SessionUser; onClose: () => void }) {
  const { t } = useTranslation('registry');
  const { message } = App.useApp();
  const [form] = Form.useForm<NewAccountForm>();
  const create = useCreateUser();
  const { failure, clear, show } = useFailure(form, t('form.saveFailed'));
  const required = t('form.required');
  const role = Form.useWatch('role', form) as Role | undefined;
  const authorityId = Form.useWatch('authorityId', form) as number | undefined;
  const needs = new Set<string>(role ? requiredScopeFields(role) : []);
  const admin = user.role === 'SYSTEM_ADMIN';

  async function submit({ confirm: _confirm, ...values }: NewAccountForm) {
    clear();
    const body: NewAccount = {
      username: values.username.trim(),
      displayName: values.displayName.trim(),
      password: values.password,
      role: values.role,
      ...(needs.has('authorityId') ? { authorityId: values.authorityId } : {}),
      ...(needs.has('clusterId') ? { clusterId: values.clusterId, year: values.year } : {}),
      ...(needs.has('unitId') ? { unitId: values.unitId } : {}),
    };
    try {
      await create.mutateAsync(body);
      void message.success(t('users.created', { name: body.username }));
      onClose();
    } catch (error) {
      show(error);
    }
  }

  return (
    <Modal
      open
      width={640}
      title={t('users.new')}
      okText={t('form.create')}
      cancelText={t('form.cancel')}
      okButtonProps={{ 'data-testid': 'user-submit' } as never}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<NewAccountForm>
        form={form}
        data-testid="user-create-form"
        layout="vertical"
        size="small"
        initialValues={{ role: 'VIEWER', authorityId: user.authorityId ?? undefined, year: new Date().getFullYear() }}
        disabled={create.isPending}
        onFinish={(values) => void submit(values)}
        onValuesChange={(changed: Partial<NewAccountForm>) => {
          clear();
          // a cluster or unit of another authority no longer fits
          if ('authorityId' in changed) form.setFieldsValue({ clusterId: undefined, unitId: undefined });
        }}
      >
        {failure && <Alert type="error" showIcon data-testid="save-error" style={{ marginBottom: 12 }} title={failure} />}
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item
              name="username"
              label={t('users.username')}
              extra={t('users.usernameHint')}
              rules={[
                { required: true, whitespace: true, message: required },
                { pattern: /^\s*[a-z0-9._-]{3,100}\s*$/i, message: t('users.usernameFormat') },
              ]}
            >
              <Input data-testid="field-username" maxLength={100} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, message: required }]}>
              <Input data-testid="field-displayName" maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <PasswordFields />
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: required }]}>
          <Select
            data-testid="field-role"
            options={ROLES.filter((r) => canAssignRole(user.role, r)).map((r) => ({ value: r, label: t(`auth:role.${r}`) }))}
          />
        </Form.Item>
        {needs.has('authorityId') && (
          <Form.Item name="authorityId" label={t('fields.authority')} rules={[{ required: true, message: required }]} extra={admin ? undefined : t('users.ownAuthorityOnly')}>
            <AuthoritySelect data-testid="field-authorityId" allowClear={false} disabled={!admin} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {needs.has('clusterId') && (
          <Row gutter={12}>
            <Col span={16}>
              <Form.Item name="clusterId" label={t('users.cluster')} rules={[{ required: true, message: required }]}>
                <ClusterSelect data-testid="field-clusterId" authorityId={authorityId} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="year" label={t('filters.year')} rules={[{ required: true, message: required }]}>
                <InputNumber data-testid="field-year" style={{ width: '100%' }} precision={0} min={2000} max={2200} />
              </Form.Item>
            </Col>
          </Row>
        )}
        {needs.has('unitId') && (
          <Form.Item name="unitId" label={t('fields.unit')} rules={[{ required: true, message: required }]}>
            <UnitSelect data-testid="field-unitId" authorityId={authorityId} style={{ width: '100%' }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** A new password, typed twice. */
function PasswordFields() {
  const { t } = useTranslation('registry');
  const required = t('form.required');
  return (
    <Row gutter={12}>
      <Col span={12}>
        <Form.Item
          name="password"
          label={t('users.password')}
          rules={[
            { required: true, message: required },
            { min: MIN_PASSWORD_LENGTH, message: t('users.passwordLength', { min: MIN_PASSWORD_LENGTH }) },
          ]}
        >
          <Input.Password data-testid="field-password" maxLength={200} autoComplete="new-password" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name="confirm"
          label={t('users.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true, message: required },
            ({ getFieldValue }) => ({
              validator: (_, value) => (!value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('users.passwordMismatch')))),
            }),
          ]}
        >
          <Input.Password data-testid="field-confirm" maxLength={200} autoComplete="new-password" />
        </Form.Item>
      </Col>
    </Row>
  );
}

function RenameDialog({ account, onClose }: { account: UserAccount; onClose: () => void }) {
  const { t } = useTranslation('registry');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ displayName: string }>();
  const update = useUpdateUser();
  const { failure, clear, show } = useFailure(form, t('form.saveFailed'));

  async function submit(values: { displayName: string }) {
    clear();
    try {
      await update.mutateAsync({ id: account.id, patch: { displayName: values.displayName.trim() } });
      void message.success(t('users.renamed'));
      onClose();
    } catch (error) {
      show(error);
    }
  }

  return (
    <Modal
      open
      title={t('users.renameTitle', { name: account.username })}
      okText={t('users.save')}
      cancelText={t('form.cancel')}
      okButtonProps={{ 'data-testid': 'rename-submit' } as never}
      confirmLoading={update.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} data-testid="user-rename-form" layout="vertical" size="small" initialValues={{ displayName: account.displayName }} onFinish={(v) => void submit(v)} onValuesChange={clear}>
        {failure && <Alert type="error" showIcon data-testid="save-error" style={{ marginBottom: 12 }} title={failure} />}
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
          <Input data-testid="field-displayName" maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PasswordDialog({ account, onClose }: { account: UserAccount; onClose: () => void }) {
  const { t } = useTranslation('registry');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const update = useUpdateUser();
  const { failure, clear, show } = useFailure(form, t('form.saveFailed'));

  async function submit(values: { password: string }) {
    clear();
    try {
      await update.mutateAsync({ id: account.id, patch: { password: values.password } });
      void message.success(t('users.passwordReset'));
      onClose();
    } catch (error) {
      show(error);
    }
  }

  return (
    <Modal
      open
      width={560}
      title={t('users.passwordTitle', { name: account.username })}
      okText={t('users.save')}
      cancelText={t('form.cancel')}
      okButtonProps={{ 'data-testid': 'password-submit' } as never}
      confirmLoading={update.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} data-testid="user-password-form" layout="vertical" size="small" onFinish={(v) => void submit(v)} onValuesChange={clear}>
        {failure && <Alert type="error" showIcon data-testid="save-error" style={{ marginBottom: 12 }} title={failure} />}
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('users.passwordEndsSessions')} />
        <PasswordFields />
      </Form>
    </Modal>
  );
}
