import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, Navigate, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { z } from 'zod';
import type { ResultOf } from '../../app/graphql';
import { PageMeta } from '../../app/head';
import { useRouteQuery } from '../../app/routing';
import { TextField } from '../../ui/field';
import { MarkdownEditor } from '../../ui/markdown-editor';
import { TerritoryPicker } from '../../ui/territory-picker';
import { applyUserErrors, errorCode, USER_ERROR_MESSAGES, type UserErrorCode } from '../../ui/form-errors';
import { useSessionState } from '../session/session-context';
import { AskCommunityQuery, StartQuestionMutation } from './ask.queries';
import { clearDraft, loadDraft, saveDraft, tagsOf } from './draft';
import { SimilarThreads } from './similar-threads';
import './ask.css';

type Community = NonNullable<ResultOf<typeof AskCommunityQuery>['community']>;

const schema = z.object({
  title: z.string().trim().min(8, 'ask.field.title.tooShort').max(200, 'ui.userError.TOO_LONG'),
  body: z.string().trim().min(1, 'ui.userError.REQUIRED'),
  tags: z.string().refine((text) => tagsOf(text).length <= 5, 'ask.field.tags.tooMany'),
  territories: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })).max(5, 'ask.field.territories.tooMany'),
});
type AskValues = z.infer<typeof schema>;

export function AskPage() {
  const intl = useIntl();
  const [{ data }] = useRouteQuery(AskCommunityQuery);
  const state = useSessionState();
  const community = data?.community;
  if (!community) return null;
  const path = `/communities/${community.slug}/ask`;
  if (state.status === 'anonymous') return <Navigate to={`/sign-in?next=${encodeURIComponent(path)}`} replace />;
  return (
    <section className="page ask">
      <PageMeta
        title={`${intl.formatMessage({ id: 'ask.title' }, { community: community.name })} · Bottega`}
        description={intl.formatMessage({ id: 'ask.description' }, { community: community.name })}
        path={path}
      />
      <p className="meta">
        <Link to={`/communities/${community.slug}`}>{community.name}</Link>
      </p>
      <h1>
        <FormattedMessage id="ask.title" values={{ community: community.name }} />
      </h1>
      {state.status === 'signedIn' ? (
        <AskForm community={community} />
      ) : (
        <p role="status">
          <FormattedMessage id="ask.checkingSession" />
        </p>
      )}
    </section>
  );
}

function AskForm({ community }: { community: Community }) {
  const navigate = useNavigate();
  const [, startThread] = useMutation(StartQuestionMutation);
  const [failure, setFailure] = useState<UserErrorCode | 'network' | 'forbidden' | null>(null);
  // Rendered only in the browser (after the session is known), so the saved draft is read at once.
  const form = useForm<AskValues>({ resolver: zodResolver(schema), defaultValues: loadDraft(community.id) });
  const { errors, isSubmitting } = form.formState;
  const values = useWatch({ control: form.control });

  useEffect(() => {
    const territories = (values.territories ?? []).flatMap((territory) => (territory.id && territory.code && territory.name ? [{ id: territory.id, code: territory.code, name: territory.name }] : []));
    saveDraft(community.id, { title: values.title ?? '', body: values.body ?? '', tags: values.tags ?? '', territories });
  }, [community.id, values.title, values.body, values.tags, values.territories]);

  const submit = form.handleSubmit(async ({ title, body, tags, territories }) => {
    setFailure(null);
    const result = await startThread({
      input: { communityId: community.id, kind: 'QUESTION', title, body, tags: tagsOf(tags), territoryIds: territories.map((territory) => territory.id) },
    });
    const payload = result.data?.startThread;
    if (!payload) {
      setFailure(errorCode(result.error) === 'FORBIDDEN' ? 'forbidden' : 'network');
      return;
    }
    const rest = applyUserErrors(payload.userErrors, ['title', 'body', 'tags'], form.setError);
    const [first] = rest;
    if (first) {
      setFailure(first);
      return;
    }
    if (payload.thread) {
      clearDraft(community.id);
      await navigate(`/threads/${payload.thread.id}`);
    }
  });

  return (
    <div className="ask__layout">
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        {failure ? (
          <p className="form__alert" role="alert">
            <FormattedMessage
              id={failure === 'network' ? 'session.error.network' : failure === 'forbidden' ? 'ask.error.forbidden' : USER_ERROR_MESSAGES[failure]}
            />
          </p>
        ) : null}
        <TextField
          id="ask-title"
          label={<FormattedMessage id="ask.field.title.label" />}
          hint={<FormattedMessage id="ask.field.title.hint" />}
          error={errors.title?.message}
          {...form.register('title')}
        />
        <Controller
          control={form.control}
          name="body"
          render={({ field }) => (
            <MarkdownEditor
              id="ask-body"
              label={<FormattedMessage id="ask.field.body.label" />}
              hint={<FormattedMessage id="ask.field.body.hint" />}
              error={errors.body?.message}
              rows={10}
              {...field}
            />
          )}
        />
        <TextField
          id="ask-tags"
          label={<FormattedMessage id="ask.field.tags.label" />}
          hint={<FormattedMessage id="ask.field.tags.hint" />}
          error={errors.tags?.message}
          {...form.register('tags')}
        />
        <Controller
          control={form.control}
          name="territories"
          render={({ field }) => (
            <TerritoryPicker
              id="ask-territories"
              label={<FormattedMessage id="ask.field.territories.label" />}
              limit={5}
              chosen={field.value}
              onChange={field.onChange}
              error={errors.territories?.message}
            />
          )}
        />
        <p className="meta" role="status">
          <FormattedMessage id="ask.draftSaved" />
        </p>
        <button type="submit" className="button" disabled={isSubmitting}>
          <FormattedMessage id="ask.submit" />
        </button>
      </form>
      <SimilarThreads title={values.title ?? ''} body={values.body ?? ''} />
    </div>
  );
}
