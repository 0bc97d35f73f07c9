import { useState } from 'react';
import { Alert, Button, Flex, Form, theme } from 'antd';
import Input from 'antd/es/input/Input';
import Password from 'antd/es/input/Password';
import { KeyOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '@thidua/contracts/shared.ts';
import { isApiError } from '../../../lib/api.ts';
import { useDocumentTitle } from '../../../lib/document-title.ts';
import { useCompleteReset, useLogin, type Credentials, type ResetCompletion } from '../api/auth.ts';

interface LoginPageProps {
  /** Rendered under the card, e.g. the choice of language. */
  extra?: React.ReactNode;
  onSignedIn: () => void;
}

export function LoginPage({ extra, onSignedIn }: LoginPageProps) {
  const { t } = useTranslation('auth');
  const [resetting, setResetting] = useState(false);
  useDocumentTitle(t(resetting ? 'reset.resetTitle' : 'login.title'));
  const login = useLogin();
  const error = login.error;
  const errorText = error
    ? isApiError(error, 'INVALID_CREDENTIALS')
      ? error.message || t('login.invalid')
      : (isApiError(error) && error.message) || t('login.failed')
    : null;

  return (
    <Flex
      component="main"
      vertical
      align="center"
      justify="center"
      gap={12}
      style={{ minHeight: '100vh', background: '#f0f2f5', padding: 16 }}
    >
      <LoginCard>
        <Title>{resetting ? t('reset.resetTitle') : t('login.title')}</Title>
        {resetting ? (
          <ResetForm onSignedIn={onSignedIn} onBack={() => setResetting(false)} />
        ) : (
          <>
            <Subtitle>{t('login.subtitle')}</Subtitle>
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
                <Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
                {t('login.submit')}
              </Button>
            </Form>
            <Button type="link" block style={{ marginTop: 8 }} onClick={() => setResetting(true)} data-testid="login-reset-link">
              {t('reset.resetLink')}
            </Button>
          </>
        )}
      </LoginCard>
      {extra}
    </Flex>
  );
}

// The login page is the first page most visits load: it draws its card and headings with AntD's design tokens rather
// than Card and Typography, which bring tabs, skeletons, tooltips and editing the page never shows.

function Title({ children }: { children: React.ReactNode }) {
  const { token } = theme.useToken();
  return (
    <h1
      style={{
        margin: '0 0 4px',
        color: token.colorTextHeading,
        fontSize: token.fontSizeHeading3,
        lineHeight: token.lineHeightHeading3,
        fontWeight: token.fontWeightStrong,
      }}
    >
      {children}
    </h1>
  );
}

function Subtitle({ children }: { children: React.ReactNode }) {
  const { token } = theme.useToken();
  return <p style={{ margin: `0 0 ${token.marginMD}px`, color: token.colorTextSecondary, fontSize: token.fontSize }}>{children}</p>;
}

function LoginCard({ children }: { children: React.ReactNode }) {
  const { token } = theme.useToken();
  return (
    <div
      data-testid="login-page"
      style={{
        width: 380,
        maxWidth: '100%',
        fontFamily: token.fontFamily,
        padding: token.paddingLG,
        background: token.colorBgContainer,
        border: `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
      }}
    >
      {children}
    </div>
  );
}

/** The owner of a reset account: the one-time code and a new password, typed twice. */
function ResetForm({ onSignedIn, onBack }: { onSignedIn: () => void; onBack: () => void }) {
  const { t } = useTranslation('auth');
  const complete = useCompleteReset();
  const error = complete.error ? (isApiError(complete.error) && complete.error.message) || t('login.failed') : null;
  return (
    <>
      <Subtitle>{t('reset.resetSubtitle')}</Subtitle>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="reset-error" />}
      <Form<ResetCompletion & { confirm: string }>
        layout="vertical"
        requiredMark={false}
        onFinish={({ username, code, newPassword }) => complete.mutate({ username, code, newPassword }, { onSuccess: onSignedIn })}
        disabled={complete.isPending}
      >
        <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="reset-username" />
        </Form.Item>
        <Form.Item name="code" label={t('reset.code')} rules={[{ required: true, message: t('reset.codeRequired') }]}>
          <Input prefix={<KeyOutlined />} autoComplete="one-time-code" data-testid="reset-code-input" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('reset.newPassword')}
          rules={[
            { required: true, message: t('login.passwordRequired') },
            { min: MIN_PASSWORD_LENGTH, message: t('reset.passwordLength', { min: MIN_PASSWORD_LENGTH }) },
          ]}
        >
          <Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="reset-new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('reset.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('login.passwordRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('reset.mismatch'))),
            }),
          ]}
        >
          <Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="reset-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={complete.isPending} data-testid="reset-submit">
          {t('reset.resetSubmit')}
        </Button>
      </Form>
      <Button type="link" block style={{ marginTop: 8 }} onClick={onBack}>
        {t('reset.back')}
      </Button>
    </>
  );
}
