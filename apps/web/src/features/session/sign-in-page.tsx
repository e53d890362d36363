import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useClient } from 'urql';
import { z } from 'zod';
import { PageMeta } from '../../app/head';
import { TextField } from '../../ui/field';
import { applyUserErrors, USER_ERROR_MESSAGES, type UserErrorCode } from '../../ui/form-errors';
import { safeNext, useBrowserSession } from './session-context';
import { LoginMutation, WEB_CLIENT } from './session.queries';
import './session.css';

const schema = z.object({
  email: z.string().trim().min(1, 'session.field.required').pipe(z.email('session.field.email')),
  password: z.string().min(1, 'session.field.required'),
});
type SignInValues = z.infer<typeof schema>;

export function SignInPage() {
  const intl = useIntl();
  const client = useClient();
  const session = useBrowserSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [failure, setFailure] = useState<UserErrorCode | 'network' | null>(null);
  const form = useForm<SignInValues>({ resolver: zodResolver(schema), defaultValues: { email: '', password: '' } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    const result = await client.mutation(LoginMutation, { input: { ...values, tokenDelivery: 'COOKIE' } }, WEB_CLIENT).toPromise();
    const payload = result.data?.login;
    if (!payload) {
      setFailure('network');
      return;
    }
    const rest = applyUserErrors(payload.userErrors, ['email', 'password'], form.setError);
    const [first] = rest;
    if (first) {
      setFailure(first);
      return;
    }
    if (payload.access && payload.viewer) {
      session.signedIn(payload.access, payload.viewer);
      await navigate(next, { replace: true });
    }
  });

  const registerLink = next === '/' ? '/register' : `/register?next=${encodeURIComponent(next)}`;
  return (
    <section className="page auth">
      <PageMeta
        title={`${intl.formatMessage({ id: 'session.signIn.title' })} · Bottega`}
        description={intl.formatMessage({ id: 'session.signIn.description' })}
        path="/sign-in"
      />
      <h1>
        <FormattedMessage id="session.signIn.title" />
      </h1>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        {failure ? (
          <p className="form__alert" role="alert">
            <FormattedMessage id={failure === 'network' ? 'session.error.network' : USER_ERROR_MESSAGES[failure]} />
          </p>
        ) : null}
        <TextField
          id="sign-in-email"
          type="email"
          autoComplete="email"
          label={<FormattedMessage id="session.field.email.label" />}
          error={errors.email?.message}
          {...form.register('email')}
        />
        <TextField
          id="sign-in-password"
          type="password"
          autoComplete="current-password"
          label={<FormattedMessage id="session.field.password.label" />}
          error={errors.password?.message}
          {...form.register('password')}
        />
        <button type="submit" className="button" disabled={isSubmitting}>
          <FormattedMessage id="session.signIn.submit" />
        </button>
      </form>
      <p>
        <FormattedMessage id="session.signIn.noAccount" /> <Link to={registerLink}><FormattedMessage id="session.register.link" /></Link>
      </p>
    </section>
  );
}
