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
import { RegisterMutation, WEB_CLIENT } from './session.queries';
import './session.css';

// The API has the last word (common and guessable passwords are its to refuse); these are the rules a reader can see.
const schema = z.object({
  displayName: z.string().trim().min(2, 'ui.userError.TOO_SHORT').max(80, 'ui.userError.TOO_LONG'),
  email: z.string().trim().min(1, 'session.field.required').pipe(z.email('session.field.email')),
  password: z.string().min(12, 'session.field.password.tooShort'),
});
type RegisterValues = z.infer<typeof schema>;

export function RegisterPage() {
  const intl = useIntl();
  const client = useClient();
  const session = useBrowserSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [failure, setFailure] = useState<UserErrorCode | 'network' | null>(null);
  const form = useForm<RegisterValues>({ resolver: zodResolver(schema), defaultValues: { displayName: '', email: '', password: '' } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    const result = await client.mutation(RegisterMutation, { input: { ...values, tokenDelivery: 'COOKIE' } }, WEB_CLIENT).toPromise();
    const payload = result.data?.register;
    if (!payload) {
      setFailure('network');
      return;
    }
    const rest = applyUserErrors(payload.userErrors, ['displayName', 'email', 'password'], form.setError);
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

  const signInLink = next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
  return (
    <section className="page auth">
      <PageMeta
        title={`${intl.formatMessage({ id: 'session.register.title' })} · Bottega`}
        description={intl.formatMessage({ id: 'session.register.description' })}
        path="/register"
      />
      <h1>
        <FormattedMessage id="session.register.title" />
      </h1>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        {failure ? (
          <p className="form__alert" role="alert">
            <FormattedMessage id={failure === 'network' ? 'session.error.network' : USER_ERROR_MESSAGES[failure]} />
          </p>
        ) : null}
        <TextField
          id="register-name"
          autoComplete="name"
          label={<FormattedMessage id="session.field.displayName.label" />}
          hint={<FormattedMessage id="session.field.displayName.hint" />}
          error={errors.displayName?.message}
          {...form.register('displayName')}
        />
        <TextField
          id="register-email"
          type="email"
          autoComplete="email"
          label={<FormattedMessage id="session.field.email.label" />}
          error={errors.email?.message}
          {...form.register('email')}
        />
        <TextField
          id="register-password"
          type="password"
          autoComplete="new-password"
          label={<FormattedMessage id="session.field.password.label" />}
          hint={<FormattedMessage id="session.field.password.hint" />}
          error={errors.password?.message}
          {...form.register('password')}
        />
        <button type="submit" className="button" disabled={isSubmitting}>
          <FormattedMessage id="session.register.submit" />
        </button>
      </form>
      <p>
        <FormattedMessage id="session.register.haveAccount" /> <Link to={signInLink}><FormattedMessage id="session.signIn.link" /></Link>
      </p>
    </section>
  );
}
