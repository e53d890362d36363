import { useEffect, useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useSubscription } from 'urql';
import { readFragment, type FragmentOf, type ResultOf } from '../../app/graphql';
import { PageMeta } from '../../app/head';
import { useRouteQuery } from '../../app/routing';
import { PostAddedSubscription, PostFields, ThreadQuery } from './thread.queries';
import './thread.css';

type Post = ResultOf<typeof PostFields>;
type ReactionKind = Post['reactions'][number]['kind'];

// Typed against the schema's enum, so a kind the API adds fails the typecheck until it has a label.
const REACTIONS: Record<ReactionKind, string> = {
  LIKE: 'threads.reaction.LIKE',
  HELPFUL: 'threads.reaction.HELPFUL',
  INSIGHTFUL: 'threads.reaction.INSIGHTFUL',
  THANKS: 'threads.reaction.THANKS',
  CELEBRATE: 'threads.reaction.CELEBRATE',
};

/** Plain text of the opening post for the page's description: Markdown marks dropped, at most ~160 characters. */
function describe(source: string | null | undefined): string {
  const text = (source ?? '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`~|-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 160 ? `${text.slice(0, 157).trimEnd()}…` : text;
}

function PostItem(props: { post: FragmentOf<typeof PostFields>; opening: boolean }) {
  const post = readFragment(PostFields, props.post);
  const intl = useIntl();
  const reactions = post.reactions.filter((reaction) => reaction.count > 0);
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
            {post.author ? (
              <Link to={`/u/${post.author.handle}`}>{post.author.displayName}</Link>
            ) : (
              <FormattedMessage id="threads.post.removedAccount" />
            )}
            <span className="meta">
              {' · '}
              <a href={`#post-${post.id}`} className="post__time">
                <FormattedDate value={post.createdAt} year="numeric" month="long" day="numeric" hour="2-digit" minute="2-digit" />
              </a>
              {post.editedAt ? (
                <>
                  {' · '}
                  <FormattedMessage id="threads.post.edited" />
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
        {post.deleted ? (
          <p className="post__placeholder">
            <FormattedMessage id="threads.post.deleted" />
          </p>
        ) : post.bodyHtml === null ? (
          <p className="post__placeholder">
            <FormattedMessage id="threads.post.hidden" />
          </p>
        ) : (
          // Sanitized by the API's Markdown renderer.
          <div className="post__body section-body" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
        )}
        {reactions.length > 0 ? (
          <ul className="reactions" aria-label={intl.formatMessage({ id: 'threads.post.reactions' })}>
            {reactions.map((reaction) => (
              <li key={reaction.kind}>
                <FormattedMessage id={REACTIONS[reaction.kind]} values={{ count: reaction.count }} />
              </li>
            ))}
          </ul>
        ) : null}
        {/* Reply, react and edit controls plug in here. */}
      </article>
    </li>
  );
}

/** New replies over graphql-ws while the page is open; the cache adds them to the list (cache.ts). */
function LiveReplies({ threadId }: { threadId: string }) {
  const intl = useIntl();
  // Subscribes in the browser only, after hydration: the server renders what was there.
  const [live, setLive] = useState(false);
  useEffect(() => setLive(true), []);
  const [announcement, setAnnouncement] = useState('');
  useSubscription({ query: PostAddedSubscription, variables: { threadId }, pause: !live }, (_previous, data) => {
    const post = readFragment(PostFields, data.postAdded);
    setAnnouncement(
      intl.formatMessage(
        { id: 'threads.live.added' },
        { name: post.author?.displayName ?? intl.formatMessage({ id: 'threads.post.removedAccount' }) },
      ),
    );
    return data;
  });
  return (
    <p className="visually-hidden" aria-live="polite" data-live={live ? 'on' : 'off'}>
      {announcement}
    </p>
  );
}

export function ThreadPage() {
  const intl = useIntl();
  const [{ data }] = useRouteQuery(ThreadQuery);
  const thread = data?.node?.__typename === 'Thread' ? data.node : null;
  if (!thread) return null;
  const posts = thread.posts.nodes;
  const [opening, ...replies] = posts;
  const replyCount = Math.max(thread.postCount - 1, 0);
  return (
    <article className="thread">
      <PageMeta
        title={`${thread.title} · ${thread.community.name} · Bottega`}
        description={describe(thread.openingPost?.bodySource) || thread.title}
        path={`/threads/${encodeURIComponent(thread.id)}`}
        type="article"
      />
      <p className="meta">
        <Link to={`/communities/${thread.community.slug}`}>{thread.community.name}</Link>
        {' · '}
        <FormattedMessage id={thread.kind === 'QUESTION' ? 'threads.kind.QUESTION' : 'threads.kind.DISCUSSION'} />
      </p>
      <h1>{thread.title}</h1>
      <ul className="thread__state">
        {thread.kind === 'QUESTION' ? (
          <li className={thread.answered ? 'state state--answered' : 'state'}>
            <FormattedMessage id={thread.answered ? 'threads.state.answered' : 'threads.state.open'} />
          </li>
        ) : null}
        {thread.pinned ? (
          <li className="state">
            <FormattedMessage id="threads.state.pinned" />
          </li>
        ) : null}
        {thread.locked ? (
          <li className="state">
            <FormattedMessage id="threads.state.locked" />
          </li>
        ) : null}
        <li>
          <FormattedMessage id="threads.replies" values={{ count: replyCount }} />
        </li>
        <li>
          <FormattedMessage id="threads.participants" values={{ count: thread.participantCount }} />
        </li>
      </ul>
      {thread.acceptedAnswer ? (
        <p>
          <a href={`#post-${thread.acceptedAnswer.id}`}>
            <FormattedMessage id="threads.goToAccepted" />
          </a>
        </p>
      ) : null}
      {thread.tags.length > 0 || thread.territories.length > 0 ? (
        <ul className="tags" aria-label={intl.formatMessage({ id: 'threads.tags' })}>
          {thread.territories.map((territory) => (
            <li key={territory.id}>
              <Link to={`/territories/${territory.code}`}>{territory.name}</Link>
            </li>
          ))}
          {thread.tags.map((tag) => (
            <li key={tag}>
              <Link to={`/search?tag=${encodeURIComponent(tag)}`}>{tag}</Link>
            </li>
          ))}
        </ul>
      ) : null}

      {opening ? (
        <ol className="posts posts--opening">
          <PostItem post={opening} opening />
        </ol>
      ) : null}

      <section aria-labelledby="thread-replies">
        <h2 id="thread-replies">
          <FormattedMessage id="threads.replies" values={{ count: replyCount }} />
        </h2>
        {replies.length === 0 ? (
          <p>
            <FormattedMessage id="threads.noReplies" />
          </p>
        ) : null}
        <ol className="posts">
          {replies.map((post) => (
            <PostItem key={readFragment(PostFields, post).id} post={post} opening={false} />
          ))}
        </ol>
        <LiveReplies threadId={thread.id} />
      </section>
    </article>
  );
}
