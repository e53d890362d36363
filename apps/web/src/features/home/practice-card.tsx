import { FormattedDate, FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { readFragment, type FragmentOf } from '../../app/graphql';
import { PracticeCardFields } from './home.queries';

export function PracticeCard(props: { practice: FragmentOf<typeof PracticeCardFields> }) {
  const practice = readFragment(PracticeCardFields, props.practice);
  return (
    <li className="card">
      <h3>
        <Link to={`/practices/${practice.slug}`} lang={practice.language}>
          {practice.title}
        </Link>
      </h3>
      <p className="meta">
        {practice.territories.map((territory) => territory.name).join(', ')}
        {practice.publishedAt ? (
          <>
            {' · '}
            <FormattedDate value={practice.publishedAt} year="numeric" month="long" day="numeric" />
          </>
        ) : null}
        {practice.adoptionCount > 0 ? (
          <>
            {' · '}
            <FormattedMessage id="home.practice.adoptions" values={{ count: practice.adoptionCount }} />
          </>
        ) : null}
      </p>
      <p lang={practice.language}>{practice.summary}</p>
    </li>
  );
}
