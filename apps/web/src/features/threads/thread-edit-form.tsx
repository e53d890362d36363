import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { z } from 'zod';
import { TextField } from '../../ui/field';
import { applyUserErrors, USER_ERROR_MESSAGES, type UserErrorCode } from '../../ui/form-errors';
import { useAnnounce } from './announcer';
import type { ThreadData } from './post-types';
import { EditThreadMutation } from './thread.mutations';

/** Tags as typed, comma separated: distinct, trimmed, empty ones dropped. */
export function tagList(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim()).filter(Boolean))];
}

const schema = z.object({
  title: z.string().trim().min(8, 'threads.editThread.titleTooShort').max(200, 'threads.editThread.titleTooLong'),
  tags: z.string().refine((text) => tagList(text).length <= 5, 'threads.editThread.tooManyTags'),
  reason: z.string().trim().max(500, 'threads.reasonTooLong'),
});
type Values = z.infer<typeof schema>;

export function ThreadEditForm({ thread }: { thread: ThreadData }) {
  const intl = useIntl();
  const announce = useAnnounce();
  const [, edit] = useMutation(EditThreadMutation);
  const [failure, setFailure] = useState<UserErrorCode | 'network' | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { title: thread.title, tags: thread.tags.join(', '), reason: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ title, tags, reason }) => {
    setFailure(null);
    const input = { threadId: thread.id, version: thread.version, title, tags: tagList(tags), ...(reason ? { reason } : {}) };
    const result = await edit({ input });
    const payload = result.data?.editThread;
    if (!payload) {
      setFailure('network');
      return;
    }
    const [first] = applyUserErrors(payload.userErrors, ['title', 'tags', 'reason'], form.setError);
    if (first) {
      setFailure(first);
      return;
    }
    form.reset({ title, tags: tagList(tags).join(', '), reason: '' });
    announce(intl.formatMessage({ id: 'threads.editThread.saved' }));
  });

  return (
    <form className="form" noValidate aria-labelledby="edit-thread-title" onSubmit={(event) => void submit(event)}>
      <h2 id="edit-thread-title" className="thread-tools__heading">
        <FormattedMessage id="threads.editThread.title" />
      </h2>
      {failure ? (
        <p className="form__alert" role="alert">
          <FormattedMessage id={failure === 'network' ? 'threads.error.network' : USER_ERROR_MESSAGES[failure]} />
        </p>
      ) : null}
      <TextField id="thread-title" label={<FormattedMessage id="threads.editThread.titleLabel" />} error={errors.title?.message} {...form.register('title')} />
      <TextField
        id="thread-tags"
        label={<FormattedMessage id="threads.editThread.tagsLabel" />}
        hint={<FormattedMessage id="threads.editThread.tagsHint" />}
        error={errors.tags?.message}
        {...form.register('tags')}
      />
      {thread.viewerCanModerate ? (
        <TextField
          id="thread-edit-reason"
          label={<FormattedMessage id="threads.reasonLabel" />}
          hint={<FormattedMessage id="threads.reasonHint" />}
          error={errors.reason?.message}
          {...form.register('reason')}
        />
      ) : null}
      <button type="submit" className="button" disabled={isSubmitting}>
        <FormattedMessage id="threads.editThread.save" />
      </button>
    </form>
  );
}
