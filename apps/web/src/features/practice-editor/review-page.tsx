import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { PageMeta } from '../../app/head';
import { DecisionPanel } from './decision-panel';
import { SECTIONS } from './editor-state';
import { ReviewPracticeQuery } from './editor.queries';
import { SignedIn } from '../session/signed-in';
import { RequestFailure } from './request-failure';
import './practice-editor.css';

export function ReviewPage() {
  const intl = useIntl();
  const slug = useParams()['slug'] ?? '';
  return (
    <section className="page practice-editor">
      <PageMeta
        title={`${intl.formatMessage({ id: 'practice-editor.review.title' })} · Bottega`}
        description={intl.formatMessage({ id: 'practice-editor.reviewList.description' })}
        path={`/practices/${slug}/review`}
      />
      <p className="meta">
        <Link to="/practices/review">
          <FormattedMessage id="practice-editor.review.link" />
        </Link>
      </p>
      <SignedIn>
        <Review slug={slug} />
      </SignedIn>
    </section>
  );
}

function Review({ slug }: { slug: string }) {
  const [{ data, error }] = useQuery({ query: ReviewPracticeQuery, variables: { slug }, requestPolicy: 'cache-and-network' });
  if (!data) {
    if (error) return <RequestFailure error={error} />;
    return (
      <p role="status">
        <FormattedMessage id="practice-editor.loading" />
      </p>
    );
  }
  const practice = data.practice;
  if (!practice) {
    return (
      <p role="alert">
        <FormattedMessage id="practice-editor.error.notFound" />
      </p>
    );
  }
  return (
    <>
      <p className="meta">
        <FormattedMessage id={`practice-editor.kind.${practice.kind}`} />
        {practice.community ? ` · ${practice.community.name}` : ''}
        {' · '}
        <FormattedMessage id={`practice-editor.status.${practice.status}`} />
      </p>
      <h1>{practice.title}</h1>
      <p className="meta">
        <FormattedMessage id="practice-editor.review.by" values={{ names: practice.authors.map((author) => author.displayName).join(', ') }} />
      </p>
      <article className="prose review-copy">
        <h2>
          <FormattedMessage id="practice-editor.field.summary.label" />
        </h2>
        <p>{practice.summary}</p>
        {SECTIONS.map((section) =>
          practice[section].html.trim() ? (
            <section key={section} aria-labelledby={`review-${section}`}>
              <h2 id={`review-${section}`}>
                <FormattedMessage id={`practice-editor.section.${section}`} />
              </h2>
              {/* Sanitized by the API's Markdown renderer. */}
              <div className="section-body" dangerouslySetInnerHTML={{ __html: practice[section].html }} />
            </section>
          ) : null,
        )}
      </article>
      <DecisionPanel practice={practice} />
    </>
  );
}
