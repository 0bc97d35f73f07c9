import { App as AntApp, Button, Flex, Layout, Menu, Skeleton, Space, Tag, Typography } from 'antd';
import { Suspense } from 'react';
import {
  ApartmentOutlined,
  BankOutlined,
  IdcardOutlined,
  LogoutOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../components/ui/LanguageSwitcher.tsx';
import type { SessionUser } from '../lib/session.ts';
import { useLogout } from '../features/auth/api/auth.ts';

const SECTIONS = [
  { key: 'clusters', icon: <ApartmentOutlined /> },
  { key: 'units', icon: <BankOutlined /> },
  { key: 'people', icon: <TeamOutlined /> },
  { key: 'authorities', icon: <SafetyCertificateOutlined /> },
  { key: 'eligibility', icon: <TrophyOutlined />, label: 'records:nav.eligibility' },
  { key: 'users', icon: <IdcardOutlined />, label: 'registry:users.nav', onlyFor: (u: SessionUser) => u.abilities.manageUsers },
] as const;

export function AppShell({ user }: { user: SessionUser }) {
  const { t } = useTranslation(['common', 'auth']);
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const selected = location.pathname.split('/')[1] ?? '';

  // AntD's App (messages, notifications and dialogs from hooks) serves the signed-in screens; the login page goes without
  return (
    <AntApp>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider breakpoint="lg" collapsedWidth={0} width={210} theme="dark" data-testid="app-sider">
          <Link to="/" style={{ display: 'block', padding: '14px 16px', color: '#fff' }}>
            <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
              {t('common:app.name')}
            </Typography.Text>
            <div style={{ color: 'rgba(255,255,255,0.65)', fontSize: 12 }}>{t('common:app.tagline')}</div>
          </Link>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[selected]}
            items={SECTIONS.filter((s) => !('onlyFor' in s) || s.onlyFor(user)).map((s) => ({
              key: s.key,
              icon: s.icon,
              label: (
                <Link to={`/${s.key}`} data-testid={`nav-${s.key}`}>
                  {'label' in s ? t(s.label) : t(`common:nav.${s.key}`)}
                </Link>
              ),
            }))}
          />
        </Layout.Sider>
        <Layout>
          <Layout.Header
            style={{ background: '#fff', padding: '0 16px', height: 48, lineHeight: '48px', borderBottom: '1px solid #f0f0f0' }}
          >
            <Flex justify="flex-end" align="center" gap={12} style={{ height: '100%' }}>
              <LanguageSwitcher />
              <Space size={6} data-testid="current-user">
                <UserOutlined />
                <Typography.Text strong data-testid="user-name">
                  {user.displayName}
                </Typography.Text>
                <Tag color="geekblue" data-testid="user-role">
                  {t(`auth:role.${user.role}`)}
                </Tag>
              </Space>
              <Button
                size="small"
                icon={<LogoutOutlined />}
                loading={logout.isPending}
                data-testid="sign-out"
                onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}
              >
                {t('auth:logout')}
              </Button>
            </Flex>
          </Layout.Header>
          <Layout.Content style={{ padding: 16 }}>
            {/* screens load on first visit */}
            <Suspense fallback={<Skeleton active data-testid="screen-loading" />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </AntApp>
  );
}
