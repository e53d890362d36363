import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ResultOf } from '../../app/graphql';
import { TextAreaField, TextField } from '../../ui/field';
import { MarkdownEditor } from '../../ui/markdown-editor';
import { TerritoryPicker, type PickedTerritory } from '../../ui/territory-picker';
import { applyUserErrors, USER_ERROR_MESSAGES, type UserErrorCode } from '../../ui/form-errors';
import type { PlanOptionsQuery } from './exchange.mutations';
import { FORMATS } from './labels';
import type { MutationOutcome } from './outcome';
import { SelectField } from './select-field';
import { FORMAT_VALUES, PLAN_FIELDS, planSchema, type PlanValues } from './plan-schema';

type Options = ResultOf<typeof PlanOptionsQuery>;


interface PlanFormProps {
  /** Planning a new exchange (every field) or editing one (no format, hosts or capacity: those stay as planned). */
  mode: 'create' | 'edit';
  initial: PlanValues;
  options?: Options | undefined;
  onSubmit: (values: PlanValues) => Promise<MutationOutcome>;
  now?: () => Date;
}

/**
 * The planning form of a peer exchange: format, title, hosts, schedule in Italian time, place or
 * link, seats, registration deadline and description. Checked here as the API checks it, and the
 * API's own user errors placed next to their field.
 */
export function PlanForm({ mode, initial, options, onSubmit, now }: PlanFormProps) {
  const intl = useIntl();
  const schema = useMemo(() => planSchema({ creating: mode === 'create', ...(now ? { now } : {}) }), [mode, now]);
  const form = useForm<PlanValues>({ resolver: zodResolver(schema), defaultValues: initial });
  const { errors, isSubmitting } = form.formState;
  const format = useWatch({ control: form.control, name: 'format' });
  const [territory, setTerritory] = useState<PickedTerritory[]>([]);
  const [failure, setFailure] = useState<UserErrorCode | 'forbidden' | 'network' | null>(null);

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    const outcome = await onSubmit(values);
    if (outcome.kind === 'forbidden' || outcome.kind === 'network') setFailure(outcome.kind);
    if (outcome.kind !== 'userErrors') return;
    const [first] = applyUserErrors(outcome.errors, PLAN_FIELDS, form.setError);
    if (first) setFailure(first);
  });

  const communities = [...(options?.communities.nodes ?? [])].sort((a, b) => Number(b.viewerCanModerate) - Number(a.viewerCanModerate));
  const error = (name: keyof PlanValues) => errors[name]?.message;

  return (
    <form className="form exchange-plan" noValidate onSubmit={(event) => void submit(event)}>
      {failure ? (
        <div className="form__alert" role="alert">
          <FormattedMessage
            id={
              failure === 'forbidden'
                ? mode === 'create'
                  ? 'exchanges.plan.forbidden'
                  : 'exchanges.edit.forbidden'
                : failure === 'network'
                  ? 'exchanges.error.network'
                  : USER_ERROR_MESSAGES[failure]
            }
          />
        </div>
      ) : null}
      {mode === 'create' ? (
        <>
          <SelectField id="plan-format" label="exchanges.plan.format" error={error('format')} {...form.register('format')}>
            {FORMAT_VALUES.map((value) => (
              <option key={value} value={value}>
                {intl.formatMessage({ id: FORMATS[value] })}
              </option>
            ))}
          </SelectField>
        </>
      ) : null}
      <TextField
        id="plan-title"
        label={<FormattedMessage id="exchanges.plan.title" />}
        hint={<FormattedMessage id="exchanges.plan.title.hint" />}
        error={error('title')}
        {...form.register('title')}
      />
      {mode === 'create' ? (
        <>
          <SelectField
            id="plan-community"
            label="exchanges.plan.community"
            hint="exchanges.plan.community.hint"
            error={error('hostCommunityId')}
            {...form.register('hostCommunityId')}
          >
            <option value="">{intl.formatMessage({ id: 'exchanges.plan.choose' })}</option>
            {communities.map((community) => (
              <option key={community.id} value={community.id}>
                {community.viewerCanModerate
                  ? intl.formatMessage({ id: 'exchanges.plan.community.coordinated' }, { name: community.name })
                  : community.name}
              </option>
            ))}
          </SelectField>
          <TerritoryPicker
            id="plan-territory"
            limit={1}
            label={<FormattedMessage id="exchanges.plan.territory" />}
            chosen={territory}
            error={error('hostTerritoryId')}
            onChange={(next) => {
              setTerritory(next);
              form.setValue('hostTerritoryId', next[0]?.id ?? '', { shouldValidate: form.formState.isSubmitted });
            }}
          />
          <SelectField
            id="plan-project"
            label="exchanges.plan.project"
            hint="exchanges.plan.project.hint"
            error={error('hostProjectId')}
            {...form.register('hostProjectId')}
          >
            <option value="">{intl.formatMessage({ id: 'exchanges.plan.project.none' })}</option>
            {(options?.projects.nodes ?? []).map((project) => (
              <option key={project.id} value={project.id}>
                {project.title}
              </option>
            ))}
          </SelectField>
        </>
      ) : null}
      <fieldset className="exchange-plan__schedule">
        <legend>
          <FormattedMessage id="exchanges.plan.schedule" />
        </legend>
        <p className="field__hint">
          <FormattedMessage id="exchanges.plan.schedule.hint" />
        </p>
        <TextField
          id="plan-starts"
          type="datetime-local"
          label={<FormattedMessage id="exchanges.plan.startsAt" />}
          error={error('startsAt')}
          {...form.register('startsAt')}
        />
        <TextField
          id="plan-ends"
          type="datetime-local"
          label={<FormattedMessage id="exchanges.plan.endsAt" />}
          error={error('endsAt')}
          {...form.register('endsAt')}
        />
        <TextField
          id="plan-deadline"
          type="datetime-local"
          label={<FormattedMessage id="exchanges.plan.deadline" />}
          hint={<FormattedMessage id="exchanges.plan.deadline.hint" />}
          error={error('registrationDeadline')}
          {...form.register('registrationDeadline')}
        />
      </fieldset>
      <TextField
        id="plan-venue"
        label={<FormattedMessage id="exchanges.plan.venue" />}
        hint={<FormattedMessage id="exchanges.plan.venue.hint" />}
        error={error('venue')}
        autoComplete="street-address"
        {...form.register('venue')}
      />
      <TextField
        id="plan-online"
        type="url"
        inputMode="url"
        label={<FormattedMessage id="exchanges.plan.onlineUrl" />}
        hint={<FormattedMessage id="exchanges.plan.onlineUrl.hint" />}
        error={error('onlineUrl')}
        {...form.register('onlineUrl')}
      />
      {mode === 'create' ? (
        <TextField
          id="plan-capacity"
          inputMode="numeric"
          label={<FormattedMessage id="exchanges.plan.capacity" />}
          hint={<FormattedMessage id="exchanges.plan.capacity.hint" />}
          error={error('capacity')}
          {...form.register('capacity')}
        />
      ) : null}
      {format === 'PEER_REVIEW' ? (
        <TextAreaField
          id="plan-question"
          rows={4}
          label={<FormattedMessage id="exchanges.plan.reviewQuestion" />}
          hint={<FormattedMessage id="exchanges.plan.reviewQuestion.hint" />}
          error={error('reviewQuestion')}
          {...form.register('reviewQuestion')}
        />
      ) : null}
      <Controller
        control={form.control}
        name="description"
        render={({ field }) => (
          <MarkdownEditor
            id="plan-description"
            rows={10}
            label={<FormattedMessage id="exchanges.plan.description" />}
            hint={<FormattedMessage id="exchanges.plan.description.hint" />}
            error={error('description')}
            {...field}
          />
        )}
      />
      <button type="submit" className="button" disabled={isSubmitting}>
        <FormattedMessage id={mode === 'create' ? 'exchanges.plan.submit' : 'exchanges.edit.submit'} />
      </button>
    </form>
  );
}
