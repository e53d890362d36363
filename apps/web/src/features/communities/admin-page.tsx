import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { PageMeta } from '../../app/head';
import { SignedInOnly } from './signed-in';
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
      <SignedInOnly>{children(slug)}</SignedInOnly>
    </section>
  );
}
