import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { TextAreaField, TextField } from '../../ui/field';
import { applyUserErrors, errorCode, USER_ERROR_MESSAGES, type UserErrorCode } from '../../ui/form-errors';
import { UpdateCommunityMutation } from './community.queries';
import { settingsSchema, VISIBILITIES, type SettingsValues, type Visibility } from './settings-schema';

// What each audience means, and what changing to it does to people who read the community now.
export const VISIBILITY_LABELS: Record<Visibility, string> = {
  PUBLIC: 'communities.visibility.PUBLIC',
  MEMBERS_ONLY: 'communities.visibility.MEMBERS_ONLY',
  PRIVATE: 'communities.visibility.PRIVATE',
};
const CONSEQUENCES: Record<Visibility, string> = {
  PUBLIC: 'communities.settings.consequence.PUBLIC',
  MEMBERS_ONLY: 'communities.settings.consequence.MEMBERS_ONLY',
  PRIVATE: 'communities.settings.consequence.PRIVATE',
};

type Failure = UserErrorCode | 'network' | 'forbidden';

export interface SettingsCommunity {
  id: string;
  name: string;
  description: string;
  visibility: Visibility;
}

/** Name, description and who reads the community; the API's refusals are placed by their fields. */
export function SettingsForm({ community, onSaved }: { community: SettingsCommunity; onSaved: (announcement: string) => void }) {
  const intl = useIntl();
  const [, update] = useMutation(UpdateCommunityMutation);
  const [failure, setFailure] = useState<Failure | null>(null);
  const schema = useMemo(() => settingsSchema(community.visibility), [community.visibility]);
  const form = useForm<SettingsValues>({
    resolver: zodResolver(schema),
    defaultValues: { name: community.name, description: community.description, visibility: community.visibility, confirmVisibility: false },
  });
  const { errors, isSubmitting } = form.formState;
  const visibility = useWatch({ control: form.control, name: 'visibility' });
  const changing = visibility !== community.visibility;

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    const result = await update({
      input: {
        id: community.id,
        name: values.name,
        description: values.description,
        ...(values.visibility !== community.visibility ? { visibility: values.visibility } : {}),
      },
    });
    const payload = result.data?.updateCommunity;
    if (!payload) {
      setFailure(errorCode(result.error) === 'FORBIDDEN' ? 'forbidden' : 'network');
      return;
    }
    const [first] = applyUserErrors(payload.userErrors, ['name', 'description', 'visibility'], form.setError);
    if (first) return setFailure(first);
    const saved = payload.community;
    if (saved) {
      form.reset({ name: saved.name, description: saved.description, visibility: saved.visibility, confirmVisibility: false });
      onSaved(intl.formatMessage({ id: 'communities.settings.saved' }, { name: saved.name }));
    }
  });

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)}>
      {failure ? (
        <p className="form__alert" role="alert">
          <FormattedMessage
            id={failure === 'network' ? 'communities.error.network' : failure === 'forbidden' ? 'communities.settings.forbidden' : USER_ERROR_MESSAGES[failure]}
          />
        </p>
      ) : null}
      <TextField
        id="settings-name"
        label={<FormattedMessage id="communities.settings.name.label" />}
        error={errors.name?.message}
        autoComplete="off"
        {...form.register('name')}
      />
      <TextAreaField
        id="settings-description"
        label={<FormattedMessage id="communities.settings.description.label" />}
        hint={<FormattedMessage id="communities.settings.description.hint" />}
        error={errors.description?.message}
        rows={5}
        {...form.register('description')}
      />
      <fieldset className="choices" aria-describedby={errors.visibility ? 'settings-visibility-error' : undefined}>
        <legend>
          <FormattedMessage id="communities.settings.visibility.label" />
        </legend>
        {VISIBILITIES.map((value) => (
          <label key={value} className="choice">
            <input type="radio" value={value} {...form.register('visibility')} />
            <span>
              <FormattedMessage id={VISIBILITY_LABELS[value]} />
              {value === community.visibility ? (
                <>
                  {' '}
                  <span className="meta">
                    <FormattedMessage id="communities.settings.visibility.current" />
                  </span>
                </>
              ) : null}
            </span>
          </label>
        ))}
        {errors.visibility?.message ? (
          <p className="field__error" id="settings-visibility-error">
            <FormattedMessage id={errors.visibility.message} />
          </p>
        ) : null}
      </fieldset>
      <div aria-live="polite">
        {changing ? (
          <div className="community-consequence">
            <p id="settings-consequence">
              <FormattedMessage id={CONSEQUENCES[visibility]} />
            </p>
            <label className="choice">
              <input
                type="checkbox"
                aria-invalid={errors.confirmVisibility ? true : undefined}
                aria-describedby={errors.confirmVisibility ? 'settings-consequence settings-confirm-error' : 'settings-consequence'}
                {...form.register('confirmVisibility')}
              />
              <span>
                <FormattedMessage id="communities.settings.confirm.label" />
              </span>
            </label>
            {errors.confirmVisibility?.message ? (
              <p className="field__error" id="settings-confirm-error">
                <FormattedMessage id={errors.confirmVisibility.message} />
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
      <button type="submit" className="button" disabled={isSubmitting}>
        <FormattedMessage id="communities.settings.submit" />
      </button>
    </form>
  );
}
