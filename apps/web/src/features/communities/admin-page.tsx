import type { ReactElement, ReactNode } from 'react';
import type { CombinedError } from '@urql/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { PageMeta } from '../../app/head';
import { SignedIn } from '../session/signed-in';
import { LoadFailure, Refusal } from './load-failure';
import './community.css';

interface AdminPageProps {
  /** The page's title, about the community named by its slug (`{slug}` in the message). */
  titleId: string;
  descriptionId: string;
  /** The path after /communities/<slug>. */
  section: string;
  children: (slug: string) => ReactNode;
}

/** The frame of the pages its coordinators run a community from: head, way back, sign-in gate. */
export function AdminPage({ titleId, descriptionId, section, children }: AdminPageProps) {
  const intl = useIntl();
  const slug = useParams()['slug'] ?? '';
  return (
    <section className="page community-admin-page">
      <PageMeta
        title={`${intl.formatMessage({ id: titleId })} · Bottega`}
        description={intl.formatMessage({ id: descriptionId })}
        path={`/communities/${slug}/${section}`}
      />
      <p className="meta">
        <Link to={`/communities/${slug}`}>
          <FormattedMessage id="communities.admin.back" />
        </Link>
      </p>
      <h1>
        <FormattedMessage id={titleId} />
      </h1>
      <SignedIn>{children(slug)}</SignedIn>
    </section>
  );
}

/**
 * What a coordinator's page shows instead of its community while it cannot show it: loading, a
 * failure to retry, an unknown community, or a refusal for who may not run it; null once it can.
 */
export function communityGate(
  slug: string,
  result: { data?: { community: { viewerCanModerate: boolean } | null } | undefined; error?: CombinedError | undefined },
  retry: () => void,
): ReactElement | null {
  if (result.error && !result.data) return <LoadFailure error={result.error} retry={retry} />;
  if (!result.data) {
    return (
      <p role="status">
        <FormattedMessage id="communities.loading" />
      </p>
    );
  }
  if (!result.data.community) {
    return (
      <p role="alert">
        <FormattedMessage id="communities.notFound" />
      </p>
    );
  }
  return result.data.community.viewerCanModerate ? null : <Refusal slug={slug} />;
}
