import { useRef, useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { readFragment, type FragmentOf } from '../../app/graphql';
import { PostActions, type PostPanel } from './post-actions';
import { PostEditForm } from './post-edit-form';
import { PostHistory } from './post-history';
import { FlagForm } from './flag-form';
import { Reactions } from './reactions';
import { PostFields } from './thread.queries';

export interface PostContext {
  signedIn: boolean;
  /** Whether the viewer may accept this reply as the answer to the question. */
  canAccept: boolean;
  /** Set when the viewer may reply: quotes the post into the reply. */
  onQuote?: ((post: { id: string; author: string; text: string }) => void) | undefined;
}

export function PostItem(props: { post: FragmentOf<typeof PostFields>; opening: boolean; context: PostContext }) {
  const post = readFragment(PostFields, props.post);
  const intl = useIntl();
  const [panel, setPanel] = useState<PostPanel>(null);
  const body = useRef<HTMLDivElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const authorName = post.author?.displayName ?? intl.formatMessage({ id: 'threads.post.removedAccount' });

  /** Closes a panel and gives focus back to the control that opened it. */
  function close(from: Exclude<PostPanel, null>) {
    setPanel(null);
    setTimeout(() => bar.current?.querySelector<HTMLElement>(`[data-panel="${from}"]`)?.focus(), 0);
  }

  return (
    <li id={`post-${post.id}`} className={`post${post.isAcceptedAnswer ? ' post--accepted' : ''}`} tabIndex={-1}>
      <article aria-labelledby={`post-${post.id}-by`}>
        <header className="post__header">
          {post.isAcceptedAnswer ? (
            <p className="post__badge">
              <FormattedMessage id="threads.post.accepted" />
            </p>
          ) : null}
          <p id={`post-${post.id}-by`} className="post__by">
            {post.author ? <Link to={`/u/${post.author.handle}`}>{post.author.displayName}</Link> : authorName}
            <span className="meta">
              {' · '}
              <a href={`#post-${post.id}`} className="post__time">
                <FormattedDate value={post.createdAt} year="numeric" month="long" day="numeric" hour="2-digit" minute="2-digit" />
              </a>
              {post.editedAt ? (
                <>
                  {' · '}
                  <span className="post__edited">
                    <FormattedMessage id="threads.post.edited" />
                  </span>
                </>
              ) : null}
            </span>
          </p>
          {post.replyTo && !props.opening ? (
            <p className="meta">
              <a href={`#post-${post.replyTo.id}`}>
                <FormattedMessage
                  id="threads.post.replyTo"
                  values={{ name: post.replyTo.author?.displayName ?? intl.formatMessage({ id: 'threads.post.removedAccount' }) }}
                />
              </a>
            </p>
          ) : null}
        </header>
        {panel === 'edit' ? (
          <PostEditForm postId={post.id} onDone={() => close('edit')} />
        ) : post.deleted ? (
          <p className="post__placeholder">
            <FormattedMessage id="threads.post.deleted" />
          </p>
        ) : post.bodyHtml === null ? (
          <p className="post__placeholder">
            <FormattedMessage id="threads.post.hidden" />
          </p>
        ) : (
          // Sanitized by the API's Markdown renderer.
          <div ref={body} className="post__body section-body" lang={post.language} dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
        )}
        {post.deleted ? null : <Reactions postId={post.id} reactions={post.reactions} canReact={props.context.signedIn} />}
        {post.deleted || panel === 'edit' ? null : (
          <PostActions
            ref={bar}
            post={post}
            canAccept={props.context.canAccept && !props.opening}
            panel={panel}
            onPanel={setPanel}
            onQuote={
              props.context.onQuote && post.bodyHtml !== null
                ? () => props.context.onQuote?.({ id: post.id, author: authorName, text: selectedText(body.current) ?? body.current?.textContent ?? '' })
                : undefined
            }
          />
        )}
        {panel === 'history' ? <PostHistory postId={post.id} onClose={() => close('history')} /> : null}
        {panel === 'flag' ? <FlagForm subjectId={post.id} onClose={() => close('flag')} /> : null}
      </article>
    </li>
  );
}

/** The words the reader selected inside the post, if any: a quote of just those. */
function selectedText(within: HTMLElement | null): string | null {
  const selection = typeof window === 'undefined' ? null : window.getSelection();
  if (!within || !selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!within.contains(range.commonAncestorContainer)) return null;
  const text = selection.toString().trim();
  return text || null;
}
