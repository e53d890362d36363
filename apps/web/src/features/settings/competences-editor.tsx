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
  LEVELS,
  MAX_COMPETENCES,
  setCompetencesInput,
  type CompetencesValues,
} from './competences-form';
import { EditableProfileFields, SetCompetencesMutation, type EditProfileQuery } from './settings.queries';

type Profile = ResultOf<typeof EditableProfileFields>;
type Area = ResultOf<typeof EditProfileQuery>['skillAreas'][number];
type Failure = UserErrorCode | 'network';

/** One's competences: a skill from the API's list each, a level and a note; kept ones keep their endorsements. */
export function CompetencesEditor({ profile, areas }: { profile: Profile | null; areas: readonly Area[] }) {
  const intl = useIntl();
  const form = useForm<CompetencesValues>({ resolver: zodResolver(competencesSchema), defaultValues: competencesValues(profile?.competences) });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'competences' });
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

  return (
    <form className="form settings-form" noValidate aria-labelledby="settings-competences-heading" onSubmit={(event) => void submit(event)}>
      <h2 id="settings-competences-heading">
        <FormattedMessage id="settings.competences.heading" />
      </h2>
      <p className="field__hint">
        <FormattedMessage id="settings.competences.intro" values={{ max: MAX_COMPETENCES }} />
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
            const row = rows[index];
            const label = skillLabel(row?.skillId ?? '');
            const skillError = errors.competences?.[index]?.skillId?.message;
            const noteError = errors.competences?.[index]?.evidenceNote?.message;
            const base = `competence-${field.id}`;
            return (
              <li key={field.id}>
                <fieldset className="competence-row">
                  <legend>
                    {label ? label : <FormattedMessage id="settings.competences.new" values={{ number: index + 1 }} />}
                  </legend>
                  <div className="field">
                    <label htmlFor={`${base}-skill`}>
                      <FormattedMessage id="settings.field.skill.label" />
                    </label>
                    <select
                      id={`${base}-skill`}
                      aria-invalid={skillError ? true : undefined}
                      aria-describedby={skillError ? `${base}-skill-error` : undefined}
                      {...form.register(`competences.${index}.skillId`)}
                    >
                      <option value="">{intl.formatMessage({ id: 'settings.field.skill.choose' })}</option>
                      {areas.map((area) => (
                        <optgroup key={area.id} label={area.label}>
                          {area.skills.map((skill) => (
                            <option key={skill.id} value={skill.id}>
                              {skill.label}
                            </option>
                          ))}
                        </optgroup>
                      ))}
                    </select>
                    {skillError ? (
                      <p className="field__error" id={`${base}-skill-error`}>
                        <FormattedMessage id={skillError} />
                      </p>
                    ) : null}
                  </div>
                  <div className="field">
                    <label htmlFor={`${base}-level`}>
                      <FormattedMessage id="settings.field.level.label" />
                    </label>
                    <select id={`${base}-level`} {...form.register(`competences.${index}.level`)}>
                      {Object.entries(LEVELS).map(([level, id]) => (
                        <option key={level} value={level}>
                          {intl.formatMessage({ id })}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={`${base}-note`}>
                      <FormattedMessage id="settings.field.evidenceNote.label" />
                    </label>
                    <p className="field__hint" id={`${base}-note-hint`}>
                      <FormattedMessage id="settings.field.evidenceNote.hint" />
                    </p>
                    <textarea
                      id={`${base}-note`}
                      rows={3}
                      aria-invalid={noteError ? true : undefined}
                      aria-describedby={[`${base}-note-hint`, noteError ? `${base}-note-error` : null].filter(Boolean).join(' ')}
                      {...form.register(`competences.${index}.evidenceNote`)}
                    />
                    {noteError ? (
                      <p className="field__error" id={`${base}-note-error`}>
                        <FormattedMessage id={noteError} />
                      </p>
                    ) : null}
                  </div>
                  <p className="meta">
                    <FormattedMessage id="settings.competences.endorsements" values={{ count: row?.endorsementCount ?? 0 }} />
                    {(row?.evidenceIds.length ?? 0) > 0 ? (
                      <>
                        {' · '}
                        <FormattedMessage id="settings.competences.evidence" values={{ count: row?.evidenceIds.length ?? 0 }} />
                      </>
                    ) : null}
                  </p>
                  <button type="button" className="link-button" onClick={() => drop(index)}>
                    <FormattedMessage id="settings.remove" />
                    <span className="visually-hidden"> {label || intl.formatMessage({ id: 'settings.competences.new' }, { number: index + 1 })}</span>
                  </button>
                </fieldset>
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
