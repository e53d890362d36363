import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PageMeta } from '../../app/head';
import { CreateExchangeMutation, PlanOptionsQuery } from './exchange.mutations';
import { outcomeOf } from './outcome';
import { PlanForm } from './plan-form';
import { EMPTY_PLAN, romeInstant, type PlanValues } from './plan-schema';
import { SignedIn } from '../session/signed-in';
import './exchanges.css';

/** /peer-exchanges/new: plans an exchange as a draft; the API decides who may plan where. */
export function PlanPage() {
  const intl = useIntl();
  return (
    <section className="page exchange-page">
      <PageMeta
        title={`${intl.formatMessage({ id: 'exchanges.plan.heading' })} · Bottega`}
        description={intl.formatMessage({ id: 'exchanges.plan.intro' })}
        path="/peer-exchanges/new"
      />
      <h1>
        <FormattedMessage id="exchanges.plan.heading" />
      </h1>
      <p className="page-intro">
        <FormattedMessage id="exchanges.plan.intro" />
      </p>
      <SignedIn>
        <NewExchange />
      </SignedIn>
    </section>
  );
}

function NewExchange() {
  const navigate = useNavigate();
  const [{ data, fetching }] = useQuery({ query: PlanOptionsQuery, requestPolicy: 'cache-and-network' });
  const [, create] = useMutation(CreateExchangeMutation);
  if (!data && fetching) {
    return (
      <p role="status">
        <FormattedMessage id="exchanges.loading" />
      </p>
    );
  }
  const submit = async (values: PlanValues) => {
    const result = await create({
      input: {
        format: values.format,
        title: values.title,
        hostCommunityId: values.hostCommunityId,
        hostTerritoryId: values.hostTerritoryId,
        ...(values.hostProjectId ? { hostProjectId: values.hostProjectId } : {}),
        startsAt: romeInstant(values.startsAt) ?? values.startsAt,
        endsAt: romeInstant(values.endsAt) ?? values.endsAt,
        registrationDeadline: romeInstant(values.registrationDeadline) ?? values.registrationDeadline,
        capacity: Number(values.capacity),
        ...(values.venue ? { venue: values.venue } : {}),
        ...(values.onlineUrl ? { onlineUrl: values.onlineUrl } : {}),
        ...(values.format === 'PEER_REVIEW' && values.reviewQuestion ? { reviewQuestion: values.reviewQuestion } : {}),
        ...(values.description.trim() ? { description: values.description } : {}),
      },
    });
    const outcome = outcomeOf(result, result.data?.result);
    const created = result.data?.result?.peerExchange;
    if (outcome.kind === 'done' && created) await navigate(`/peer-exchanges/${encodeURIComponent(created.id)}`);
    return outcome;
  };
  return <PlanForm mode="create" initial={EMPTY_PLAN} options={data} onSubmit={submit} />;
}
