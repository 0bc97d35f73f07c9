import { App as AntApp, Button, Drawer, Flex, Layout, Menu, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { Suspense, useState } from 'react';
import {
  ApartmentOutlined,
  BankOutlined,
  FileDoneOutlined,
  IdcardOutlined,
  LogoutOutlined,
  MenuOutlined,
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
import './layout.css';
import { useFocusableScrollRegions } from '../components/ui/focusable-scroll.ts';

const mainElement = () => document.querySelector<HTMLElement>('main.app-main');

const SECTIONS = [
  { key: 'clusters', icon: <ApartmentOutlined /> },
  { key: 'units', icon: <BankOutlined /> },
  { key: 'people', icon: <TeamOutlined /> },
  { key: 'authorities', icon: <SafetyCertificateOutlined /> },
  { key: 'decisions', icon: <FileDoneOutlined />, label: 'registry:decisions.nav' },
  { key: 'eligibility', icon: <TrophyOutlined />, label: 'records:nav.eligibility' },
  { key: 'users', icon: <IdcardOutlined />, label: 'registry:users.nav', onlyFor: (u: SessionUser) => u.abilities.manageUsers },
] as const;

function Brand() {
  const { t } = useTranslation('common');
  return (
    <Link to="/" style={{ display: 'block', padding: '14px 16px', color: '#fff' }}>
      <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
        {t('common:app.name')}
      </Typography.Text>
      <div style={{ color: 'rgba(255,255,255,0.75)', fontSize: 12 }}>{t('common:app.tagline')}</div>
    </Link>
  );
}

/** The sections the user may open; `prefix` keeps the drawer's links apart from the side bar's. */
function Navigation({
  user,
  selected,
  prefix,
  onNavigate,
}: {
  user: SessionUser;
  selected: string;
  prefix: string;
  onNavigate?: () => void;
}) {
  const { t } = useTranslation(['common', 'records', 'registry']);
  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selected]}
      onClick={onNavigate}
      items={SECTIONS.filter((s) => !('onlyFor' in s) || s.onlyFor(user)).map((s) => ({
        key: s.key,
        icon: s.icon,
        label: (
          <Link to={`/${s.key}`} data-testid={`${prefix}${s.key}`}>
            {'label' in s ? t(s.label) : t(`common:nav.${s.key}`)}
          </Link>
        ),
      }))}
    />
  );
}

export function AppShell({ user }: { user: SessionUser }) {
  const { t } = useTranslation(['common', 'auth']);
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const [drawer, setDrawer] = useState(false);
  useFocusableScrollRegions(mainElement);
  const selected = location.pathname.split('/')[1] ?? '';
  const role = t(`auth:role.${user.role}`);

  return (
    // messages and confirmations of the signed-in screens (the sign-in page needs none)
    <AntApp>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider width={210} theme="dark" className="app-sider" data-testid="app-sider">
          <Brand />
          <Navigation user={user} selected={selected} prefix="nav-" />
        </Layout.Sider>
        <Drawer
          open={drawer}
          onClose={() => setDrawer(false)}
          placement="left"
          size={260}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}
          data-testid="nav-drawer"
          aria-label={t('common:nav.menu')}
        >
          <Brand />
          <Navigation user={user} selected={selected} prefix="drawer-nav-" onNavigate={() => setDrawer(false)} />
        </Drawer>
        <Layout style={{ minWidth: 0 }}>
          <Layout.Header
            style={{ background: '#fff', padding: '0 12px', height: 48, lineHeight: '48px', borderBottom: '1px solid #f0f0f0' }}
          >
            <Flex justify="space-between" align="center" gap={8} style={{ height: '100%' }}>
              <Flex align="center" gap={4} style={{ minWidth: 0 }}>
                <Button
                  type="text"
                  className="app-nav-open"
                  icon={<MenuOutlined />}
                  aria-label={t('common:nav.menu')}
                  aria-expanded={drawer}
                  data-testid="nav-open"
                  onClick={() => setDrawer(true)}
                />
                <Link to="/" className="app-brand-compact" style={{ color: '#1d4e89', fontWeight: 600 }}>
                  {t('common:app.name')}
                </Link>
              </Flex>
              <Flex justify="flex-end" align="center" gap={8} style={{ minWidth: 0 }}>
                <LanguageSwitcher />
                <Tooltip title={`${user.displayName} · ${role}`}>
                  <Space size={6} data-testid="current-user" style={{ minWidth: 0 }}>
                    <UserOutlined aria-label={user.displayName} />
                    <Typography.Text
                      strong
                      className="app-user-text"
                      data-testid="user-name"
                      ellipsis
                      style={{ maxWidth: 260, whiteSpace: 'nowrap' }}
                    >
                      {user.displayName}
                    </Typography.Text>
                    <Tag color="geekblue" className="app-user-text" data-testid="user-role" style={{ marginInlineEnd: 0 }}>
                      {role}
                    </Tag>
                  </Space>
                </Tooltip>
                <Button
                  size="small"
                  icon={<LogoutOutlined />}
                  loading={logout.isPending}
                  aria-label={t('auth:logout')}
                  data-testid="sign-out"
                  onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}
                >
                  <span className="app-signout-text">{t('auth:logout')}</span>
                </Button>
              </Flex>
            </Flex>
          </Layout.Header>
          <Layout.Content className="app-main">
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
