import { zodResolver } from '@hookform/resolvers/zod';
import { forwardRef, useImperativeHandle, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { applyUserErrors, errorCode, USER_ERROR_MESSAGES, type UserErrorCode } from '../../ui/form-errors';
import { MarkdownEditor } from '../../ui/markdown-editor';
import { useSessionState } from '../session/session-context';
import { useAnnounce } from './announcer';
import { ReplyMutation } from './post.mutations';
import { appendBlock, quoteBlock } from './quote';
import { replySchema, type ReplyValues } from './reply-schema';

export interface ComposerHandle {
  /** Adds a quote of the post to the reply, makes it a reply to that post, and moves focus there. */
  quote(post: { id: string; author: string; text: string }): void;
}

export interface ComposerThread {
  id: string;
  locked: boolean;
  viewerCanReply: boolean;
  community: { slug: string; name: string };
}

const BODY_ID = 'reply-body';

/** The reply form at the bottom of a thread, or why there is none. */
export const ReplyComposer = forwardRef<ComposerHandle, { thread: ComposerThread }>(function ReplyComposer({ thread }, ref) {
  const state = useSessionState();
  const path = `/threads/${encodeURIComponent(thread.id)}`;
  const closed = thread.locked ? (
    <p className="thread__closed" role="note">
      <FormattedMessage id="threads.composer.locked" />
    </p>
  ) : null;
  if (state.status === 'restoring') return closed;
  if (state.status === 'anonymous') {
    return (
      closed ?? (
        <p className="composer__signin">
          <Link to={`/sign-in?next=${encodeURIComponent(path)}`}>
            <FormattedMessage id="threads.composer.signIn" />
          </Link>
        </p>
      )
    );
  }
  if (!thread.viewerCanReply) {
    return (
      closed ?? (
        <p className="composer__signin">
          <FormattedMessage
            id="threads.composer.notAllowed"
            values={{ community: <Link to={`/communities/${thread.community.slug}`}>{thread.community.name}</Link> }}
          />
        </p>
      )
    );
  }
  return (
    <>
      {thread.locked ? (
        <p className="thread__closed" role="note">
          <FormattedMessage id="threads.composer.lockedButYou" />
        </p>
      ) : null}
      <ReplyForm ref={ref} threadId={thread.id} />
    </>
  );
});

export const ReplyForm = forwardRef<ComposerHandle, { threadId: string }>(function ReplyForm({ threadId }, ref) {
  const intl = useIntl();
  const announce = useAnnounce();
  const [, reply] = useMutation(ReplyMutation);
  const [replyTo, setReplyTo] = useState<{ id: string; author: string } | null>(null);
  const [failure, setFailure] = useState<UserErrorCode | 'network' | 'forbidden' | null>(null);
  const form = useForm<ReplyValues>({ resolver: zodResolver(replySchema), defaultValues: { body: '' } });
  const { errors, isSubmitting } = form.formState;

  useImperativeHandle(ref, () => ({
    quote(post) {
      form.setValue('body', appendBlock(form.getValues('body'), quoteBlock(post.id, post.text)), { shouldDirty: true });
      setReplyTo({ id: post.id, author: post.author });
      // After the new text is rendered: the caret at its end, ready to answer the quote.
      setTimeout(() => {
        const area = document.getElementById(BODY_ID);
        if (!(area instanceof HTMLTextAreaElement)) return;
        area.focus();
        area.setSelectionRange(area.value.length, area.value.length);
      }, 0);
    },
  }));

  const submit = form.handleSubmit(async ({ body }) => {
    setFailure(null);
    const result = await reply({ input: { threadId, body, ...(replyTo ? { replyToId: replyTo.id } : {}) } });
    const payload = result.data?.replyToThread;
    if (!payload) {
      setFailure(errorCode(result.error) === 'FORBIDDEN' ? 'forbidden' : 'network');
      return;
    }
    const [first] = applyUserErrors(payload.userErrors, ['body'], form.setError);
    if (first) {
      setFailure(first);
      return;
    }
    if (!payload.post) return;
    form.reset({ body: '' });
    setReplyTo(null);
    announce(intl.formatMessage({ id: 'threads.composer.published' }));
    const id = `post-${payload.post.id}`;
    setTimeout(() => document.getElementById(id)?.focus(), 0);
  });

  return (
    <form className="form composer" noValidate aria-labelledby="composer-title" onSubmit={(event) => void submit(event)}>
      <h2 id="composer-title">
        <FormattedMessage id="threads.composer.title" />
      </h2>
      {failure ? (
        <p className="form__alert" role="alert">
          <FormattedMessage
            id={failure === 'network' ? 'threads.error.network' : failure === 'forbidden' ? 'threads.composer.forbidden' : USER_ERROR_MESSAGES[failure]}
          />
        </p>
      ) : null}
      {replyTo ? (
        <p className="composer__reply-to">
          <FormattedMessage id="threads.composer.replyingTo" values={{ name: replyTo.author }} />{' '}
          <button type="button" className="link-button" onClick={() => setReplyTo(null)}>
            <FormattedMessage id="threads.composer.notReplyingTo" />
          </button>
        </p>
      ) : null}
      <Controller
        control={form.control}
        name="body"
        render={({ field }) => (
          <MarkdownEditor
            id={BODY_ID}
            label={<FormattedMessage id="threads.composer.label" />}
            hint={<FormattedMessage id="threads.composer.hint" />}
            error={errors.body?.message}
            rows={8}
            {...field}
          />
        )}
      />
      <button type="submit" className="button" disabled={isSubmitting}>
        <FormattedMessage id="threads.composer.submit" />
      </button>
    </form>
  );
});
