import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { PageMeta } from '../../app/head';
import { useRouteQuery } from '../../app/routing';
import { FollowButton } from '../../ui/follow-button';
import { TagQuery } from './tag.queries';
import './tag.css';

/** /tags/<tag>: the threads and practices with a tag, and a button to follow it. */
export function TagPage() {
  const intl = useIntl();
  const tag = useParams()['tag'] ?? '';
  const [{ data }] = useRouteQuery(TagQuery);
  if (!data) return null;
  const { threads, practices } = data;
  return (
    <>
      <PageMeta
        title={`#${tag} · Bottega`}
        description={intl.formatMessage({ id: 'tags.meta.description' }, { tag })}
        path={`/tags/${encodeURIComponent(tag)}`}
      />
      <p className="meta">
        <FormattedMessage id="tags.kicker" />
      </p>
      <h1>#{tag}</h1>
      <div className="tag__follow">
        <FollowButton key={tag} subject={{ tag }} name={`#${tag}`} />
        <p className="meta">
          <FormattedMessage id="tags.follow.hint" />
        </p>
      </div>

      <section aria-labelledby="tag-threads">
        <h2 id="tag-threads">
          <FormattedMessage id="tags.threads" values={{ count: threads.totalCount }} />
        </h2>
        {threads.nodes.length === 0 ? (
          <p>
            <FormattedMessage id="tags.threads.none" />
          </p>
        ) : (
          <ul className="tag__threads">
            {threads.nodes.map((thread) => (
              <li key={thread.id}>
                <Link to={`/threads/${thread.id}`}>{thread.title}</Link>
                <p className="meta">
                  <Link to={`/communities/${thread.community.slug}`}>{thread.community.name}</Link>
                  {' · '}
                  <FormattedMessage id="tags.threads.posts" values={{ count: thread.postCount }} />
                  {' · '}
                  <FormattedDate value={thread.lastActivityAt} year="numeric" month="long" day="numeric" />
                </p>
              </li>
            ))}
          </ul>
        )}
        {threads.totalCount > threads.nodes.length ? (
          <p>
            <Link to={`/search?tag=${encodeURIComponent(tag)}&type=thread`}>
              <FormattedMessage id="tags.threads.all" values={{ count: threads.totalCount }} />
            </Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="tag-practices">
        <h2 id="tag-practices">
          <FormattedMessage id="tags.practices" values={{ count: practices.totalCount }} />
        </h2>
        {practices.nodes.length === 0 ? (
          <p>
            <FormattedMessage id="tags.practices.none" />
          </p>
        ) : (
          <ul className="cards">
            {practices.nodes.map((practice) => (
              <li key={practice.id} className="card">
                <h3>
                  <Link to={`/practices/${practice.slug}`}>{practice.title}</Link>
                </h3>
                <p className="meta">
                  <FormattedMessage id={practice.kind === 'STORY' ? 'tags.kind.story' : 'tags.kind.practice'} />
                </p>
                <p>{practice.summary}</p>
              </li>
            ))}
          </ul>
        )}
        {practices.totalCount > practices.nodes.length ? (
          <p>
            <Link to={`/search?tag=${encodeURIComponent(tag)}&type=practice`}>
              <FormattedMessage id="tags.practices.all" values={{ count: practices.totalCount }} />
            </Link>
          </p>
        ) : null}
      </section>
    </>
  );
}
