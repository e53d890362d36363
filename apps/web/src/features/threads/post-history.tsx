import { useEffect, useRef } from 'react';
import { FormattedDate, FormattedMessage } from 'react-intl';
import { useQuery } from 'urql';
import { PostHistoryQuery } from './post.mutations';

/** Every version of a post, newest first, as its author (and the people who run the community) may read them. */
export function PostHistory(props: { postId: string; onClose: () => void }) {
  const [{ data, fetching, error }] = useQuery({ query: PostHistoryQuery, variables: { id: props.postId }, requestPolicy: 'network-only' });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const revisions = data?.node?.__typename === 'Post' ? data.node.revisions : null;
  const headingId = `history-${props.postId}`;
  return (
    <section className="post__history" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        <FormattedMessage id="threads.history.title" />
      </h3>
      {fetching && !data ? (
        <p role="status">
          <FormattedMessage id="threads.loading" />
        </p>
      ) : error || !revisions ? (
        <p className="form__alert" role="alert">
          <FormattedMessage id="threads.history.unavailable" />
        </p>
      ) : (
        <ol className="revisions">
          {revisions.map((revision, index) => (
            <li key={revision.version}>
              <p className="revision__when">
                <FormattedMessage
                  id={index === 0 ? 'threads.history.current' : 'threads.history.version'}
                  values={{ version: revision.version }}
                />
                {' · '}
                <FormattedDate value={revision.createdAt} year="numeric" month="long" day="numeric" hour="2-digit" minute="2-digit" />
              </p>
              {revision.redacted || revision.bodySource === null ? (
                <p className="post__placeholder">
                  <FormattedMessage id="threads.history.redacted" />
                </p>
              ) : (
                <pre className="revision__source">{revision.bodySource}</pre>
              )}
            </li>
          ))}
        </ol>
      )}
      <button type="button" className="button button--quiet" onClick={props.onClose}>
        <FormattedMessage id="threads.history.close" />
      </button>
    </section>
  );
}
