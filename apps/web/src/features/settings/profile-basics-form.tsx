import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { readFragment, type ResultOf } from '../../app/graphql';
import { TextAreaField, TextField } from '../../ui/field';
import { applyUserErrors, USER_ERROR_MESSAGES, type UserErrorCode } from '../../ui/form-errors';
import { Choice } from './choice';
import {
  AVAILABILITIES,
  ORGANIZATION_KINDS,
  profileSchema,
  profileValues,
  updateProfileInput,
  VISIBILITIES,
  type ProfileValues,
} from './profile-form';
import { EditableProfileFields, SetAvailabilityMutation, SetProfileVisibilityMutation, UpdateProfileMutation } from './settings.queries';
import { TerritoryPicker } from '../../ui/territory-picker';

type Profile = ResultOf<typeof EditableProfileFields>;
type Failure = UserErrorCode | 'network';

// The API names `organization` and `territoryIds`; the form holds them as these fields.
const FIELD_OF: Record<string, keyof ProfileValues> = { organization: 'organizationName', territoryIds: 'territories' };
const FIELDS: (keyof ProfileValues)[] = ['displayName', 'bio', 'avatarUrl', 'organizationName', 'languages', 'territories'];

/** The public basics of one's profile, who sees it, and whether one takes part in exchanges. */
export function ProfileBasicsForm({ profile, displayName }: { profile: Profile | null; displayName: string }) {
  const intl = useIntl();
  const form = useForm<ProfileValues>({ resolver: zodResolver(profileSchema), defaultValues: profileValues(profile, displayName) });
  const { errors, isSubmitting } = form.formState;
  const [, updateProfile] = useMutation(UpdateProfileMutation);
  const [, setVisibility] = useMutation(SetProfileVisibilityMutation);
  const [, setAvailability] = useMutation(SetAvailabilityMutation);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saved, setSaved] = useState('');

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    setSaved('');
    const updated = await updateProfile({ input: updateProfileInput(values) });
    const payload = updated.data?.updateProfile;
    if (!payload) return setFailure('network');
    const errorsHere = payload.userErrors.map((error) => {
      const name = error.field?.[1];
      return name && FIELD_OF[name] ? { ...error, field: ['input', FIELD_OF[name]] } : error;
    });
    const [rest] = applyUserErrors(errorsHere, FIELDS, form.setError);
    if (rest) return setFailure(rest);
    if (payload.userErrors.length > 0) return;

    const current = payload.profile ? readFragment(EditableProfileFields, payload.profile) : null;
    if (current?.visibility !== values.visibility) {
      const answer = (await setVisibility({ input: { visibility: values.visibility } })).data?.setProfileVisibility;
      if (!answer) return setFailure('network');
      if (answer.userErrors[0]) return setFailure(answer.userErrors[0].code);
    }
    if (current?.availability !== values.availability) {
      const answer = (await setAvailability({ input: { availability: values.availability } })).data?.setAvailability;
      if (!answer) return setFailure('network');
      if (answer.userErrors[0]) return setFailure(answer.userErrors[0].code);
    }
    form.reset(values);
    setSaved(intl.formatMessage({ id: 'settings.profile.saved' }));
  });

  return (
    <form className="form settings-form" noValidate aria-labelledby="settings-profile-heading" onSubmit={(event) => void submit(event)}>
      <h2 id="settings-profile-heading">
        <FormattedMessage id="settings.profile.heading" />
      </h2>
      {failure ? (
        <p className="form__alert" role="alert">
          <FormattedMessage id={failure === 'network' ? 'settings.error.network' : USER_ERROR_MESSAGES[failure]} />
        </p>
      ) : null}
      <TextField
        id="profile-displayName"
        label={<FormattedMessage id="settings.field.displayName.label" />}
        hint={<FormattedMessage id="settings.field.displayName.hint" />}
        error={errors.displayName?.message}
        autoComplete="name"
        {...form.register('displayName')}
      />
      <TextAreaField
        id="profile-bio"
        label={<FormattedMessage id="settings.field.bio.label" />}
        hint={<FormattedMessage id="settings.field.bio.hint" />}
        error={errors.bio?.message}
        rows={6}
        {...form.register('bio')}
      />
      <TextField
        id="profile-avatarUrl"
        type="url"
        inputMode="url"
        label={<FormattedMessage id="settings.field.avatarUrl.label" />}
        hint={<FormattedMessage id="settings.field.avatarUrl.hint" />}
        error={errors.avatarUrl?.message}
        {...form.register('avatarUrl')}
      />
      <TextField
        id="profile-organizationName"
        label={<FormattedMessage id="settings.field.organization.label" />}
        hint={<FormattedMessage id="settings.field.organization.hint" />}
        error={errors.organizationName?.message}
        autoComplete="organization"
        {...form.register('organizationName')}
      />
      <div className="field">
        <label htmlFor="profile-organizationKind">
          <FormattedMessage id="settings.field.organizationKind.label" />
        </label>
        <select id="profile-organizationKind" {...form.register('organizationKind')}>
          <option value="">{intl.formatMessage({ id: 'settings.organizationKind.none' })}</option>
          {Object.entries(ORGANIZATION_KINDS).map(([kind, id]) => (
            <option key={kind} value={kind}>
              {intl.formatMessage({ id })}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id="profile-languages"
        label={<FormattedMessage id="settings.field.languages.label" />}
        hint={<FormattedMessage id="settings.field.languages.hint" />}
        error={errors.languages?.message}
        {...form.register('languages')}
      />
      <Controller
        control={form.control}
        name="territories"
        render={({ field, fieldState }) => (
          <TerritoryPicker
            id="profile-territories"
            label={<FormattedMessage id="settings.field.territories.label" />}
            chosen={field.value}
            onChange={field.onChange}
            error={fieldState.error?.message}
          />
        )}
      />
      <Choice
        legend={<FormattedMessage id="settings.field.visibility.label" />}
        name="visibility"
        options={VISIBILITIES}
        hints={{ PUBLIC: 'settings.visibility.PUBLIC.hint', MEMBERS_ONLY: 'settings.visibility.MEMBERS_ONLY.hint', HIDDEN: 'settings.visibility.HIDDEN.hint' }}
        register={form.register('visibility')}
      />
      <Choice
        legend={<FormattedMessage id="settings.field.availability.label" />}
        name="availability"
        options={AVAILABILITIES}
        register={form.register('availability')}
      />
      <button type="submit" className="button" disabled={isSubmitting}>
        <FormattedMessage id="settings.profile.save" />
      </button>
      <p role="status" className="settings-form__status">
        {saved}
      </p>
    </form>
  );
}
