import { useCallback, useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useClient, useMutation } from 'urql';
import { TextAreaField, TextField } from '../../ui/field';
import { USER_ERROR_MESSAGES } from '../../ui/form-errors';
import { MarkdownEditor } from '../../ui/markdown-editor';
import { TerritoryPicker } from '../../ui/territory-picker';
import { Autosaver, type AutosaveStatus, type SaveResult } from './autosave';
import { EditPracticeQuery, UpdatePracticeMutation } from './editor.queries';
import {
  fieldOfError,
  inputOf,
  REQUIRED,
  SECTIONS,
  TEXT_FIELDS,
  valuesOf,
  type ChosenTerritory,
  type EditablePractice,
  type EditorPatch,
  type EditorValues,
  type TextFieldName,
} from './editor-state';
import { keepLocalCopy, loadLocalCopy } from './local-copy';
import { SaveStatus } from './save-status';
import { SubmitPanel } from './submit-panel';

function textOf(patch: EditorPatch): Partial<EditorValues> {
  const { territories: _territories, ...text } = patch;
  return text;
}

/**
 * The practice's structured form: each change is saved through `updatePractice` once typing
 * pauses (and on leaving a field or the page), and kept on this device until the API accepts it.
 */
export function PracticeEditor({ practice }: { practice: EditablePractice }) {
  const intl = useIntl();
  const client = useClient();
  const [, update] = useMutation(UpdatePracticeMutation);
  const [copy] = useState(() => loadLocalCopy(practice.id));
  const form = useForm<EditorValues>({ defaultValues: { ...valuesOf(practice), ...textOf(copy?.unsaved ?? {}) } });
  const { errors } = form.formState;
  const [territories, setTerritories] = useState<ChosenTerritory[]>(copy?.unsaved.territories ?? practice.territories);
  const [territoryError, setTerritoryError] = useState<string | undefined>();
  const [status, setStatus] = useState<AutosaveStatus>({ kind: 'idle', at: practice.updatedAt });

  const save = useCallback(
    async (patch: EditorPatch, version: number): Promise<SaveResult> => {
      const result = await update({ input: { practiceId: practice.id, version, ...inputOf(patch) } });
      const payload = result.data?.updatePractice;
      if (!payload) return { kind: 'failed' };
      if (payload.userErrors.some((error) => error.code === 'CONFLICT')) return { kind: 'conflict' };
      if (payload.userErrors.length > 0 || !payload.practice) {
        for (const error of payload.userErrors) {
          const field = fieldOfError(error.field);
          if (field === 'territoryIds') setTerritoryError(USER_ERROR_MESSAGES[error.code]);
          else if (field) form.setError(field, { type: 'server', message: USER_ERROR_MESSAGES[error.code] });
        }
        return { kind: 'refused' };
      }
      return { kind: 'saved', version: payload.practice.version, at: payload.practice.updatedAt };
    },
    [update, practice.id, form],
  );

  const [saver] = useState(
    () =>
      new Autosaver<EditorPatch>({
        version: practice.version,
        savedAt: practice.updatedAt,
        save: (patch, version) => save(patch, version),
        onStatus: setStatus,
        onUnsaved: (unsaved, version) => keepLocalCopy(practice.id, { version, unsaved }),
      }),
  );

  useEffect(() => {
    // Changes kept from an earlier visit: saved now if made on this version, else the reader chooses.
    if (copy && copy.version === practice.version) saver.change(copy.unsaved);
    else if (copy) saver.conflictWith(copy.unsaved);
    const subscription = form.watch((values, { name }) => {
      if (!name || !(TEXT_FIELDS as readonly string[]).includes(name)) return;
      const field = name as TextFieldName;
      form.clearErrors(field);
      saver.change({ [field]: values[field] ?? '' });
    });
    const leave = () => void saver.flush();
    const hidden = () => document.visibilityState === 'hidden' && leave();
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      subscription.unsubscribe();
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', hidden);
      leave();
      saver.dispose();
    };
    // Once per practice: the editor is keyed by it.
  }, []);

  const chooseTerritories = (next: ChosenTerritory[]) => {
    setTerritories(next);
    setTerritoryError(undefined);
    saver.change({ territories: next });
    void saver.flush();
  };

  const reload = async (keepMine: boolean) => {
    const result = await client.query(EditPracticeQuery, { slug: practice.slug }, { requestPolicy: 'network-only' }).toPromise();
    const latest = result.data?.practice;
    if (!latest) return;
    const mine = saver.unsaved;
    form.reset({ ...valuesOf(latest), ...(keepMine ? textOf(mine) : {}) });
    setTerritories((keepMine ? mine.territories : undefined) ?? latest.territories);
    if (keepMine) await saver.resume(latest.version);
    else saver.discard(latest.version);
  };

  const register = (name: TextFieldName) => form.register(name, { onBlur: () => void saver.flush() });
  const required = REQUIRED[practice.kind];
  const requiredMark = (name: 'summary' | (typeof SECTIONS)[number]) =>
    required.includes(name) ? (
      <span className="required">
        {' '}
        <FormattedMessage id="practice-editor.field.requiredForReview" />
      </span>
    ) : null;

  return (
    <>
      <p className="meta">
        <FormattedMessage id={`practice-editor.kind.${practice.kind}`} />
        {practice.community ? ` · ${practice.community.name}` : ''}
        {' · '}
        <FormattedMessage id={`practice-editor.status.${practice.status}`} />
      </p>
      <h1>
        <FormattedMessage
          id={practice.status === 'DRAFT' ? 'practice-editor.edit.heading' : 'practice-editor.edit.headingPublished'}
          values={{ title: form.watch('title') || practice.title }}
        />
      </h1>
      {practice.reviewComment && practice.status === 'DRAFT' ? (
        <section className="editor-notice" aria-labelledby="review-comment-title">
          <h2 id="review-comment-title">
            <FormattedMessage id="practice-editor.returned.title" />
          </h2>
          <blockquote className="review-comment">{practice.reviewComment}</blockquote>
        </section>
      ) : null}
      <SaveStatus status={status} onRetry={() => void saver.flush()} onReload={(keepMine) => void reload(keepMine)} />
      <form className="form editor-form" noValidate onSubmit={(event) => event.preventDefault()}>
        <TextField
          id="practice-title"
          label={<FormattedMessage id="practice-editor.field.title.label" />}
          hint={<FormattedMessage id="practice-editor.field.title.hint" />}
          error={errors.title?.message}
          {...register('title')}
        />
        <TextAreaField
          id="practice-summary"
          className="summary"
          rows={4}
          label={
            <>
              <FormattedMessage id="practice-editor.field.summary.label" />
              {requiredMark('summary')}
            </>
          }
          hint={<FormattedMessage id={`practice-editor.field.summary.hint.${practice.kind}`} />}
          error={errors.summary?.message}
          {...register('summary')}
        />
        {SECTIONS.map((section) => (
          <Controller
            key={section}
            control={form.control}
            name={section}
            render={({ field, fieldState }) => (
              <MarkdownEditor
                ref={field.ref}
                id={`practice-${section}`}
                rows={8}
                label={
                  <>
                    <FormattedMessage id={`practice-editor.section.${section}`} />
                    {requiredMark(section)}
                  </>
                }
                hint={<FormattedMessage id={`practice-editor.section.${section}.hint`} />}
                error={fieldState.error?.message}
                name={field.name}
                value={field.value}
                onChange={field.onChange}
                onBlur={() => {
                  field.onBlur();
                  void saver.flush();
                }}
              />
            )}
          />
        ))}
        <TextField
          id="practice-tags"
          label={<FormattedMessage id="practice-editor.field.tags.label" />}
          hint={<FormattedMessage id="practice-editor.field.tags.hint" />}
          error={errors.tags?.message}
          {...register('tags')}
        />
        <TerritoryPicker
          id="practice-territories"
          label={intl.formatMessage({ id: 'practice-editor.field.territories.label' })}
          chosen={territories}
          onChange={chooseTerritories}
          error={territoryError}
        />
      </form>
      <SubmitPanel
        practice={practice}
        beforeSubmit={async () => {
          await saver.flush();
          return !saver.hasUnsaved;
        }}
        onMissing={(fields) => {
          for (const field of fields) form.setError(field, { type: 'server', message: 'practice-editor.field.missing' });
        }}
      />
      <p>
        <Link to="/practices/mine">{intl.formatMessage({ id: 'practice-editor.mine.link' })}</Link>
      </p>
    </>
  );
}
