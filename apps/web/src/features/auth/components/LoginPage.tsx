import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api.ts';
import { useLogin, type Credentials } from '../api/auth.ts';

interface LoginPageProps {
  /** Rendered in the corner, e.g. the language switcher. */
  extra?: React.ReactNode;
  onSignedIn: () => void;
}

export function LoginPage({ extra, onSignedIn }: LoginPageProps) {
  const { t } = useTranslation('auth');
  const login = useLogin();
  const error = login.error;
  const errorText = error
    ? isApiError(error, 'INVALID_CREDENTIALS')
      ? error.message || t('login.invalid')
      : (isApiError(error) && error.message) || t('login.failed')
    : null;

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: '#f0f2f5', padding: 16 }}>
      <Flex justify="flex-end" style={{ position: 'absolute', top: 12, right: 16 }}>
        {extra}
      </Flex>
      <Card style={{ width: 380, maxWidth: '100%' }} data-testid="login-page">
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {t('login.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        {errorText && <Alert type="error" showIcon title={errorText} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form<Credentials>
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => login.mutate(values, { onSuccess: onSignedIn })}
          disabled={login.isPending}
        >
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
