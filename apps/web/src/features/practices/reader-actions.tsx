import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { z } from 'zod';
import { TextAreaField, TextField } from '../../ui/field';
import { applyUserErrors, USER_ERROR_MESSAGES, type UserErrorCode } from '../../ui/form-errors';
import { MarkdownEditor } from '../../ui/markdown-editor';
import { DecisionPanel } from '../practice-editor/decision-panel';
import { TerritoryPicker } from '../../ui/territory-picker';
import { AddPracticeCommentMutation, BookmarkPracticeMutation, PracticeViewerQuery, RecordAdoptionMutation, UnbookmarkPracticeMutation } from './reader.queries';

type Failure = UserErrorCode | 'network';

function useViewerPractice(slug: string) {
  const [{ data }] = useQuery({ query: PracticeViewerQuery, variables: { slug }, requestPolicy: 'cache-and-network' });
  return data?.practice ?? null;
}

function FailureAlert({ failure }: { failure: Failure | null }) {
  if (!failure) return null;
  return (
    <p className="form__alert" role="alert">
      <FormattedMessage id={failure === 'network' ? 'practices.error.network' : USER_ERROR_MESSAGES[failure]} />
    </p>
  );
}

/** Bookmark, edit (its authors) and the reviewers' decisions, as the API allows the reader. */
export function ReaderToolbar({ slug }: { slug: string }) {
  const practice = useViewerPractice(slug);
  const [bookmarking, bookmark] = useMutation(BookmarkPracticeMutation);
  const [unbookmarking, unbookmark] = useMutation(UnbookmarkPracticeMutation);
  const [failure, setFailure] = useState<Failure | null>(null);
  if (!practice) return null;
  const toggle = async () => {
    setFailure(null);
    const input = { input: { practiceId: practice.id } };
    const result = practice.viewerHasBookmarked ? await unbookmark(input) : await bookmark(input);
    const payload = result.data && ('bookmarkPractice' in result.data ? result.data.bookmarkPractice : result.data.unbookmarkPractice);
    if (!payload) setFailure('network');
    else if (payload.userErrors[0]) setFailure(payload.userErrors[0].code);
  };
  return (
    <div className="reader-toolbar">
      <div className="reader-toolbar__row">
        {practice.status === 'PUBLISHED' ? (
          <button
            type="button"
            className="button button--quiet"
            aria-pressed={practice.viewerHasBookmarked}
            disabled={bookmarking.fetching || unbookmarking.fetching}
            onClick={() => void toggle()}
          >
            <FormattedMessage id={practice.viewerHasBookmarked ? 'practices.bookmark.saved' : 'practices.bookmark.save'} />
          </button>
        ) : null}
        <p className="meta" role="status">
          <FormattedMessage id="practices.bookmark.count" values={{ count: practice.bookmarkCount }} />
        </p>
        {practice.viewerCanEdit ? (
          <Link to={`/practices/${practice.slug}/edit`}>
            <FormattedMessage id="practices.edit" />
          </Link>
        ) : null}
      </div>
      <FailureAlert failure={failure} />
      <DecisionPanel practice={practice} />
    </div>
  );
}

const commentSchema = z.object({ body: z.string().trim().min(1, 'practices.comment.required').max(5000, 'practices.comment.tooLong') });

/** A comment on the published practice, in Markdown; its authors are notified. */
export function CommentForm({ slug }: { slug: string }) {
  const practice = useViewerPractice(slug);
  const [, add] = useMutation(AddPracticeCommentMutation);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [sent, setSent] = useState(false);
  const form = useForm<z.infer<typeof commentSchema>>({ resolver: zodResolver(commentSchema), defaultValues: { body: '' } });
  if (!practice?.viewerCanComment) return null;
  const submit = form.handleSubmit(async ({ body }) => {
    setFailure(null);
    setSent(false);
    const result = await add({ input: { practiceId: practice.id, body } });
    const payload = result.data?.addPracticeComment;
    if (!payload) return setFailure('network');
    const [first] = applyUserErrors(payload.userErrors, ['body'], form.setError);
    if (first) return setFailure(first);
    if (payload.userErrors.length === 0) {
      form.reset({ body: '' });
      setSent(true);
    }
  });
  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)}>
      <FailureAlert failure={failure} />
      <Controller
        control={form.control}
        name="body"
        render={({ field, fieldState }) => (
          <MarkdownEditor
            ref={field.ref}
            id="practice-comment"
            rows={4}
            label={<FormattedMessage id="practices.comment.label" />}
            hint={<FormattedMessage id="practices.comment.hint" />}
            error={fieldState.error?.message}
            name={field.name}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
          />
        )}
      />
      <p role="status" className="meta">
        {sent ? <FormattedMessage id="practices.comment.sent" /> : null}
      </p>
      <button type="submit" className="button" disabled={form.formState.isSubmitting}>
        <FormattedMessage id="practices.comment.submit" />
      </button>
    </form>
  );
}

const OUTCOMES = ['ADOPTED', 'ADAPTED', 'ADOPTING', 'ABANDONED'] as const;

function today(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });
}

const adoptionSchema = z
  .object({
  territory: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  adoptedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'practices.adoption.adoptedOn.required'),
  outcome: z.enum(OUTCOMES),
  organizationName: z.string().trim().max(160, 'practices.adoption.tooLong'),
  notes: z.string().trim().min(1, 'practices.adoption.notes.required').max(2000, 'practices.adoption.tooLong'),
  })
  .superRefine((values, context) => {
    if (!values.territory) context.addIssue({ code: 'custom', path: ['territory'], message: 'practices.adoption.territory.required' });
  });
type AdoptionValues = z.infer<typeof adoptionSchema>;

/** Records that a territory took the practice up, and how it went. */
export function AdoptionForm({ slug }: { slug: string }) {
  const intl = useIntl();
  const practice = useViewerPractice(slug);
  const [, record] = useMutation(RecordAdoptionMutation);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [sent, setSent] = useState(false);
  const form = useForm<AdoptionValues>({
    resolver: zodResolver(adoptionSchema),
    defaultValues: { territory: null, adoptedOn: today(), outcome: 'ADOPTED', organizationName: '', notes: '' },
  });
  const { errors, isSubmitting } = form.formState;
  if (!practice?.viewerCanRecordAdoption) return null;
  const submit = form.handleSubmit(async ({ territory, adoptedOn, outcome, organizationName, notes }) => {
    setFailure(null);
    setSent(false);
    if (!territory) return;
    const result = await record({
      input: { practiceId: practice.id, territoryId: territory.id, adoptedOn, outcome, notes, ...(organizationName ? { organizationName } : {}) },
    });
    const payload = result.data?.recordAdoption;
    if (!payload) return setFailure('network');
    const [first] = applyUserErrors(payload.userErrors, ['adoptedOn', 'outcome', 'organizationName', 'notes'], form.setError);
    if (first) return setFailure(first);
    if (payload.userErrors.length === 0) {
      form.reset({ territory: null, adoptedOn: today(), outcome: 'ADOPTED', organizationName: '', notes: '' });
      setSent(true);
    }
  });
  return (
    <details className="adoption-form">
      <summary>
        <FormattedMessage id="practices.adoption.open" />
      </summary>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <FailureAlert failure={failure} />
        <Controller
          control={form.control}
          name="territory"
          render={({ field, fieldState }) => (
            <TerritoryPicker
              id="adoption-territory"
              limit={1}
              label={intl.formatMessage({ id: 'practices.adoption.territory' })}
              chosen={field.value ? [field.value] : []}
              onChange={(next) => field.onChange(next[0] ?? null)}
              error={fieldState.error?.message}
            />
          )}
        />
        <TextField
          id="adoption-date"
          type="date"
          max={today()}
          label={<FormattedMessage id="practices.adoption.adoptedOn" />}
          error={errors.adoptedOn?.message}
          {...form.register('adoptedOn')}
        />
        <div className="field">
          <label htmlFor="adoption-outcome">
            <FormattedMessage id="practices.adoption.outcome" />
          </label>
          <select id="adoption-outcome" {...form.register('outcome')}>
            {OUTCOMES.map((outcome) => (
              <option key={outcome} value={outcome}>
                {intl.formatMessage({ id: `practices.adoptions.outcome.${outcome}` })}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id="adoption-organization"
          label={<FormattedMessage id="practices.adoption.organization" />}
          hint={<FormattedMessage id="practices.adoption.organization.hint" />}
          error={errors.organizationName?.message}
          {...form.register('organizationName')}
        />
        <TextAreaField
          id="adoption-notes"
          rows={4}
          label={<FormattedMessage id="practices.adoption.notes" />}
          hint={<FormattedMessage id="practices.adoption.notes.hint" />}
          error={errors.notes?.message}
          {...form.register('notes')}
        />
        <p role="status" className="meta">
          {sent ? <FormattedMessage id="practices.adoption.sent" /> : null}
        </p>
        <button type="submit" className="button" disabled={isSubmitting}>
          <FormattedMessage id="practices.adoption.submit" />
        </button>
      </form>
    </details>
  );
}
