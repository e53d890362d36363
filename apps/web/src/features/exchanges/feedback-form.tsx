import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useMutation } from 'urql';
import { TextAreaField } from '../../ui/field';
import { GiveFeedbackMutation } from './exchange.mutations';
import { outcomeOf } from './outcome';
import { failureMessage } from './registration-panel';
import type { ViewerExchange } from './viewer-exchange';
import { PanelMessage, type PanelNotice } from './panel-message';

const RATINGS = [1, 2, 3, 4, 5] as const;

/** An attendee's rating (1 to 5) and comment for the organisers, once each and editable while feedback is open. */
export function FeedbackForm({ exchange }: { exchange: ViewerExchange }) {
  const mine = exchange.viewerFeedback;
  const [rating, setRating] = useState<number | null>(mine?.rating ?? null);
  const [comment, setComment] = useState(mine?.comment ?? '');
  const [message, setMessage] = useState<PanelNotice | null>(null);
  const [{ fetching }, give] = useMutation(GiveFeedbackMutation);

  const submit = async () => {
    setMessage(null);
    if (rating === null) return setMessage({ id: 'exchanges.feedback.ratingRequired', alert: true });
    const result = await give({ input: { exchangeId: exchange.id, rating, ...(comment.trim() ? { comment: comment.trim() } : {}) } });
    const failure = failureMessage(outcomeOf(result, result.data?.result));
    setMessage(failure ? { id: failure, alert: true } : { id: 'exchanges.feedback.saved', alert: false });
  };

  return (
    <section className="exchange-panel" aria-labelledby="exchange-give-feedback">
      <h2 id="exchange-give-feedback">
        <FormattedMessage id="exchanges.feedback.give" />
      </h2>
      {mine ? (
        <p>
          <FormattedMessage id="exchanges.feedback.yours" values={{ rating: mine.rating }} />
        </p>
      ) : null}
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <fieldset className="exchange-fieldset exchange-rating" aria-describedby={message?.alert ? 'feedback-error' : undefined}>
          <legend>
            <FormattedMessage id="exchanges.feedback.rating" />
          </legend>
          {RATINGS.map((value) => (
            <label key={value} className="exchange-choice">
              <input type="radio" name="feedback-rating" value={value} checked={rating === value} onChange={() => setRating(value)} />
              <FormattedMessage id={`exchanges.feedback.rating.${value}`} />
            </label>
          ))}
        </fieldset>
        <TextAreaField
          id="feedback-comment"
          rows={4}
          maxLength={2000}
          label={<FormattedMessage id="exchanges.feedback.comment" />}
          hint={<FormattedMessage id="exchanges.feedback.comment.hint" />}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
        <PanelMessage message={message} alertId="feedback-error" />
        <button type="submit" className="button" disabled={fetching}>
          <FormattedMessage id={mine ? 'exchanges.feedback.update' : 'exchanges.feedback.submit'} />
        </button>
      </form>
    </section>
  );
}
