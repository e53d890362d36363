import { useEffect, useRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { PageMeta } from '../../app/head';
import { EditPracticeQuery } from './editor.queries';
import { PracticeEditor } from './practice-editor';
import { SignedIn } from '../session/signed-in';
import { RequestFailure } from './request-failure';
import './practice-editor.css';

export function EditPage() {
  const intl = useIntl();
  const slug = useParams()['slug'] ?? '';
  return (
    <section className="page practice-editor">
      <PageMeta
        title={`${intl.formatMessage({ id: 'practice-editor.edit.title' })} · Bottega`}
        description={intl.formatMessage({ id: 'practice-editor.edit.description' })}
        path={`/practices/${slug}/edit`}
      />
      <p className="meta">
        <Link to="/practices/mine">
          <FormattedMessage id="practice-editor.mine.link" />
        </Link>
      </p>
      <SignedIn>
        <EditLoader slug={slug} />
      </SignedIn>
    </section>
  );
}

function EditLoader({ slug }: { slug: string }) {
  // The latest version from the API, so the first save names the version it really starts from.
  const [{ data, error, fetching }] = useQuery({ query: EditPracticeQuery, variables: { slug }, requestPolicy: 'network-only' });
  const practice = data?.practice;
  // Once submitted, the form gives way to where the practice now stands: the focus goes there.
  const wasEditable = useRef(false);
  const notice = useRef<HTMLParagraphElement>(null);
  const editable = practice?.viewerCanEdit ?? false;
  useEffect(() => {
    if (wasEditable.current && !editable) notice.current?.focus();
    wasEditable.current = editable;
  }, [editable]);
  if (!data) {
    if (error && !fetching) return <RequestFailure error={error} />;
    return (
      <p role="status">
        <FormattedMessage id="practice-editor.loading" />
      </p>
    );
  }
  if (!practice) {
    return (
      <>
        <h1>
          <FormattedMessage id="practice-editor.edit.title" />
        </h1>
        <p role="alert">
          <FormattedMessage id="practice-editor.error.notFound" />
        </p>
      </>
    );
  }
  if (!practice.viewerCanEdit) {
    return (
      <>
        <h1>{practice.title}</h1>
        <p role="status" className="editor-notice" ref={notice} tabIndex={-1}>
          <FormattedMessage id={`practice-editor.readOnly.${practice.status}`} />
        </p>
        {practice.status === 'PUBLISHED' || practice.status === 'ARCHIVED' ? (
          <p>
            <Link to={`/practices/${practice.slug}`}>
              <FormattedMessage id="practice-editor.viewPublic" />
            </Link>
          </p>
        ) : null}
      </>
    );
  }
  return <PracticeEditor key={practice.id} practice={practice} />;
}
