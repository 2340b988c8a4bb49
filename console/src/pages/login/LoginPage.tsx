import { ActionGroup, Alert, Button, Card, CardBody, CardTitle, Form, FormGroup, TextInput } from '@patternfly/react-core';
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { meApi } from '../../api/me';
import type { LoginOptions } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { LanguageSwitch } from '../../components/AppLayout';
import { useAction } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';

/** Only same-app paths are followed after login (never another site). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/clusters';
}

export function LoginPage() {
  const t = useT();
  const { signedIn, me } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [options, setOptions] = useState<LoginOptions>({ ldap: false, oidc: false });
  const login = useAction(async () => {
    const m = await meApi.login(username, password);
    signedIn(m);
    navigate(next, { replace: true });
  });

  useEffect(() => { meApi.options().then(setOptions, () => undefined); }, []);
  useEffect(() => { if (me) navigate(next, { replace: true }); }, [me, next, navigate]);

  const submit = (e: FormEvent) => { e.preventDefault(); login.run(); };
  const failed = login.error instanceof ApiError && login.error.status === 401;
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#151515' }}>
      <Card style={{ width: 420 }}>
        <CardTitle>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
            <h1 style={{ fontSize: 22 }}>{t('login.title')}</h1>
            <LanguageSwitch />
          </div>
          <p style={{ fontWeight: 'normal', fontSize: 14 }}>{options.ldap ? t('login.subtitleLdap') : t('login.subtitle')}</p>
        </CardTitle>
        <CardBody>
          {login.error ? <Alert variant="danger" isInline title={failed ? t('login.failed') : (login.error as Error).message} data-testid="login-error">
            {failed ? (login.error as ApiError).problem.detail : null}</Alert> : null}
          <Form onSubmit={submit}>
            <FormGroup label={t('login.username')} isRequired fieldId="username">
              <TextInput id="username" name="username" autoComplete="username" value={username} onChange={(_e, v) => setUsername(v)} isRequired />
            </FormGroup>
            <FormGroup label={t('login.password')} isRequired fieldId="password">
              <TextInput id="password" name="password" type="password" autoComplete="current-password" value={password}
                onChange={(_e, v) => setPassword(v)} isRequired />
            </FormGroup>
            <ActionGroup>
              <Button type="submit" isBlock isLoading={login.busy} isDisabled={login.busy || !username || !password} data-testid="login-submit">
                {t('login.submit')}</Button>
            </ActionGroup>
            {options.oidc && (
              <Button variant="secondary" isBlock component="a" href={options.oidcLoginUrl ?? '/oauth2/authorization/oidc'} data-testid="login-sso">
                {t('login.sso')}</Button>
            )}
          </Form>
        </CardBody>
      </Card>
    </div>
  );
}
