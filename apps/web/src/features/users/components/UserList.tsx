import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { DownloadOutlined, EditOutlined, KeyOutlined, LogoutOutlined, StopOutlined, UnlockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { canAssignRole, requiredScopeFields } from '@thidua/domain/access/roles.ts';
import { AuthoritySelect, useAuthorityOptions } from '../../../components/ui/AuthoritySelect.tsx';
import { ClusterSelect, useClusterOptions } from '../../../components/ui/ClusterSelect.tsx';
import { CreateButton } from '../../../components/ui/CreateButton.tsx';
import { FormDialog } from '../../../components/ui/FormDialog.tsx';
import { ListToolbar } from '../../../components/ui/ListToolbar.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { RegistryTable } from '../../../components/ui/RegistryTable.tsx';
import { UnitSelect, useUnitName } from '../../../components/ui/UnitSelect.tsx';
import { isApiError } from '../../../lib/api.ts';
import { useListParams } from '../../../lib/list-params.ts';
import { ROLES, type Role, type SessionUser } from '../../../lib/session.ts';
import {
  MIN_PASSWORD_LENGTH,
  useCreateUser,
  useResetPassword,
  useRevokeSessions,
  useUpdateUser,
  useUsers,
  type NewAccount,
  type UserAccount,
} from '../api/users.ts';

const NO_FILTERS = [] as const;

/** Accounts: who may sign in, with which role and over which data, and their open sessions. */
export function UserList({ user }: { user: SessionUser }) {
  const { t } = useTranslation('registry');
  const list = useListParams(NO_FILTERS);
  const query = useUsers(list.params);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<{ account: UserAccount; what: 'rename' | 'password' } | null>(null);

  return (
    <div data-testid="user-list">
      <PageHeader
        title={t('users.title')}
        extra={
          <Space>
            {user.abilities.downloadBackup && (
              // a plain download: the browser saves the dated .tar.gz the server streams
              <Button size="small" icon={<DownloadOutlined />} href="/api/v1/admin/backup" data-testid="backup-download">
                {t('users.backup')}
              </Button>
            )}
            <CreateButton testId="user-new" onClick={() => setCreating(true)}>
              {t('users.new')}
            </CreateButton>
          </Space>
        }
      />
      <Card size="small">
        <ListToolbar list={list} searchPlaceholder={t('users.searchPlaceholder')} />
        <RegistryTable<UserAccount>
          data-testid="user-table"
          query={query}
          list={list}
          scroll={{ x: 1100 }}
          rowTestId={(u) => `user-row-${u.username}`}
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
      {cluster && (
        <Typography.Text type="secondary">
          {account.year ? t('users.clusterOfYear', { cluster, year: account.year }) : cluster}
        </Typography.Text>
      )}
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

  const toggle = () =>
    run(
      () => update.mutateAsync({ id: account.id, patch: { disabled: !account.disabled } }),
      t(account.disabled ? 'users.enabledDone' : 'users.disabledDone'),
    );
  return (
    <Space size={2}>
      {account.abilities.update && (
        <Tooltip title={t('users.rename')}>
          <Button
            size="small"
            type="text"
            icon={<EditOutlined />}
            aria-label={t('users.rename')}
            data-testid="user-rename"
            onClick={() => onEdit('rename')}
          />
        </Tooltip>
      )}
      {account.abilities.resetPassword && (
        <Tooltip title={t('users.resetPassword')}>
          <Button
            size="small"
            type="text"
            icon={<KeyOutlined />}
            aria-label={t('users.resetPassword')}
            data-testid="user-password"
            onClick={() => onEdit('password')}
          />
        </Tooltip>
      )}
      <Popconfirm
        title={t(account.disabled ? 'users.confirmEnable' : 'users.confirmDisable', { name: account.username })}
        okText={t(account.disabled ? 'users.enable' : 'users.disable')}
        cancelText={t('form.cancel')}
        okButtonProps={{ 'data-testid': 'confirm-toggle', danger: !account.disabled } as never}
        onConfirm={toggle}
        disabled={!account.abilities.disable}
      >
        <Tooltip
          title={self && !account.abilities.disable ? t('users.cannotDisableSelf') : t(account.disabled ? 'users.enable' : 'users.disable')}
        >
          <Button
            size="small"
            type="text"
            danger={!account.disabled}
            disabled={!account.abilities.disable}
            icon={account.disabled ? <UnlockOutlined /> : <StopOutlined />}
            aria-label={t(account.disabled ? 'users.enable' : 'users.disable')}
            data-testid="user-toggle"
            loading={update.isPending}
          />
        </Tooltip>
      </Popconfirm>
      {account.abilities.revokeSessions && (
        <Popconfirm
          title={t('users.confirmRevoke', { name: account.username })}
          description={self ? t('users.revokeSelfHint') : undefined}
          okText={t('users.revoke')}
          cancelText={t('form.cancel')}
          okButtonProps={{ 'data-testid': 'confirm-revoke', danger: true } as never}
          onConfirm={() => run(() => revoke.mutateAsync(account.id), t('users.revoked'))}
        >
          <Tooltip title={t('users.revoke')}>
            <Button
              size="small"
              type="text"
              icon={<LogoutOutlined />}
              aria-label={t('users.revoke')}
              data-testid="user-revoke"
              loading={revoke.isPending}
            />
          </Tooltip>
        </Popconfirm>
      )}
    </Space>
  );
}

type NewAccountForm = NewAccount & { confirm?: string };

function NewAccountDialog({ user, onClose }: { user: SessionUser; onClose: () => void }) {
  const { t } = useTranslation('registry');
  const { message } = App.useApp();
  const [form] = Form.useForm<NewAccountForm>();
  const create = useCreateUser();
  const required = t('form.required');
  const role = Form.useWatch('role', form) as Role | undefined;
  const authorityId = Form.useWatch('authorityId', form) as number | undefined;
  const needs = new Set<string>(role ? requiredScopeFields(role) : []);
  const admin = user.role === 'SYSTEM_ADMIN';

  async function submit({ confirm: _confirm, ...values }: NewAccountForm) {
    const body: NewAccount = {
      username: values.username.trim(),
      displayName: values.displayName.trim(),
      password: values.password,
      role: values.role,
      ...(needs.has('authorityId') ? { authorityId: values.authorityId } : {}),
      ...(needs.has('clusterId') ? { clusterId: values.clusterId, year: values.year } : {}),
      ...(needs.has('unitId') ? { unitId: values.unitId } : {}),
    };
    await create.mutateAsync(body);
    void message.success(t('users.created', { name: body.username }));
  }

  return (
    <FormDialog<NewAccountForm>
      form={form}
      width={640}
      title={t('users.new')}
      okText={t('form.create')}
      submitTestId="user-submit"
      testId="user-create-form"
      initialValues={{ role: 'VIEWER', authorityId: user.authorityId ?? undefined, year: new Date().getFullYear() }}
      pending={create.isPending}
      onSubmit={submit}
      onValuesChange={(changed) => {
        // a cluster or unit of another authority no longer fits
        if ('authorityId' in changed) form.setFieldsValue({ clusterId: undefined, unitId: undefined });
      }}
      onClose={onClose}
    >
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
        <Form.Item
          name="authorityId"
          label={t('fields.authority')}
          rules={[{ required: true, message: required }]}
          extra={admin ? undefined : t('users.ownAuthorityOnly')}
        >
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
    </FormDialog>
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
              validator: (_, value) =>
                !value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('users.passwordMismatch'))),
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
  const [form] = Form.useForm<{ displayName: string }>();
  const update = useUpdateUser();

  return (
    <FormDialog<{ displayName: string }>
      form={form}
      title={t('users.renameTitle', { name: account.username })}
      okText={t('users.save')}
      submitTestId="rename-submit"
      testId="user-rename-form"
      initialValues={{ displayName: account.displayName }}
      pending={update.isPending}
      lockWhilePending={false}
      onSubmit={(values) => update.mutateAsync({ id: account.id, patch: { displayName: values.displayName.trim() } })}
      savedMessage={t('users.renamed')}
      onClose={onClose}
    >
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[{ required: true, whitespace: true, message: t('form.required') }]}
      >
        <Input data-testid="field-displayName" maxLength={200} />
      </Form.Item>
    </FormDialog>
  );
}

function PasswordDialog({ account, onClose }: { account: UserAccount; onClose: () => void }) {
  const { t, i18n } = useTranslation('registry');
  const reset = useResetPassword();
  const issued = reset.data;
  const failure = reset.error ? (isApiError(reset.error) && reset.error.message) || t('form.saveFailed') : null;
  return (
    <Modal
      open
      width={560}
      title={t('users.passwordTitle', { name: account.username })}
      onCancel={onClose}
      data-testid="user-password-form"
      footer={
        issued ? (
          <Button type="primary" onClick={onClose} data-testid="password-done">
            {t('users.resetDone')}
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('form.cancel')}</Button>
            <Button danger type="primary" loading={reset.isPending} onClick={() => reset.mutate(account.id)} data-testid="password-submit">
              {t('users.resetIssue')}
            </Button>
          </Space>
        )
      }
    >
      {failure && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={failure} />}
      {issued ? (
        <div data-testid="password-reset-code">
          <Typography.Paragraph>{t('users.resetGiveCode', { name: account.displayName })}</Typography.Paragraph>
          <Typography.Paragraph
            copyable={{ text: issued.code }}
            style={{ fontFamily: 'monospace', fontSize: 24, letterSpacing: 2, textAlign: 'center' }}
            data-testid="reset-code"
          >
            {issued.code}
          </Typography.Paragraph>
          <Alert
            type="warning"
            showIcon
            title={t('users.resetOnce', { until: new Date(issued.expiresAt).toLocaleString(i18n.language) })}
          />
        </div>
      ) : (
        <Alert type="info" showIcon title={t('users.resetExplain')} />
      )}
    </Modal>
  );
}
