import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { z } from 'zod';
import { TextAreaField } from '../../ui/field';
import { applyUserErrors, errorCode, USER_ERROR_MESSAGES } from '../../ui/form-errors';
import { ArchivePracticeMutation, PublishPracticeMutation, ReturnPracticeMutation } from './editor.queries';
import './practice-editor.css';

export interface DecidablePractice {
  id: string;
  slug: string;
  viewerCanPublish: boolean;
  viewerCanReturn: boolean;
  viewerCanArchive: boolean;
}

type Outcome = { kind: 'published' | 'returned' | 'archived' } | { kind: 'error'; message: string };

const returnSchema = z.object({
  comment: z.string().trim().min(1, 'practice-editor.decision.comment.required').max(1000, 'practice-editor.decision.comment.tooLong'),
});

function failureMessage(result: { error?: Parameters<typeof errorCode>[0] }): string {
  return errorCode(result.error) === 'FORBIDDEN' ? 'practice-editor.error.forbidden' : 'practice-editor.error.network';
}

/**
 * The reviewers' decisions on a practice, offered only as the API allows the viewer now:
 * publish or return with a comment (in review), archive (published, after confirming).
 */
export function DecisionPanel({ practice }: { practice: DecidablePractice }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [{ fetching: publishing }, publish] = useMutation(PublishPracticeMutation);
  const [{ fetching: archiving }, archive] = useMutation(ArchivePracticeMutation);
  const [, returnPractice] = useMutation(ReturnPracticeMutation);
  const [confirmingArchive, setConfirmingArchive] = useState(false);
  const form = useForm<z.infer<typeof returnSchema>>({ resolver: zodResolver(returnSchema), defaultValues: { comment: '' } });
  const { errors, isSubmitting } = form.formState;
  const offered = practice.viewerCanPublish || practice.viewerCanReturn || practice.viewerCanArchive;
  if (!offered && !outcome) return null;

  const decided = (payload: { userErrors: readonly { code: keyof typeof USER_ERROR_MESSAGES }[] } | null | undefined, kind: 'published' | 'returned' | 'archived', result: { error?: Parameters<typeof errorCode>[0] }) => {
    if (!payload) return setOutcome({ kind: 'error', message: failureMessage(result) });
    const [first] = payload.userErrors;
    setOutcome(first ? { kind: 'error', message: USER_ERROR_MESSAGES[first.code] } : { kind });
  };

  const sendReturn = form.handleSubmit(async ({ comment }) => {
    const result = await returnPractice({ input: { practiceId: practice.id, comment } });
    const payload = result.data?.returnPractice;
    if (payload) {
      const rest = applyUserErrors(payload.userErrors, ['comment'], form.setError);
      if (rest.length === 0 && payload.userErrors.length > 0) return;
    }
    decided(payload, 'returned', result);
  });

  return (
    <section className="decision-panel" aria-labelledby="decision-title">
      <h2 id="decision-title">
        <FormattedMessage id="practice-editor.decision.title" />
      </h2>
      <div role="status" aria-live="polite" className="decision-outcome">
        {outcome && outcome.kind !== 'error' ? (
          <p>
            <FormattedMessage id={`practice-editor.decision.done.${outcome.kind}`} />{' '}
            {outcome.kind !== 'returned' ? (
              <Link to={`/practices/${practice.slug}`}>
                <FormattedMessage id="practice-editor.viewPublic" />
              </Link>
            ) : (
              <Link to="/practices/review">
                <FormattedMessage id="practice-editor.review.link" />
              </Link>
            )}
          </p>
        ) : null}
      </div>
      {outcome?.kind === 'error' ? (
        <p className="form__alert" role="alert">
          <FormattedMessage id={outcome.message} />
        </p>
      ) : null}
      {practice.viewerCanPublish ? (
        <div className="decision">
          <p>
            <FormattedMessage id="practice-editor.decision.publish.body" />
          </p>
          <button
            type="button"
            className="button"
            disabled={publishing}
            onClick={() =>
              void publish({ input: { practiceId: practice.id } }).then((result) => decided(result.data?.publishPractice, 'published', result))
            }
          >
            <FormattedMessage id="practice-editor.decision.publish" />
          </button>
        </div>
      ) : null}
      {practice.viewerCanReturn ? (
        <form className="form decision" noValidate onSubmit={(event) => void sendReturn(event)}>
          <TextAreaField
            id="return-comment"
            rows={4}
            label={<FormattedMessage id="practice-editor.decision.comment.label" />}
            hint={<FormattedMessage id="practice-editor.decision.comment.hint" />}
            error={errors.comment?.message}
            {...form.register('comment')}
          />
          <button type="submit" className="button button--quiet" disabled={isSubmitting}>
            <FormattedMessage id="practice-editor.decision.return" />
          </button>
        </form>
      ) : null}
      {practice.viewerCanArchive ? (
        <div className="decision">
          {confirmingArchive ? (
            <div role="group" aria-labelledby="archive-confirm">
              <p id="archive-confirm">
                <FormattedMessage id="practice-editor.decision.archive.confirm" />
              </p>
              <div className="decision__buttons">
                <button
                  type="button"
                  className="button"
                  disabled={archiving}
                  onClick={() =>
                    void archive({ input: { practiceId: practice.id } }).then((result) => {
                      setConfirmingArchive(false);
                      decided(result.data?.archivePractice, 'archived', result);
                    })
                  }
                >
                  <FormattedMessage id="practice-editor.decision.archive.yes" />
                </button>
                <button type="button" className="button button--quiet" onClick={() => setConfirmingArchive(false)}>
                  <FormattedMessage id="practice-editor.decision.archive.no" />
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="button button--quiet" onClick={() => setConfirmingArchive(true)}>
              <FormattedMessage id="practice-editor.decision.archive" />
            </button>
          )}
        </div>
      ) : null}
    </section>
  );
}
