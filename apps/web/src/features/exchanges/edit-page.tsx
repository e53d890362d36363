import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PageMeta } from '../../app/head';
import { ExchangeEditQuery, UpdateExchangeMutation } from './exchange.mutations';
import { outcomeOf } from './outcome';
import { PlanForm } from './plan-form';
import { EMPTY_PLAN, romeInstant, romeLocal, type PlanValues } from './plan-schema';
import { SignedIn } from '../session/signed-in';
import './exchanges.css';

/** /peer-exchanges/<id>/edit: the planning form again, for those who run the exchange. */
export function EditPage() {
  const intl = useIntl();
  const id = useParams()['id'] ?? '';
  const path = `/peer-exchanges/${encodeURIComponent(id)}`;
  return (
    <section className="page exchange-page">
      <PageMeta
        title={`${intl.formatMessage({ id: 'exchanges.edit.heading' })} · Bottega`}
        description={intl.formatMessage({ id: 'exchanges.edit.heading' })}
        path={`${path}/edit`}
      />
      <p className="meta">
        <Link to={path}>
          <FormattedMessage id="exchanges.edit.back" />
        </Link>
      </p>
      <h1>
        <FormattedMessage id="exchanges.edit.heading" />
      </h1>
      <SignedIn>
        <EditExchange id={id} />
      </SignedIn>
    </section>
  );
}

function EditExchange({ id }: { id: string }) {
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({ query: ExchangeEditQuery, variables: { id }, requestPolicy: 'network-only' });
  const [, update] = useMutation(UpdateExchangeMutation);
  const exchange = data?.node?.__typename === 'PeerExchange' ? data.node : null;
  if (!exchange) {
    return (
      <p role={fetching ? 'status' : 'alert'}>
        <FormattedMessage id={fetching ? 'exchanges.loading' : error?.networkError ? 'exchanges.error.network' : 'exchanges.edit.notFound'} />
      </p>
    );
  }
  if (!exchange.viewerCanManage) {
    return (
      <p className="form__alert" role="alert">
        <FormattedMessage id="exchanges.edit.forbidden" />
      </p>
    );
  }
  const initial: PlanValues = {
    ...EMPTY_PLAN,
    format: exchange.format,
    title: exchange.title,
    hostCommunityId: exchange.hostCommunity?.id ?? '',
    hostTerritoryId: exchange.hostTerritory.id,
    hostProjectId: exchange.hostProject?.id ?? '',
    startsAt: romeLocal(exchange.startsAt),
    endsAt: romeLocal(exchange.endsAt),
    registrationDeadline: romeLocal(exchange.registrationDeadline),
    capacity: String(exchange.capacity),
    venue: exchange.venue ?? '',
    onlineUrl: exchange.onlineUrl ?? '',
    reviewQuestion: exchange.reviewQuestion ?? '',
    description: exchange.description.markdown,
  };
  const submit = async (values: PlanValues) => {
    const result = await update({
      input: {
        exchangeId: exchange.id,
        version: exchange.version,
        title: values.title,
        startsAt: romeInstant(values.startsAt) ?? values.startsAt,
        endsAt: romeInstant(values.endsAt) ?? values.endsAt,
        registrationDeadline: romeInstant(values.registrationDeadline) ?? values.registrationDeadline,
        venue: values.venue || null,
        onlineUrl: values.onlineUrl || null,
        description: values.description,
        ...(values.format === 'PEER_REVIEW' && values.reviewQuestion ? { reviewQuestion: values.reviewQuestion } : {}),
      },
    });
    const outcome = outcomeOf(result, result.data?.result);
    if (outcome.kind === 'done') await navigate(`/peer-exchanges/${encodeURIComponent(exchange.id)}`);
    return outcome;
  };
  return <PlanForm key={exchange.version} mode="edit" initial={initial} onSubmit={submit} />;
}
