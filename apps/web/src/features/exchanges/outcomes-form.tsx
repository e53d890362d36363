import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { z } from 'zod';
import { TextField } from '../../ui/field';
import { MarkdownEditor } from '../../ui/markdown-editor';
import { applyUserErrors, USER_ERROR_MESSAGES, type UserErrorCode } from '../../ui/form-errors';
import { RecordOutcomesMutation } from './exchange.mutations';
import { outcomeOf } from './outcome';
import { SelectField } from './select-field';
import type { ViewerExchange } from './viewer-exchange';

const schema = z.object({
  summary: z.string().trim().min(1, 'exchanges.plan.error.required'),
  learnings: z.string(),
  adoptedPracticeIds: z.array(z.string()),
  followUpActions: z.array(
    z.object({
      description: z.string().trim().min(1, 'exchanges.plan.error.required').max(500, 'exchanges.outcomes.error.actionLong'),
      ownerId: z.string().min(1, 'exchanges.plan.error.required'),
      dueOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'exchanges.plan.error.required'),
    }),
  ),
});
type OutcomeValues = z.infer<typeof schema>;

interface Person {
  id: string;
  displayName: string;
}

/**
 * What came of the exchange, recorded by those who ran it once it has taken place: summary and
 * learnings (Markdown), follow-up actions with an owner and a day, the practices adopted. Edits
 * name the version they started from; a stale one is the API's CONFLICT.
 */
export function OutcomesForm({ exchange, practices, people }: { exchange: ViewerExchange; practices: readonly { id: string; title: string }[]; people: readonly Person[] }) {
  const intl = useIntl();
  const outcomes = exchange.outcomes;
  const form = useForm<OutcomeValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      summary: outcomes?.summary.markdown ?? '',
      learnings: outcomes?.learnings.markdown ?? '',
      adoptedPracticeIds: outcomes?.adoptedPractices.map((practice) => practice.id) ?? [],
      followUpActions: (outcomes?.followUpActions ?? []).map((action) => ({ description: action.description, ownerId: action.owner?.id ?? '', dueOn: action.dueOn })),
    },
  });
  const actions = useFieldArray({ control: form.control, name: 'followUpActions' });
  const [, record] = useMutation(RecordOutcomesMutation);
  const [failure, setFailure] = useState<UserErrorCode | 'forbidden' | 'network' | null>(null);
  const [saved, setSaved] = useState(false);
  const { errors, isSubmitting } = form.formState;
  const owners = new Map(people.map((person) => [person.id, person]));

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    setSaved(false);
    const result = await record({
      input: {
        exchangeId: exchange.id,
        summary: values.summary,
        learnings: values.learnings,
        adoptedPracticeIds: values.adoptedPracticeIds,
        followUpActions: values.followUpActions,
        ...(outcomes ? { version: outcomes.version } : {}),
      },
    });
    const outcome = outcomeOf(result, result.data?.result);
    if (outcome.kind === 'forbidden' || outcome.kind === 'network') return setFailure(outcome.kind);
    if (outcome.kind === 'userErrors') {
      const [first] = applyUserErrors(outcome.errors, ['summary', 'learnings', 'adoptedPracticeIds', 'followUpActions'], form.setError);
      return setFailure(first ?? null);
    }
    setSaved(true);
  });

  return (
    <section className="exchange-panel" aria-labelledby="exchange-record-outcomes">
      <h2 id="exchange-record-outcomes">
        <FormattedMessage id={outcomes ? 'exchanges.outcomes.editHeading' : 'exchanges.outcomes.heading'} />
      </h2>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        {failure ? (
          <p className="form__alert" role="alert">
            <FormattedMessage id={failure === 'forbidden' ? 'exchanges.error.forbidden' : failure === 'network' ? 'exchanges.error.network' : USER_ERROR_MESSAGES[failure]} />
          </p>
        ) : null}
        <Controller
          control={form.control}
          name="summary"
          render={({ field }) => (
            <MarkdownEditor
              id="outcomes-summary"
              rows={6}
              label={<FormattedMessage id="exchanges.outcomes.summary" />}
              hint={<FormattedMessage id="exchanges.outcomes.markdown" />}
              error={errors.summary?.message}
              {...field}
            />
          )}
        />
        <Controller
          control={form.control}
          name="learnings"
          render={({ field }) => (
            <MarkdownEditor
              id="outcomes-learnings"
              rows={6}
              label={<FormattedMessage id="exchanges.outcomes.learnings" />}
              hint={<FormattedMessage id="exchanges.outcomes.markdown" />}
              error={errors.learnings?.message}
              {...field}
            />
          )}
        />
        <fieldset className="exchange-fieldset">
          <legend>
            <FormattedMessage id="exchanges.outcomes.actions" />
          </legend>
          {actions.fields.map((field, index) => (
            <div key={field.id} className="exchange-action-row" role="group" aria-label={intl.formatMessage({ id: 'exchanges.outcomes.action' }, { number: index + 1 })}>
              <TextField
                id={`action-${index}-description`}
                label={<FormattedMessage id="exchanges.outcomes.action.description" values={{ number: index + 1 }} />}
                error={errors.followUpActions?.[index]?.description?.message}
                {...form.register(`followUpActions.${index}.description`)}
              />
              <SelectField
                id={`action-${index}-owner`}
                label="exchanges.outcomes.action.owner"
                error={errors.followUpActions?.[index]?.ownerId?.message}
                {...form.register(`followUpActions.${index}.ownerId`)}
              >
                <option value="">{intl.formatMessage({ id: 'exchanges.plan.choose' })}</option>
                {[...owners.values()].map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.displayName}
                  </option>
                ))}
              </SelectField>
              <TextField
                id={`action-${index}-due`}
                type="date"
                label={<FormattedMessage id="exchanges.outcomes.action.dueOn" />}
                error={errors.followUpActions?.[index]?.dueOn?.message}
                {...form.register(`followUpActions.${index}.dueOn`)}
              />
              <button type="button" className="button button--quiet" onClick={() => actions.remove(index)}>
                <FormattedMessage id="exchanges.outcomes.action.remove" values={{ number: index + 1 }} />
              </button>
            </div>
          ))}
          {actions.fields.length < 20 ? (
            <button type="button" className="button button--quiet" onClick={() => actions.append({ description: '', ownerId: '', dueOn: '' })}>
              <FormattedMessage id="exchanges.outcomes.action.add" />
            </button>
          ) : null}
        </fieldset>
        {practices.length > 0 ? (
          <fieldset className="exchange-fieldset">
            <legend>
              <FormattedMessage id="exchanges.outcomes.adopted" />
            </legend>
            {practices.map((practice) => (
              <label key={practice.id} className="exchange-choice">
                <input type="checkbox" value={practice.id} {...form.register('adoptedPracticeIds')} />
                {practice.title}
              </label>
            ))}
          </fieldset>
        ) : null}
        <div role="status" className="exchange-message">
          {saved ? <FormattedMessage id="exchanges.outcomes.saved" /> : null}
        </div>
        <button type="submit" className="button" disabled={isSubmitting}>
          <FormattedMessage id="exchanges.outcomes.submit" />
        </button>
      </form>
    </section>
  );
}
