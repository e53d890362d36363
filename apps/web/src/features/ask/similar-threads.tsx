import { useEffect, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import type { ResultOf } from '../../app/graphql';
import { SimilarQuery } from './ask.queries';

type Hit = ResultOf<typeof SimilarQuery>['similar'][number];

/** Wait for a pause in typing before asking the API. */
const DEBOUNCE_MS = 400;

function linkOf(hit: Hit): { href: string; title: string } | null {
  switch (hit.__typename) {
    case 'Thread':
      return { href: `/threads/${hit.id}`, title: hit.title };
    case 'Post':
      return { href: `/threads/${hit.thread.id}#post-${hit.id}`, title: hit.thread.title };
    case 'Practice':
      return { href: `/practices/${hit.slug}`, title: hit.title };
    case 'PeerExchange':
      return { href: `/peer-exchanges/${hit.id}`, title: hit.title };
    case 'CompetenceProfile':
      return { href: `/u/${hit.user.handle}`, title: hit.user.displayName };
    default:
      return null;
  }
}

/** "Is one of these your question?": existing threads like the one being written, announced politely. */
export function SimilarThreads(props: { title: string; body: string }) {
  const [asked, setAsked] = useState({ title: props.title.trim(), body: props.body.trim() });
  useEffect(() => {
    const timer = setTimeout(() => setAsked({ title: props.title.trim(), body: props.body.trim() }), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [props.title, props.body]);

  const pause = asked.title.length < 8;
  const [{ data }] = useQuery({
    query: SimilarQuery,
    variables: { title: asked.title, body: asked.body || null },
    pause,
  });
  const links = pause ? [] : (data?.similar ?? []).map(linkOf).filter((link) => link !== null);

  return (
    <aside className="similar" aria-labelledby="similar-title">
      <h2 id="similar-title">
        <FormattedMessage id="ask.similar.title" />
      </h2>
      <p className="meta" aria-live="polite" aria-atomic="true">
        {pause ? (
          <FormattedMessage id="ask.similar.hint" />
        ) : data ? (
          <FormattedMessage id="ask.similar.found" values={{ count: links.length }} />
        ) : null}
      </p>
      {links.length > 0 ? (
        <ul className="similar__list">
          {links.map((link) => (
            <li key={link.href}>
              <Link to={link.href}>
                {link.title}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </aside>
  );
}
