import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { z } from 'zod';
import { PageMeta } from '../../app/head';
import { TextAreaField, TextField } from '../../ui/field';
import { applyUserErrors, errorCode, USER_ERROR_MESSAGES, type UserErrorCode } from '../../ui/form-errors';
import { CreateCommunityMutation, StaffViewerQuery, TerritoryByCodeQuery } from './community.queries';
import { VISIBILITY_LABELS } from './settings-form';
import { VISIBILITIES } from './settings-schema';
import { SignedIn } from '../session/signed-in';
import { LoadFailure, Refusal } from './load-failure';
import './community.css';

const KINDS = ['THEMATIC', 'TERRITORIAL'] as const;
const KIND_LABELS: Record<(typeof KINDS)[number], string> = {
  THEMATIC: 'communities.kind.THEMATIC',
  TERRITORIAL: 'communities.kind.TERRITORIAL',
};

export const newCommunitySchema = z
  .object({
    name: z.string().trim().min(3, 'communities.settings.name.tooShort').max(80, 'communities.settings.name.tooLong'),
    description: z.string().trim().max(2000, 'communities.settings.description.tooLong'),
    kind: z.enum(KINDS),
    territory: z.string().trim(),
    visibility: z.enum(VISIBILITIES),
  })
  .refine((values) => values.kind !== 'TERRITORIAL' || values.territory.length > 0, {
    message: 'communities.new.territory.required',
    path: ['territory'],
  });
type NewValues = z.infer<typeof newCommunitySchema>;

export function NewCommunityPage() {
  const intl = useIntl();
  return (
    <section className="page community-admin-page">
      <PageMeta
        title={`${intl.formatMessage({ id: 'communities.new.title' })} · Bottega`}
        description={intl.formatMessage({ id: 'communities.new.description' })}
        path="/communities/new"
      />
      <h1>
        <FormattedMessage id="communities.new.title" />
      </h1>
      <SignedIn>
        <StaffOnly />
      </SignedIn>
    </section>
  );
}

function StaffOnly() {
  const [result, reexecute] = useQuery({ query: StaffViewerQuery, requestPolicy: 'network-only' });
  if (result.error && !result.data) return <LoadFailure error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />;
  const role = result.data?.viewer?.role;
  if (!role) {
    return (
      <p role="status">
        <FormattedMessage id="communities.loading" />
      </p>
    );
  }
  // The API opens new communities to admins and moderators only.
  if (role !== 'ADMIN' && role !== 'MODERATOR') return <Refusal titleId="communities.new.refusedTitle" bodyId="communities.new.forbidden" />;
  return <NewCommunityForm />;
}

type Failure = UserErrorCode | 'network' | 'forbidden';

function NewCommunityForm() {
  const navigate = useNavigate();
  const client = useClient();
  const [, create] = useMutation(CreateCommunityMutation);
  const [failure, setFailure] = useState<Failure | null>(null);
  const form = useForm<NewValues>({
    resolver: zodResolver(newCommunitySchema),
    defaultValues: { name: '', description: '', kind: 'THEMATIC', territory: '', visibility: 'PUBLIC' },
  });
  const { errors, isSubmitting } = form.formState;
  const kind = useWatch({ control: form.control, name: 'kind' });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    let territoryId: string | null = null;
    if (values.kind === 'TERRITORIAL') {
      const found = await client.query(TerritoryByCodeQuery, { code: values.territory.toUpperCase() }).toPromise();
      if (found.error && !found.data) return setFailure('network');
      if (!found.data?.territory) {
        form.setError('territory', { type: 'server', message: 'communities.new.territory.unknown' }, { shouldFocus: true });
        return;
      }
      territoryId = found.data.territory.id;
    }
    const result = await create({
      input: { name: values.name, description: values.description || null, kind: values.kind, visibility: values.visibility, territoryId },
    });
    const payload = result.data?.createCommunity;
    if (!payload) {
      setFailure(errorCode(result.error) === 'FORBIDDEN' ? 'forbidden' : 'network');
      return;
    }
    const userErrors = payload.userErrors.map((error) => (error.field?.[1] === 'territoryId' ? { ...error, field: ['input', 'territory'] } : error));
    const [first] = applyUserErrors(userErrors, ['name', 'description', 'kind', 'territory', 'visibility'], form.setError);
    if (first) return setFailure(first);
    if (payload.community) await navigate(`/communities/${payload.community.slug}/members`);
  });

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)}>
      {failure ? (
        <p className="form__alert" role="alert">
          <FormattedMessage
            id={failure === 'network' ? 'communities.error.network' : failure === 'forbidden' ? 'communities.new.forbidden' : USER_ERROR_MESSAGES[failure]}
          />
        </p>
      ) : null}
      <TextField id="new-name" label={<FormattedMessage id="communities.settings.name.label" />} error={errors.name?.message} autoComplete="off" {...form.register('name')} />
      <TextAreaField
        id="new-description"
        label={<FormattedMessage id="communities.settings.description.label" />}
        hint={<FormattedMessage id="communities.settings.description.hint" />}
        error={errors.description?.message}
        rows={5}
        {...form.register('description')}
      />
      <fieldset className="choices">
        <legend>
          <FormattedMessage id="communities.new.kind.label" />
        </legend>
        {KINDS.map((value) => (
          <label key={value} className="choice">
            <input type="radio" value={value} {...form.register('kind')} />
            <span>
              <FormattedMessage id={KIND_LABELS[value]} />
            </span>
          </label>
        ))}
      </fieldset>
      {kind === 'TERRITORIAL' ? (
        <TextField
          id="new-territory"
          label={<FormattedMessage id="communities.new.territory.label" />}
          hint={<FormattedMessage id="communities.new.territory.hint" />}
          error={errors.territory?.message}
          autoComplete="off"
          {...form.register('territory')}
        />
      ) : null}
      <fieldset className="choices">
        <legend>
          <FormattedMessage id="communities.settings.visibility.label" />
        </legend>
        {VISIBILITIES.map((value) => (
          <label key={value} className="choice">
            <input type="radio" value={value} {...form.register('visibility')} />
            <span>
              <FormattedMessage id={VISIBILITY_LABELS[value]} />
            </span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button" disabled={isSubmitting}>
        <FormattedMessage id="communities.new.submit" />
      </button>
    </form>
  );
}
