import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { readFragment, type ResultOf } from '../../app/graphql';
import { USER_ERROR_MESSAGES, type UserErrorCode } from '../../ui/form-errors';
import {
  competenceErrorPath,
  competencesSchema,
  competencesValues,
  MAX_COMPETENCES,
  setCompetencesInput,
  type CompetencesValues,
} from './competences-form';
import { CompetenceRow, type Area } from './competence-row';
import { EditableProfileFields, SetCompetencesMutation } from './settings.queries';

type Profile = ResultOf<typeof EditableProfileFields>;
type Failure = UserErrorCode | 'network';

/** One's competences: a skill from the API's list each, a level and a note; kept ones keep their endorsements. */
export function CompetencesEditor({ profile, areas }: { profile: Profile | null; areas: readonly Area[] }) {
  const intl = useIntl();
  const form = useForm<CompetencesValues>({ resolver: zodResolver(competencesSchema), defaultValues: competencesValues(profile?.competences) });
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: 'competences' });
  const rows = useWatch({ control: form.control, name: 'competences' });
  const { errors, isSubmitting } = form.formState;
  const [, setCompetences] = useMutation(SetCompetencesMutation);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [status, setStatus] = useState('');
  const skillLabel = (skillId: string) => areas.flatMap((area) => area.skills).find((skill) => skill.id === skillId)?.label ?? '';

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    setStatus('');
    const dropped = (profile?.competences ?? []).filter(
      (kept) => kept.endorsementCount > 0 && !values.competences.some((item) => item.skillId === kept.skill.id),
    );
    if (dropped.length > 0) {
      const question = intl.formatMessage(
        { id: 'settings.competences.confirmDrop' },
        { skills: dropped.map((item) => item.skill.label).join(', '), count: dropped.reduce((sum, item) => sum + item.endorsementCount, 0) },
      );
      if (!window.confirm(question)) return;
    }
    const result = await setCompetences({ input: setCompetencesInput(values) });
    const payload = result.data?.setCompetences;
    if (!payload) return setFailure('network');
    let focused = false;
    for (const error of payload.userErrors) {
      const path = competenceErrorPath(error.field);
      if (path && path !== 'competences') {
        form.setError(path, { type: 'server', message: USER_ERROR_MESSAGES[error.code] }, { shouldFocus: !focused });
        focused = true;
      } else {
        setFailure(error.code);
      }
    }
    if (payload.userErrors.length > 0 || !payload.profile) return;
    const saved = readFragment(EditableProfileFields, payload.profile);
    form.reset(competencesValues(saved.competences));
    setStatus(intl.formatMessage({ id: 'settings.competences.saved' }, { count: saved.competences.length }));
  });

  function add() {
    append(
      { skillId: '', level: 'PRACTITIONER', evidenceNote: '', evidenceIds: [], endorsementCount: 0 },
      { focusName: `competences.${fields.length}.skillId` },
    );
  }

  function drop(index: number) {
    const label = skillLabel(rows[index]?.skillId ?? '');
    remove(index);
    setStatus(intl.formatMessage({ id: 'settings.competences.removed' }, { skill: label || intl.formatMessage({ id: 'settings.competences.unnamed' }) }));
    document.getElementById('competences-add')?.focus();
  }

  function shift(index: number, by: -1 | 1) {
    const label = skillLabel(rows[index]?.skillId ?? '') || intl.formatMessage({ id: 'settings.competences.unnamed' });
    move(index, index + by);
    setStatus(intl.formatMessage({ id: 'settings.competences.moved' }, { skill: label, position: index + by + 1 }));
    // Focus stays on the same button of the row that moved, or the other one at either end.
    const target = index + by;
    const edge = target === 0 ? 'down' : target === fields.length - 1 ? 'up' : by < 0 ? 'up' : 'down';
    requestAnimationFrame(() => document.getElementById(`competence-move-${edge}-${target}`)?.focus());
  }

  return (
    <form className="form settings-form" noValidate aria-labelledby="settings-competences-heading" onSubmit={(event) => void submit(event)}>
      <h2 id="settings-competences-heading">
        <FormattedMessage id="settings.competences.heading" />
      </h2>
      <p className="field__hint">
        <FormattedMessage id="settings.competences.intro" values={{ max: MAX_COMPETENCES }} />{' '}
        <FormattedMessage id="settings.competences.order" />
      </p>
      {failure ? (
        <p className="form__alert" role="alert">
          <FormattedMessage id={failure === 'network' ? 'settings.error.network' : USER_ERROR_MESSAGES[failure]} />
        </p>
      ) : null}
      {errors.competences?.root?.message || errors.competences?.message ? (
        <p className="form__alert" role="alert">
          <FormattedMessage id={errors.competences.root?.message ?? errors.competences.message ?? ''} values={{ max: MAX_COMPETENCES }} />
        </p>
      ) : null}
      {fields.length === 0 ? (
        <p>
          <FormattedMessage id="settings.competences.none" />
        </p>
      ) : (
        <ol className="competence-rows">
          {fields.map((field, index) => {
            const label = skillLabel(rows[index]?.skillId ?? '');
            return (
              <li key={field.id}>
                <CompetenceRow
                  form={form}
                  index={index}
                  base={`competence-${field.id}`}
                  count={fields.length}
                  label={label}
                  areas={areas}
                  onMove={(by) => shift(index, by)}
                  onRemove={() => drop(index)}
                />
              </li>
            );
          })}
        </ol>
      )}
      <div className="settings-form__actions">
        {fields.length < MAX_COMPETENCES ? (
          <button type="button" id="competences-add" className="button button--quiet" onClick={add}>
            <FormattedMessage id="settings.competences.add" />
          </button>
        ) : null}
        <button type="submit" className="button" disabled={isSubmitting}>
          <FormattedMessage id="settings.competences.save" />
        </button>
      </div>
      <p role="status" className="settings-form__status">
        {status}
      </p>
    </form>
  );
}
