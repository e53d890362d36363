import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormattedMessage, useIntl } from 'react-intl';
import { useClient, useMutation } from 'urql';
import { z } from 'zod';
import { TextField } from '../../ui/field';
import { applyUserErrors, errorCode, USER_ERROR_MESSAGES, type UserErrorCode } from '../../ui/form-errors';
import { InviteToCommunityMutation, PersonByHandleQuery } from './community.queries';

/** A handle as people write it: with or without the @, any case. */
export const inviteSchema = z.object({
  handle: z
    .string()
    .trim()
    .min(1, 'communities.invite.handle.required')
    .transform((text) => text.replace(/^@/, ''))
    .pipe(z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]{1,59}$/u, 'communities.invite.handle.invalid')),
});
type InviteInput = z.input<typeof inviteSchema>;
type InviteValues = z.output<typeof inviteSchema>;

type Failure = UserErrorCode | 'network' | 'forbidden';

interface InviteFormProps {
  community: { id: string; name: string; visibility: 'PUBLIC' | 'MEMBERS_ONLY' | 'PRIVATE' };
  /** Called with the sentence to announce once the API has accepted the invitation. */
  onInvited: (announcement: string) => void;
}

/**
 * Invites a person by their @handle (the API takes people, not addresses): the handle is looked
 * up first, so an unknown one is said next to the field.
 */
export function InviteForm({ community, onInvited }: InviteFormProps) {
  const intl = useIntl();
  const client = useClient();
  const [, invite] = useMutation(InviteToCommunityMutation);
  const [failure, setFailure] = useState<Failure | null>(null);
  const form = useForm<InviteInput, unknown, InviteValues>({ resolver: zodResolver(inviteSchema), defaultValues: { handle: '' } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ handle }) => {
    setFailure(null);
    const found = await client.query(PersonByHandleQuery, { handle }, { requestPolicy: 'network-only' }).toPromise();
    if (found.error && !found.data) return setFailure('network');
    const person = found.data?.user;
    if (!person) {
      form.setError('handle', { type: 'server', message: 'communities.invite.handle.unknown' }, { shouldFocus: true });
      return;
    }
    const result = await invite({ input: { communityId: community.id, userId: person.id } });
    const payload = result.data?.inviteToCommunity;
    if (!payload) {
      setFailure(errorCode(result.error) === 'FORBIDDEN' ? 'forbidden' : 'network');
      return;
    }
    const userErrors = payload.userErrors.map((error) =>
      // The API points at the person it was given: here, the handle typed.
      error.field?.[1] === 'userId' ? { ...error, field: ['input', 'handle'] } : error,
    );
    if (userErrors.some((error) => error.code === 'INVALID_STATE' && error.field?.[1] === 'handle')) {
      form.setError('handle', { type: 'server', message: 'communities.invite.handle.member' }, { shouldFocus: true });
      return;
    }
    const [first] = applyUserErrors(userErrors, ['handle'], form.setError);
    if (first) return setFailure(first);
    form.reset({ handle: '' });
    onInvited(intl.formatMessage({ id: 'communities.invite.sent' }, { name: person.displayName, handle: person.handle, community: community.name }));
  });

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)}>
      {failure ? (
        <p className="form__alert" role="alert">
          <FormattedMessage
            id={failure === 'network' ? 'communities.error.network' : failure === 'forbidden' ? 'communities.members.forbidden' : USER_ERROR_MESSAGES[failure]}
          />
        </p>
      ) : null}
      <TextField
        id="invite-handle"
        label={<FormattedMessage id="communities.invite.handle.label" />}
        hint={<FormattedMessage id={community.visibility === 'PRIVATE' ? 'communities.invite.handle.hintPrivate' : 'communities.invite.handle.hint'} />}
        error={errors.handle?.message}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="none"
        {...form.register('handle')}
      />
      <button type="submit" className="button" disabled={isSubmitting}>
        <FormattedMessage id="communities.invite.submit" />
      </button>
    </form>
  );
}
