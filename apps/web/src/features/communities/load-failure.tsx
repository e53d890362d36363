import type { CombinedError } from '@urql/core';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { errorCode } from '../../ui/form-errors';

/** A query that failed: not allowed, or not reachable. */
export function LoadFailure({ error, retry }: { error: CombinedError; retry: () => void }) {
  if (errorCode(error) === 'FORBIDDEN') return <Refusal />;
  return (
    <div className="community-notice" role="alert">
      <p>
        <FormattedMessage id={error.networkError ? 'communities.error.network' : 'communities.error.other'} />
      </p>
      <button type="button" className="button" onClick={retry}>
        <FormattedMessage id="communities.error.retry" />
      </button>
    </div>
  );
}

/** For a page only the community's coordinators (and site staff) use, or as said by `titleId` and `bodyId`. */
export function Refusal({ slug, titleId, bodyId }: { slug?: string | undefined; titleId?: string; bodyId?: string }) {
  return (
    <div className="community-notice" role="alert">
      <h2>
        <FormattedMessage id={titleId ?? 'communities.forbidden.title'} />
      </h2>
      <p>
        <FormattedMessage id={bodyId ?? 'communities.forbidden.body'} />
      </p>
      {slug ? (
        <p>
          <Link to={`/communities/${slug}`}>
            <FormattedMessage id="communities.forbidden.back" />
          </Link>
        </p>
      ) : null}
    </div>
  );
}
