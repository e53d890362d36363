import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import type { ResultOf } from '../../app/graphql';
import { PageMeta } from '../../app/head';
import { useSessionState } from '../session/session-context';
import { PracticesInStatusQuery, type AuthoredPracticeFields } from './editor.queries';
import { SignedIn } from '../session/signed-in';
import { RequestFailure } from './request-failure';
import './practice-editor.css';

type Listed = ResultOf<typeof AuthoredPracticeFields>;

export function MinePage() {
  const intl = useIntl();
  return (
    <section className="page practice-editor">
      <PageMeta
        title={`${intl.formatMessage({ id: 'practice-editor.mine.title' })} · Bottega`}
        description={intl.formatMessage({ id: 'practice-editor.mine.description' })}
        path="/practices/mine"
      />
      <h1>
        <FormattedMessage id="practice-editor.mine.title" />
      </h1>
      <p className="editor-links">
        <Link to="/practices/new" className="button">
          <FormattedMessage id="practice-editor.new.link" />
        </Link>
        <Link to="/practices/review">
          <FormattedMessage id="practice-editor.review.link" />
        </Link>
      </p>
      <SignedIn>
        <Mine />
      </SignedIn>
    </section>
  );
}

function Mine() {
  const state = useSessionState();
  const viewerId = state.status === 'signedIn' ? state.viewer.id : null;
  const [drafts] = useQuery({ query: PracticesInStatusQuery, variables: { status: 'DRAFT' }, requestPolicy: 'cache-and-network' });
  const [inReview] = useQuery({ query: PracticesInStatusQuery, variables: { status: 'IN_REVIEW' }, requestPolicy: 'cache-and-network' });
  // Those lists hold what the viewer reviews too: here, only what they write.
  const mine = (list: Listed[] | undefined) => (list ?? []).filter((practice) => practice.authors.some((author) => author.id === viewerId));
  return (
    <>
      <MineList
        titleId="practice-editor.mine.drafts"
        emptyId="practice-editor.mine.noDrafts"
        practices={mine(drafts.data?.practices.nodes)}
        loading={!drafts.data}
        error={drafts.error}
        linkTo={(practice) => `/practices/${practice.slug}/edit`}
      />
      <MineList
        titleId="practice-editor.mine.inReview"
        emptyId="practice-editor.mine.noneInReview"
        practices={mine(inReview.data?.practices.nodes)}
        loading={!inReview.data}
        error={inReview.error}
        linkTo={(practice) => `/practices/${practice.slug}/edit`}
      />
    </>
  );
}

function MineList(props: {
  titleId: string;
  emptyId: string;
  practices: Listed[];
  loading: boolean;
  error: Parameters<typeof RequestFailure>[0]['error'] | undefined;
  linkTo: (practice: Listed) => string;
}) {
  const headingId = props.titleId.replace(/\W/g, '-');
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>
        <FormattedMessage id={props.titleId} />
      </h2>
      {props.loading ? (
        props.error ? (
          <RequestFailure error={props.error} />
        ) : (
          <p role="status">
            <FormattedMessage id="practice-editor.loading" />
          </p>
        )
      ) : props.practices.length === 0 ? (
        <p>
          <FormattedMessage id={props.emptyId} />
        </p>
      ) : (
        <ul className="cards">
          {props.practices.map((practice) => (
            <li key={practice.id} className="card">
              <h3>
                <Link to={props.linkTo(practice)}>{practice.title}</Link>
              </h3>
              <p className="meta">
                <FormattedMessage id={`practice-editor.kind.${practice.kind}`} />
                {practice.community ? ` · ${practice.community.name}` : ''}
                {' · '}
                <FormattedMessage
                  id="practice-editor.mine.updated"
                  values={{ date: <FormattedDate value={practice.updatedAt} year="numeric" month="long" day="numeric" /> }}
                />
              </p>
              {practice.reviewComment && practice.status === 'DRAFT' ? (
                <p className="review-note">
                  <FormattedMessage id="practice-editor.mine.returned" />
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
