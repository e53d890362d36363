import { lazy, Suspense, type ReactNode } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import type { ResultOf } from '../../app/graphql';
import { PageMeta } from '../../app/head';
import { useRouteQuery } from '../../app/routing';
import { useSessionState } from '../session/session-context';
import { PracticeQuery } from './practice.queries';
import './practice.css';

// Loaded once someone is signed in: anonymous readers never download them.
const ReaderToolbar = lazy(async () => ({ default: (await import('./reader-actions')).ReaderToolbar }));
const CommentForm = lazy(async () => ({ default: (await import('./reader-actions')).CommentForm }));
const AdoptionForm = lazy(async () => ({ default: (await import('./reader-actions')).AdoptionForm }));

/** What only a signed-in reader sees, once the browser has restored the session. */
function SignedInOnly({ children }: { children: ReactNode }) {
  const state = useSessionState();
  return state.status === 'signedIn' ? <Suspense fallback={null}>{children}</Suspense> : null;
}

const SECTIONS = ['need', 'approach', 'resources', 'results', 'difficulties', 'transferability'] as const;

type Practice = NonNullable<ResultOf<typeof PracticeQuery>['practice']>;

// Typed against the schema's enums, so a value the API adds fails the typecheck until it has a label.
const OUTCOMES: Record<Practice['adoptions']['nodes'][number]['outcome'], string> = {
  ADOPTED: 'practices.adoptions.outcome.ADOPTED',
  ADAPTED: 'practices.adoptions.outcome.ADAPTED',
  ADOPTING: 'practices.adoptions.outcome.ADOPTING',
  ABANDONED: 'practices.adoptions.outcome.ABANDONED',
};
const ROLES: Record<Practice['organizations'][number]['role'], string> = {
  LEAD: 'practices.role.LEAD',
  PARTNER: 'practices.role.PARTNER',
  FUNDER: 'practices.role.FUNDER',
  SUPPORTER: 'practices.role.SUPPORTER',
};

export function PracticePage() {
  const intl = useIntl();
  const [{ data }] = useRouteQuery(PracticeQuery);
  const practice = data?.practice;
  if (!practice) return null;
  const image = practice.media.find((media) => media.kind === 'IMAGE');
  return (
    <article className="prose">
      <PageMeta
        title={`${practice.title} · Bottega`}
        description={practice.summary}
        path={`/practices/${practice.slug}`}
        type="article"
        {...(image ? { image: image.url } : {})}
      />
      <p className="meta">
        <FormattedMessage id={practice.kind === 'STORY' ? 'practices.kind.story' : 'practices.kind.practice'} />
        {practice.publishedAt ? (
          <>
            {' · '}
            <FormattedMessage
              id="practices.published"
              values={{ date: <FormattedDate value={practice.publishedAt} year="numeric" month="long" day="numeric" /> }}
            />
          </>
        ) : null}
      </p>
      <h1 lang={practice.language}>{practice.title}</h1>
      <p className="page-intro" lang={practice.language}>
        {practice.summary}
      </p>
      <SignedInOnly>
        <ReaderToolbar slug={practice.slug} />
      </SignedInOnly>

      <dl className="facts">
        {practice.territories.length > 0 ? (
          <>
            <dt>
              <FormattedMessage id="practices.territories" values={{ count: practice.territories.length }} />
            </dt>
            <dd>
              {practice.territories.map((territory, index) => (
                <span key={territory.id}>
                  {index > 0 ? ', ' : ''}
                  <Link to={`/territories/${territory.code}`}>{territory.name}</Link>
                </span>
              ))}
            </dd>
          </>
        ) : null}
        {practice.project ? (
          <>
            <dt>
              <FormattedMessage id="practices.project" />
            </dt>
            <dd>
              <Link to={`/projects/${practice.project.slug}`}>{practice.project.title}</Link>
            </dd>
          </>
        ) : null}
        {practice.organizations.length > 0 ? (
          <>
            <dt>
              <FormattedMessage id="practices.organizations" />
            </dt>
            <dd>
              {practice.organizations
                .map((organization) => `${organization.name} (${intl.formatMessage({ id: ROLES[organization.role] })})`)
                .join(', ')}
            </dd>
          </>
        ) : null}
        {practice.authors.length > 0 ? (
          <>
            <dt>
              <FormattedMessage id="practices.authors" values={{ count: practice.authors.length }} />
            </dt>
            <dd>
              {practice.authors.map((author, index) => (
                <span key={author.id}>
                  {index > 0 ? ', ' : ''}
                  <Link to={`/u/${author.handle}`}>{author.displayName}</Link>
                </span>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      {practice.tags.length > 0 ? (
        <ul className="tags" aria-label={intl.formatMessage({ id: 'practices.tags' })}>
          {practice.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      ) : null}

      {SECTIONS.map((section) =>
        practice[section].html.trim() ? (
          <section key={section} aria-labelledby={`section-${section}`}>
            <h2 id={`section-${section}`}>
              <FormattedMessage id={`practices.section.${section}`} />
            </h2>
            {/* Sanitized by the API's Markdown renderer. */}
            <div className="section-body" lang={practice.language} dangerouslySetInnerHTML={{ __html: practice[section].html }} />
          </section>
        ) : null,
      )}

      {practice.media.length > 0 ? (
        <section aria-labelledby="section-media">
          <h2 id="section-media">
            <FormattedMessage id="practices.media" />
          </h2>
          {practice.media.map((media) => (
            <figure key={media.id} className="media">
              {media.kind === 'IMAGE' ? (
                <img src={media.url} alt={media.altText} loading="lazy" decoding="async" />
              ) : media.kind === 'AUDIO' ? (
                <audio controls preload="none" src={media.url} aria-describedby={media.transcript ? `transcript-${media.id}` : undefined} />
              ) : media.kind === 'VIDEO' ? (
                <video controls preload="none" src={media.url} aria-describedby={media.transcript ? `transcript-${media.id}` : undefined} />
              ) : (
                <a href={media.url}>{media.caption || media.url}</a>
              )}
              {media.caption || media.credit ? (
                <figcaption>
                  {media.kind === 'DOCUMENT' ? '' : media.caption}
                  {media.credit ? ` (${media.credit})` : ''}
                </figcaption>
              ) : null}
              {(media.kind === 'AUDIO' || media.kind === 'VIDEO') && media.transcript ? (
                <details id={`transcript-${media.id}`} className="transcript">
                  <summary>
                    <FormattedMessage id="practices.media.transcript" />
                  </summary>
                  <p>{media.transcript}</p>
                </details>
              ) : null}
            </figure>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="section-adoptions">
        <h2 id="section-adoptions">
          <FormattedMessage id="practices.adoptions.title" values={{ count: practice.adoptions.totalCount }} />
        </h2>
        {practice.adoptions.nodes.length === 0 ? (
          <p>
            <FormattedMessage id="practices.adoptions.none" />
          </p>
        ) : (
          <ul className="cards">
            {practice.adoptions.nodes.map((adoption) => (
              <li key={adoption.id} className="card">
                <h3>
                  {adoption.territory?.name ?? adoption.project?.title ?? adoption.organizationName ?? ''}
                </h3>
                <p className="meta">
                  <FormattedMessage id={OUTCOMES[adoption.outcome]} />
                  {' · '}
                  <FormattedDate value={adoption.adoptedOn} year="numeric" month="long" timeZone="UTC" />
                  {adoption.organizationName && (adoption.territory || adoption.project) ? ` · ${adoption.organizationName}` : ''}
                </p>
                {adoption.notes ? <p>{adoption.notes}</p> : null}
              </li>
            ))}
          </ul>
        )}
        <SignedInOnly>
          <AdoptionForm slug={practice.slug} />
        </SignedInOnly>
      </section>

      <section aria-labelledby="section-comments">
        <h2 id="section-comments">
          <FormattedMessage id="practices.comments.title" values={{ count: practice.comments.totalCount }} />
        </h2>
        {practice.comments.nodes.length === 0 ? (
          <p>
            <FormattedMessage id="practices.comments.none" />
          </p>
        ) : (
          <ol className="comments">
            {practice.comments.nodes.map((comment) => (
              <li key={comment.id} className="comment">
                <p className="meta">
                  {comment.author ? <Link to={`/u/${comment.author.handle}`}>{comment.author.displayName}</Link> : <FormattedMessage id="practices.comments.removedAuthor" />}
                  {' · '}
                  <FormattedDate value={comment.createdAt} year="numeric" month="long" day="numeric" />
                </p>
                {comment.deleted || comment.bodyHtml === null ? (
                  <p className="meta">
                    <FormattedMessage id="practices.comments.deleted" />
                  </p>
                ) : (
                  // Sanitized by the API's Markdown renderer.
                  <div className="section-body" lang={comment.language} dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
                )}
              </li>
            ))}
          </ol>
        )}
        <SignedInOnly>
          <CommentForm slug={practice.slug} />
        </SignedInOnly>
      </section>
    </article>
  );
}
