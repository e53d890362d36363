import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PageMeta } from '../../app/head';
import { PracticesInStatusQuery } from './editor.queries';
import { SignedIn } from '../session/signed-in';
import { RequestFailure } from './request-failure';
import './practice-editor.css';

export function ReviewListPage() {
  const intl = useIntl();
  return (
    <section className="page practice-editor">
      <PageMeta
        title={`${intl.formatMessage({ id: 'practice-editor.reviewList.title' })} · Bottega`}
        description={intl.formatMessage({ id: 'practice-editor.reviewList.description' })}
        path="/practices/review"
      />
      <h1>
        <FormattedMessage id="practice-editor.reviewList.title" />
      </h1>
      <p className="page-intro">
        <FormattedMessage id="practice-editor.reviewList.description" />
      </p>
      <SignedIn>
        <ReviewList />
      </SignedIn>
    </section>
  );
}

function ReviewList() {
  const [{ data, error }] = useQuery({ query: PracticesInStatusQuery, variables: { status: 'IN_REVIEW' }, requestPolicy: 'cache-and-network' });
  if (!data) {
    if (error) return <RequestFailure error={error} />;
    return (
      <p role="status">
        <FormattedMessage id="practice-editor.loading" />
      </p>
    );
  }
  // Only those the viewer may decide on (their own, in review, wait for others).
  const waiting = data.practices.nodes.filter((practice) => practice.viewerCanPublish || practice.viewerCanReturn);
  if (waiting.length === 0) {
    return (
      <p>
        <FormattedMessage id="practice-editor.reviewList.empty" />
      </p>
    );
  }
  return (
    <ul className="cards">
      {waiting.map((practice) => (
        <li key={practice.id} className="card">
          <h2 className="card__title">
            <Link to={`/practices/${practice.slug}/review`}>{practice.title}</Link>
          </h2>
          <p className="meta">
            <FormattedMessage id={`practice-editor.kind.${practice.kind}`} />
            {practice.community ? ` · ${practice.community.name}` : ''}
            {' · '}
            {practice.authors.map((author) => author.displayName).join(', ')}
            {' · '}
            <FormattedMessage
              id="practice-editor.reviewList.submitted"
              values={{ date: <FormattedDate value={practice.updatedAt} year="numeric" month="long" day="numeric" /> }}
            />
          </p>
        </li>
      ))}
    </ul>
  );
}
