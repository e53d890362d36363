import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { z } from 'zod';
import { PageMeta } from '../../app/head';
import { TextField } from '../../ui/field';
import { applyUserErrors, errorCode, USER_ERROR_MESSAGES, type UserErrorCode } from '../../ui/form-errors';
import { CreatePracticeMutation, JoinedCommunitiesQuery } from './editor.queries';
import { SignedIn } from '../session/signed-in';
import './practice-editor.css';

const schema = z.object({
  kind: z.enum(['PRACTICE', 'STORY']),
  communityId: z.string(),
  title: z.string().trim().min(3, 'practice-editor.field.title.length').max(120, 'practice-editor.field.title.length'),
});
type NewValues = z.infer<typeof schema>;

export function NewPracticePage() {
  const intl = useIntl();
  return (
    <section className="page practice-editor">
      <PageMeta
        title={`${intl.formatMessage({ id: 'practice-editor.new.title' })} · Bottega`}
        description={intl.formatMessage({ id: 'practice-editor.new.description' })}
        path="/practices/new"
      />
      <p className="meta">
        <Link to="/practices/mine">
          <FormattedMessage id="practice-editor.mine.link" />
        </Link>
      </p>
      <h1>
        <FormattedMessage id="practice-editor.new.title" />
      </h1>
      <p className="page-intro">
        <FormattedMessage id="practice-editor.new.description" />
      </p>
      <SignedIn>
        <NewPracticeForm />
      </SignedIn>
    </section>
  );
}

function NewPracticeForm() {
  const intl = useIntl();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [{ data: joined }] = useQuery({ query: JoinedCommunitiesQuery, requestPolicy: 'cache-and-network' });
  const communities = joined?.communities.nodes ?? [];
  const wanted = communities.find((community) => community.slug === search.get('community'));
  const [, create] = useMutation(CreatePracticeMutation);
  const [failure, setFailure] = useState<UserErrorCode | 'network' | 'forbidden' | null>(null);
  const form = useForm<NewValues>({
    resolver: zodResolver(schema),
    values: { kind: search.get('kind') === 'STORY' ? 'STORY' : 'PRACTICE', communityId: (wanted ?? communities[0])?.id ?? '', title: '' },
    resetOptions: { keepDirtyValues: true },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ kind, communityId, title }) => {
    setFailure(null);
    const result = await create({ input: { kind, title, ...(communityId ? { communityId } : {}) } });
    const payload = result.data?.createPractice;
    if (!payload) {
      setFailure(errorCode(result.error) === 'FORBIDDEN' ? 'forbidden' : 'network');
      return;
    }
    const [first] = applyUserErrors(payload.userErrors, ['kind', 'communityId', 'title'], form.setError);
    if (first) {
      setFailure(first);
      return;
    }
    if (payload.practice) await navigate(`/practices/${payload.practice.slug}/edit`);
  });

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)}>
      {failure ? (
        <p className="form__alert" role="alert">
          <FormattedMessage
            id={failure === 'network' ? 'practice-editor.error.network' : failure === 'forbidden' ? 'practice-editor.error.forbidden' : USER_ERROR_MESSAGES[failure]}
          />
        </p>
      ) : null}
      <fieldset className="choices">
        <legend>
          <FormattedMessage id="practice-editor.field.kind.label" />
        </legend>
        {(['PRACTICE', 'STORY'] as const).map((kind) => (
          <div key={kind} className="choice">
            <input type="radio" id={`new-kind-${kind}`} value={kind} aria-describedby={`new-kind-${kind}-hint`} {...form.register('kind')} />
            <label htmlFor={`new-kind-${kind}`}>
              <FormattedMessage id={`practice-editor.kind.${kind}`} />
            </label>
            <p className="field__hint" id={`new-kind-${kind}-hint`}>
              <FormattedMessage id={`practice-editor.kind.${kind}.hint`} />
            </p>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="new-community">
          <FormattedMessage id="practice-editor.field.community.label" />
        </label>
        <p className="field__hint" id="new-community-hint">
          <FormattedMessage id="practice-editor.field.community.hint" />
        </p>
        <select id="new-community" aria-describedby="new-community-hint" {...form.register('communityId')}>
          {communities.map((community) => (
            <option key={community.id} value={community.id}>
              {community.name}
            </option>
          ))}
          <option value="">{intl.formatMessage({ id: 'practice-editor.field.community.none' })}</option>
        </select>
      </div>
      <TextField
        id="new-title"
        label={<FormattedMessage id="practice-editor.field.title.label" />}
        hint={<FormattedMessage id="practice-editor.field.title.hint" />}
        error={errors.title?.message}
        {...form.register('title')}
      />
      <button type="submit" className="button" disabled={isSubmitting}>
        <FormattedMessage id="practice-editor.new.submit" />
      </button>
    </form>
  );
}
