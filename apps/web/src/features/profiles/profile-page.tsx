import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import type { ResultOf } from '../../app/graphql';
import { PageMeta } from '../../app/head';
import { useRouteQuery } from '../../app/routing';
import '../../ui/follow-button.css';
import { useSessionState } from '../session/session-context';
import { EndorseButton } from './endorse-button';
import { ProfileQuery } from './profile.queries';
import './profile.css';

type Profile = NonNullable<ResultOf<typeof ProfileQuery>['competenceProfile']>;
type Competence = Profile['competences'][number];
type Exchange = Profile['hosted']['nodes'][number];

// Typed against the schema's enums, so a value the API adds fails the typecheck until it has a label.
const LEVELS: Record<Competence['level'], string> = {
  EXPERT: 'profiles.level.EXPERT',
  EXPERIENCED: 'profiles.level.EXPERIENCED',
  PRACTITIONER: 'profiles.level.PRACTITIONER',
  AWARE: 'profiles.level.AWARE',
};
const LEVEL_ORDER: Competence['level'][] = ['EXPERT', 'EXPERIENCED', 'PRACTITIONER', 'AWARE'];
const AVAILABILITY: Record<Profile['availability'], string> = {
  MENTORING: 'profiles.availability.MENTORING',
  OPEN_TO_EXCHANGE: 'profiles.availability.OPEN_TO_EXCHANGE',
  NOT_AVAILABLE: 'profiles.availability.NOT_AVAILABLE',
};

function ExchangeList({ id, title, exchanges }: { id: string; title: string; exchanges: Exchange[] }) {
  if (exchanges.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <ul>
        {exchanges.map((exchange) => (
          <li key={exchange.id}>
            <Link to={`/peer-exchanges/${encodeURIComponent(exchange.id)}`}>{exchange.title}</Link>
            <span className="meta">
              {' · '}
              <FormattedDate value={exchange.startsAt} year="numeric" month="long" day="numeric" />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

interface Endorsing {
  userId: string;
  person: string;
  /** Asks the API again for the profile as the signed-in viewer sees it. */
  refresh: () => void;
}

function CompetenceItem({ competence, endorsing }: { competence: Competence; endorsing: Endorsing | null }) {
  const intl = useIntl();
  return (
    <li className="card">
      <h4>{competence.skill.label}</h4>
      {competence.evidenceNote ? <p>{competence.evidenceNote}</p> : null}
      {competence.evidence.length > 0 ? (
        <>
          <p className="meta">
            <FormattedMessage id="profiles.evidence" />
          </p>
          <ul>
            {competence.evidence.map((evidence) =>
              evidence.__typename === 'Practice' ? (
                <li key={evidence.id}>
                  <Link to={`/practices/${evidence.slug}`}>{evidence.title}</Link>
                </li>
              ) : evidence.__typename === 'Post' ? (
                <li key={evidence.id}>
                  <Link to={`/threads/${encodeURIComponent(evidence.thread.id)}#post-${encodeURIComponent(evidence.id)}`}>{evidence.thread.title}</Link>
                </li>
              ) : null,
            )}
          </ul>
        </>
      ) : null}
      <p className="meta">
        <FormattedMessage id="profiles.endorsements" values={{ count: competence.endorsementCount }} />
        {competence.endorsements.nodes.length > 0 ? ': ' : ''}
        {competence.endorsements.nodes.map((endorsement, index) => (
          <span key={endorsement.endorser.id}>
            {index > 0 ? ', ' : ''}
            <Link to={`/u/${endorsement.endorser.handle}`}>{endorsement.endorser.displayName}</Link>
          </span>
        ))}
        {competence.endorsementCount > competence.endorsements.nodes.length
          ? ` ${intl.formatMessage({ id: 'profiles.endorsements.more' }, { count: competence.endorsementCount - competence.endorsements.nodes.length })}`
          : ''}
      </p>
      {endorsing && (competence.viewerCanEndorse || competence.viewerHasEndorsed) ? (
        <EndorseButton
          userId={endorsing.userId}
          skillId={competence.skill.id}
          skill={competence.skill.label}
          person={endorsing.person}
          endorsed={competence.viewerHasEndorsed}
          onChanged={endorsing.refresh}
        />
      ) : null}
    </li>
  );
}

export function ProfilePage() {
  const intl = useIntl();
  const [{ data }, reexecute] = useRouteQuery(ProfileQuery);
  const state = useSessionState();
  const signedIn = state.status === 'signedIn';
  const user = data?.user;
  if (!user) return null;
  const own = state.status === 'signedIn' && state.viewer.handle === user.handle;
  const endorsing: Endorsing | null = signedIn && !own ? { userId: user.id, person: user.displayName, refresh: () => reexecute({ requestPolicy: 'network-only' }) } : null;
  const profile = data.competenceProfile;
  const levels = LEVEL_ORDER.map((level) => ({ level, competences: profile?.competences.filter((competence) => competence.level === level) ?? [] })).filter(
    (group) => group.competences.length > 0,
  );
  const skills = profile?.competences.map((competence) => competence.skill.label).slice(0, 4) ?? [];
  return (
    <>
      <PageMeta
        title={`${user.displayName} · Bottega`}
        description={
          skills.length > 0
            ? intl.formatMessage({ id: 'profiles.meta.descriptionSkills' }, { name: user.displayName, skills: skills.join(', ') })
            : intl.formatMessage({ id: 'profiles.meta.description' }, { name: user.displayName })
        }
        path={`/u/${user.handle}`}
        {...(profile?.avatarUrl ? { image: profile.avatarUrl } : {})}
      />
      <h1>{user.displayName}</h1>
      <p className="meta">
        @{user.handle}
        {' · '}
        <FormattedMessage id="profiles.since" values={{ date: <FormattedDate value={user.createdAt} year="numeric" month="long" /> }} />
        {' · '}
        <FormattedMessage id="profiles.posts" values={{ count: user.postCount }} />
      </p>
      {own || profile?.viewerCanEdit ? (
        <ul className="profile-own">
          <li>
            <Link to="/settings/profile">
              <FormattedMessage id="profiles.edit" />
            </Link>
          </li>
          <li>
            <Link to="/settings/follows">
              <FormattedMessage id="profiles.follows" />
            </Link>
          </li>
        </ul>
      ) : null}
      {!profile ? (
        <p>
          <FormattedMessage id="profiles.none" />
        </p>
      ) : (
        <>
          {profile.bioHtml ? (
            // Sanitized by the API's Markdown renderer.
            <div className="section-body page-intro" dangerouslySetInnerHTML={{ __html: profile.bioHtml }} />
          ) : null}
          <dl className="facts">
            <dt>
              <FormattedMessage id="profiles.availability" />
            </dt>
            <dd>
              <FormattedMessage id={AVAILABILITY[profile.availability]} />
            </dd>
            {profile.organization ? (
              <>
                <dt>
                  <FormattedMessage id="profiles.organization" />
                </dt>
                <dd>{profile.organization.name}</dd>
              </>
            ) : null}
            {profile.territories.length > 0 ? (
              <>
                <dt>
                  <FormattedMessage id="profiles.territories" values={{ count: profile.territories.length }} />
                </dt>
                <dd>
                  {profile.territories.map((territory, index) => (
                    <span key={territory.id}>
                      {index > 0 ? ', ' : ''}
                      <Link to={`/territories/${territory.code}`}>{territory.name}</Link>
                    </span>
                  ))}
                </dd>
              </>
            ) : null}
            {profile.languages.length > 0 ? (
              <>
                <dt>
                  <FormattedMessage id="profiles.languages" />
                </dt>
                <dd>
                  {profile.languages
                    .map((code) => new Intl.DisplayNames([intl.locale], { type: 'language' }).of(code) ?? code)
                    .join(', ')}
                </dd>
              </>
            ) : null}
          </dl>

          <section aria-labelledby="profile-skills">
            <h2 id="profile-skills">
              <FormattedMessage id="profiles.skills" />
            </h2>
            {levels.length === 0 ? (
              <p>
                <FormattedMessage id="profiles.skills.none" />
              </p>
            ) : (
              levels.map((group) => (
                <section key={group.level} aria-labelledby={`level-${group.level}`}>
                  <h3 id={`level-${group.level}`}>
                    <FormattedMessage id={LEVELS[group.level]} />
                  </h3>
                  <ul className="cards">
                    {group.competences.map((competence) => (
                      <CompetenceItem key={competence.skill.id} competence={competence} endorsing={endorsing} />
                    ))}
                  </ul>
                </section>
              ))
            )}
          </section>

          {profile.hosted.nodes.length + profile.attended.nodes.length > 0 ? (
            <section aria-labelledby="profile-exchanges">
              <h2 id="profile-exchanges">
                <FormattedMessage id="profiles.exchanges" />
              </h2>
              <ExchangeList id="profile-hosted" title={intl.formatMessage({ id: 'profiles.exchanges.hosted' })} exchanges={profile.hosted.nodes} />
              <ExchangeList id="profile-attended" title={intl.formatMessage({ id: 'profiles.exchanges.attended' })} exchanges={profile.attended.nodes} />
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
