import type { UseFormReturn } from 'react-hook-form';
import { Controller, useWatch } from 'react-hook-form';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ResultOf } from '../../app/graphql';
import { LEVELS, type CompetencesValues } from './competences-form';
import type { EditProfileQuery } from './settings.queries';

export type Area = ResultOf<typeof EditProfileQuery>['skillAreas'][number];

interface CompetenceRowProps {
  form: UseFormReturn<CompetencesValues>;
  index: number;
  /** A stable prefix for the row's ids. */
  base: string;
  count: number;
  /** The chosen skill's label; empty while none is chosen. */
  label: string;
  areas: readonly Area[];
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

/** One competence being edited: its skill, level and note, its endorsements and evidence, and its place. */
export function CompetenceRow({ form, index, base, count, label, areas, onMove, onRemove }: CompetenceRowProps) {
  const intl = useIntl();
  const row = useWatch({ control: form.control, name: `competences.${index}` });
  const errors = form.formState.errors.competences?.[index];
  const skillError = errors?.skillId?.message;
  const noteError = errors?.evidenceNote?.message;
  return (
    <fieldset className="competence-row">
      <legend>
        {label ? label : <FormattedMessage id="settings.competences.new" values={{ number: index + 1 }} />}
      </legend>
      <div className="field">
        <label htmlFor={`${base}-skill`}>
          <FormattedMessage id="settings.field.skill.label" />
        </label>
        <Controller
          control={form.control}
          name={`competences.${index}.skillId`}
          render={({ field }) => (
            <select
              id={`${base}-skill`}
              aria-invalid={skillError ? true : undefined}
              aria-describedby={skillError ? `${base}-skill-error` : undefined}
              {...field}
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
          )}
        />
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
        <Controller
          control={form.control}
          name={`competences.${index}.level`}
          render={({ field }) => (
            <select id={`${base}-level`} {...field}>
              {Object.entries(LEVELS).map(([level, id]) => (
                <option key={level} value={level}>
                  {intl.formatMessage({ id })}
                </option>
              ))}
            </select>
          )}
        />
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
      <div className="competence-row__actions">
        {index > 0 ? (
          <button type="button" id={`competence-move-up-${index}`} className="link-button" onClick={() => onMove(-1)}>
            <FormattedMessage id="settings.competences.up" />
            <span className="visually-hidden"> {label || intl.formatMessage({ id: 'settings.competences.new' }, { number: index + 1 })}</span>
          </button>
        ) : null}
        {index < count - 1 ? (
          <button type="button" id={`competence-move-down-${index}`} className="link-button" onClick={() => onMove(1)}>
            <FormattedMessage id="settings.competences.down" />
            <span className="visually-hidden"> {label || intl.formatMessage({ id: 'settings.competences.new' }, { number: index + 1 })}</span>
          </button>
        ) : null}
        <button type="button" className="link-button" onClick={onRemove}>
          <FormattedMessage id="settings.remove" />
          <span className="visually-hidden"> {label || intl.formatMessage({ id: 'settings.competences.new' }, { number: index + 1 })}</span>
        </button>
      </div>
    </fieldset>
  );
}
