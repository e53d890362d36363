import { forwardRef, useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { USER_ERROR_MESSAGES } from '../../ui/form-errors';
import { useAnnounce } from './announcer';
import { AcceptAnswerMutation, DeletePostMutation } from './post.mutations';
import type { Post } from './post-types';

export type PostPanel = 'edit' | 'history' | 'flag' | 'delete' | null;

interface Props {
  post: Post;
  canAccept: boolean;
  panel: PostPanel;
  onPanel: (panel: PostPanel) => void;
  onQuote?: (() => void) | undefined;
}

/** What the viewer may do with a post, as the API allows it: quote, edit, history, accept, flag, delete. */
export const PostActions = forwardRef<HTMLDivElement, Props>(function PostActions({ post, canAccept, panel, onPanel, onQuote }, ref) {
  const intl = useIntl();
  const announce = useAnnounce();
  const [accepting, accept] = useMutation(AcceptAnswerMutation);
  const [refusal, setRefusal] = useState<string | null>(null);
  const shown = post.bodyHtml !== null;
  const canHistory = post.editedAt !== null && (post.viewerCanEdit || post.viewerCanModerate);
  const toggle = (next: Exclude<PostPanel, null>) => onPanel(panel === next ? null : next);

  async function setAccepted(accepted: boolean) {
    setRefusal(null);
    const result = await accept({ input: { postId: post.id, accepted } });
    const payload = result.data?.acceptAnswer;
    const error = payload?.userErrors[0];
    if (!payload) setRefusal('threads.error.network');
    else if (error) setRefusal(USER_ERROR_MESSAGES[error.code]);
    else announce(intl.formatMessage({ id: accepted ? 'threads.accept.done' : 'threads.accept.withdrawn' }));
  }

  const buttons = [
    onQuote && (
      <button key="quote" type="button" className="post__action" onClick={onQuote}>
        <FormattedMessage id="threads.action.quote" />
      </button>
    ),
    post.viewerCanEdit && shown && (
      <button key="edit" type="button" className="post__action" data-panel="edit" onClick={() => onPanel('edit')}>
        <FormattedMessage id="threads.action.edit" />
      </button>
    ),
    canHistory && (
      <button key="history" type="button" className="post__action" data-panel="history" aria-expanded={panel === 'history'} onClick={() => toggle('history')}>
        <FormattedMessage id="threads.action.history" />
      </button>
    ),
    canAccept && shown && (
      <button
        key="accept"
        type="button"
        className="post__action post__action--accept"
        onClick={() => {
          if (!accepting.fetching) void setAccepted(!post.isAcceptedAnswer);
        }}
      >
        <FormattedMessage id={post.isAcceptedAnswer ? 'threads.action.unaccept' : 'threads.action.accept'} />
      </button>
    ),
    post.viewerCanFlag && shown && (
      <button key="flag" type="button" className="post__action" data-panel="flag" aria-expanded={panel === 'flag'} onClick={() => toggle('flag')}>
        <FormattedMessage id="threads.action.flag" />
      </button>
    ),
    post.viewerCanDelete && (
      <button key="delete" type="button" className="post__action post__action--danger" data-panel="delete" aria-expanded={panel === 'delete'} onClick={() => toggle('delete')}>
        <FormattedMessage id="threads.action.delete" />
      </button>
    ),
  ].filter(Boolean);

  if (buttons.length === 0) return null;
  return (
    <div ref={ref}>
      <div className="post__actions" role="group" aria-label={intl.formatMessage({ id: 'threads.action.group' })}>
        {buttons}
      </div>
      {refusal ? (
        <p className="form__alert" role="alert">
          <FormattedMessage id={refusal} />
        </p>
      ) : null}
      {panel === 'delete' ? <DeleteConfirmation postId={post.id} onCancel={() => onPanel(null)} /> : null}
    </div>
  );
});

function DeleteConfirmation(props: { postId: string; onCancel: () => void }) {
  const intl = useIntl();
  const announce = useAnnounce();
  const [{ fetching }, remove] = useMutation(DeletePostMutation);
  const [refusal, setRefusal] = useState<string | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const questionId = `delete-${props.postId}`;
  useEffect(() => cancel.current?.focus(), []);

  async function confirm() {
    const result = await remove({ input: { postId: props.postId } });
    const payload = result.data?.deletePost;
    const error = payload?.userErrors[0];
    if (!payload) setRefusal('threads.error.network');
    else if (error) setRefusal(USER_ERROR_MESSAGES[error.code]);
    else {
      announce(intl.formatMessage({ id: 'threads.delete.done' }));
      setTimeout(() => document.getElementById(`post-${props.postId}`)?.focus(), 0);
    }
  }

  return (
    <div className="post__confirm" role="group" aria-labelledby={questionId}>
      <p id={questionId}>
        <FormattedMessage id="threads.delete.question" />
      </p>
      {refusal ? (
        <p className="form__alert" role="alert">
          <FormattedMessage id={refusal} />
        </p>
      ) : null}
      <div className="post__form-actions">
        <button type="button" className="button button--danger" disabled={fetching} onClick={() => void confirm()}>
          <FormattedMessage id="threads.delete.confirm" />
        </button>
        <button type="button" ref={cancel} className="button button--quiet" onClick={props.onCancel}>
          <FormattedMessage id="threads.cancel" />
        </button>
      </div>
    </div>
  );
}
