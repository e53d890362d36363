import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useMutation } from 'urql';
import { errorCode, USER_ERROR_MESSAGES, type UserErrorCode } from '../../ui/form-errors';
import { fieldOfError, type EditablePractice, type TextFieldName } from './editor-state';
import { SubmitPracticeMutation } from './editor.queries';

type Failure = { kind: 'missing'; fields: TextFieldName[] } | { kind: 'code'; code: UserErrorCode } | { kind: 'unsaved' } | { kind: 'network' | 'forbidden' };

/** Labels of the fields a submission may find empty, as the form shows them. */
const LABELS: Partial<Record<TextFieldName, string>> = {
  summary: 'practice-editor.field.summary.label',
  need: 'practice-editor.section.need',
  approach: 'practice-editor.section.approach',
  resources: 'practice-editor.section.resources',
  results: 'practice-editor.section.results',
  difficulties: 'practice-editor.section.difficulties',
  transferability: 'practice-editor.section.transferability',
  title: 'practice-editor.field.title.label',
};

/**
 * Sends the practice to its reviewers once everything typed is saved; the required parts still
 * empty (as the API finds them) are listed, each a link to its field.
 */
export function SubmitPanel(props: {
  practice: EditablePractice;
  beforeSubmit: () => Promise<boolean>;
  onMissing: (fields: TextFieldName[]) => void;
}) {
  const [{ fetching }, submit] = useMutation(SubmitPracticeMutation);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  if (!props.practice.viewerCanSubmit) return null;

  const send = async () => {
    setBusy(true);
    setFailure(null);
    try {
      if (!(await props.beforeSubmit())) {
        setFailure({ kind: 'unsaved' });
        return;
      }
      const result = await submit({ input: { practiceId: props.practice.id } });
      const payload = result.data?.submitPracticeForReview;
      if (!payload) {
        setFailure({ kind: errorCode(result.error) === 'FORBIDDEN' ? 'forbidden' : 'network' });
        return;
      }
      const missing = payload.userErrors
        .filter((error) => error.code === 'REQUIRED')
        .map((error) => fieldOfError(error.field))
        .filter((field): field is TextFieldName => field !== null && field !== 'territoryIds');
      if (missing.length > 0) {
        props.onMissing(missing);
        setFailure({ kind: 'missing', fields: missing });
        return;
      }
      const [first] = payload.userErrors;
      if (first) setFailure({ kind: 'code', code: first.code });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="submit-panel" aria-labelledby="submit-title">
      <h2 id="submit-title">
        <FormattedMessage id="practice-editor.submit.title" />
      </h2>
      <p>
        <FormattedMessage id="practice-editor.submit.body" />
      </p>
      {failure ? (
        <div className="form__alert" role="alert">
          {failure.kind === 'missing' ? (
            <>
              <p>
                <FormattedMessage id="practice-editor.submit.missing" values={{ count: failure.fields.length }} />
              </p>
              <ul>
                {failure.fields.map((field) => (
                  <li key={field}>
                    <a href={`#practice-${field}`}>
                      <FormattedMessage id={LABELS[field] ?? 'practice-editor.field.title.label'} />
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>
              <FormattedMessage
                id={
                  failure.kind === 'code'
                    ? USER_ERROR_MESSAGES[failure.code]
                    : failure.kind === 'unsaved'
                      ? 'practice-editor.submit.unsaved'
                      : failure.kind === 'forbidden'
                        ? 'practice-editor.error.forbidden'
                        : 'practice-editor.error.network'
                }
              />
            </p>
          )}
        </div>
      ) : null}
      <button type="button" className="button" disabled={busy || fetching} onClick={() => void send()}>
        <FormattedMessage id="practice-editor.submit.button" />
      </button>
    </section>
  );
}
