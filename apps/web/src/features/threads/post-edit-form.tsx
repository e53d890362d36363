import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation, useQuery } from 'urql';
import { applyUserErrors, USER_ERROR_MESSAGES, type UserErrorCode } from '../../ui/form-errors';
import { MarkdownEditor } from '../../ui/markdown-editor';
import { useAnnounce } from './announcer';
import { EditPostMutation, PostSourceQuery } from './post.mutations';
import { replySchema, type ReplyValues } from './reply-schema';

/** The author's own post, edited in place from its Markdown as written. */
export function PostEditForm(props: { postId: string; onDone: () => void }) {
  const [{ data, fetching, error }] = useQuery({ query: PostSourceQuery, variables: { id: props.postId }, requestPolicy: 'network-only' });
  const post = data?.node?.__typename === 'Post' ? data.node : null;
  if (fetching && !post) {
    return (
      <p role="status">
        <FormattedMessage id="threads.loading" />
      </p>
    );
  }
  if (!post || error || post.bodySource === null) {
    return (
      <p className="form__alert" role="alert">
        <FormattedMessage id="threads.error.network" />
      </p>
    );
  }
  return <EditForm postId={post.id} version={post.version} source={post.bodySource} onDone={props.onDone} />;
}

function EditForm(props: { postId: string; version: number; source: string; onDone: () => void }) {
  const intl = useIntl();
  const announce = useAnnounce();
  const [, edit] = useMutation(EditPostMutation);
  const [failure, setFailure] = useState<UserErrorCode | 'network' | null>(null);
  const form = useForm<ReplyValues>({ resolver: zodResolver(replySchema), defaultValues: { body: props.source } });
  const { errors, isSubmitting } = form.formState;
  const id = `edit-${props.postId}`;

  useEffect(() => {
    const area = document.getElementById(id);
    if (area instanceof HTMLTextAreaElement) area.focus();
  }, [id]);

  const submit = form.handleSubmit(async ({ body }) => {
    setFailure(null);
    const result = await edit({ input: { postId: props.postId, body, version: props.version } });
    const payload = result.data?.editPost;
    if (!payload) {
      setFailure('network');
      return;
    }
    const [first] = applyUserErrors(payload.userErrors, ['body'], form.setError);
    if (first) {
      setFailure(first);
      return;
    }
    announce(intl.formatMessage({ id: 'threads.edit.saved' }));
    props.onDone();
  });

  return (
    <form className="form post__form" noValidate onSubmit={(event) => void submit(event)}>
      {failure ? (
        <p className="form__alert" role="alert">
          <FormattedMessage id={failure === 'network' ? 'threads.error.network' : USER_ERROR_MESSAGES[failure]} />
        </p>
      ) : null}
      <Controller
        control={form.control}
        name="body"
        render={({ field }) => (
          <MarkdownEditor id={id} label={<FormattedMessage id="threads.edit.label" />} error={errors.body?.message} rows={8} {...field} />
        )}
      />
      <div className="post__form-actions">
        <button type="submit" className="button" disabled={isSubmitting}>
          <FormattedMessage id="threads.edit.save" />
        </button>
        <button type="button" className="button button--quiet" onClick={props.onDone}>
          <FormattedMessage id="threads.cancel" />
        </button>
      </div>
    </form>
  );
}
