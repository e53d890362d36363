import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useSubscription } from 'urql';
import { readFragment } from '../../app/graphql';
import { PageMeta } from '../../app/head';
import { useRouteQuery } from '../../app/routing';
import { FollowButton } from '../../ui/follow-button';
import { useSessionState } from '../session/session-context';
import { Announcer, useAnnounce } from './announcer';
import { PostItem, type PostContext } from './post-item';
import { ReplyComposer, type ComposerHandle } from './reply-composer';
import { ThreadTools } from './thread-tools';
import { PostAddedSubscription, PostFields, ThreadQuery } from './thread.queries';
import './thread.css';

/** Plain text of the opening post for the page's description: Markdown marks dropped, at most ~160 characters. */
function describe(source: string | null | undefined): string {
  const text = (source ?? '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`~|-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 160 ? `${text.slice(0, 157).trimEnd()}…` : text;
}

/** New replies over graphql-ws while the page is open; the cache adds them to the list (cache.ts). */
function LiveReplies({ threadId }: { threadId: string }) {
  const intl = useIntl();
  const session = useSessionState();
  const viewerId = session.status === 'signedIn' ? session.viewer.id : null;
  // Subscribes in the browser only, after hydration: the server renders what was there.
  const [live, setLive] = useState(false);
  useEffect(() => setLive(true), []);
  const announce = useAnnounce();
  useSubscription({ query: PostAddedSubscription, variables: { threadId }, pause: !live }, (_previous, data) => {
    const post = readFragment(PostFields, data.postAdded);
    // One's own reply is announced by the form that sent it.
    if (viewerId !== null && post.author?.id === viewerId) return data;
    announce(
      intl.formatMessage(
        { id: 'threads.live.added' },
        { name: post.author?.displayName ?? intl.formatMessage({ id: 'threads.post.removedAccount' }) },
      ),
    );
    return data;
  });
  // Says when the page listens (tests wait for it); what arrives is said by the page's one announcer.
  return <span hidden data-live={live ? 'on' : 'off'} />;
}

export function ThreadPage() {
  const intl = useIntl();
  const session = useSessionState();
  const composer = useRef<ComposerHandle>(null);
  const [{ data }] = useRouteQuery(ThreadQuery);
  const thread = data?.node?.__typename === 'Thread' ? data.node : null;
  if (!thread) return null;
  const posts = thread.posts.nodes;
  const [opening, ...rest] = posts;
  // The accepted answer comes first among the replies; the others keep their order.
  const acceptedId = thread.acceptedAnswer?.id;
  const replies = acceptedId
    ? [...rest.filter((post) => readFragment(PostFields, post).id === acceptedId), ...rest.filter((post) => readFragment(PostFields, post).id !== acceptedId)]
    : rest;
  const replyCount = Math.max(thread.postCount - 1, 0);
  const signedIn = session.status === 'signedIn';
  const context: PostContext = {
    signedIn,
    canAccept: thread.viewerCanAcceptAnswer,
    onQuote: signedIn && thread.viewerCanReply ? (post) => composer.current?.quote(post) : undefined,
  };
  return (
    <Announcer>
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
        <h1 lang={thread.language}>{thread.title}</h1>
        <div className="thread__follow">
          <FollowButton subject={{ subjectId: thread.id }} name={thread.title} />
        </div>
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
        <ThreadTools thread={thread} />

        {opening ? (
          <ol className="posts posts--opening">
            <PostItem post={opening} opening context={context} />
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
              <PostItem key={readFragment(PostFields, post).id} post={post} opening={false} context={context} />
            ))}
          </ol>
          <LiveReplies threadId={thread.id} />
        </section>
        <section className="thread__reply" aria-label={intl.formatMessage({ id: 'threads.composer.region' })}>
          <ReplyComposer ref={composer} thread={thread} />
        </section>
      </article>
    </Announcer>
  );
}
