import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@bottega/core';
import { RecordAttendanceInput } from './dto/exchange-attendance.inputs';
import { ExchangeRegistration, PeerExchange } from './exchange.model';
import { ExchangeAttendancePayload } from './exchange-outcome.model';
import { ExchangeAttendanceService } from './exchange-attendance.service';

@Resolver()
export class ExchangeAttendanceResolver {
  constructor(private readonly service: ExchangeAttendanceService) {}

  @Mutation(() => ExchangeAttendancePayload, {
    nullable: true,
    description:
      'Records who ATTENDED and who was a NO_SHOW among those holding a seat, once the exchange has started; marks change until it is completed. Those who run it.',
  })
  async recordAttendance(@Args('input') input: RecordAttendanceInput, @Context() context: RequestContext): Promise<ExchangeAttendancePayload> {
    const outcome = await this.service.record(input, context);
    return outcome.ok
      ? { peerExchange: PeerExchange.from(outcome.value.exchange), registrations: outcome.value.registrations.map(ExchangeRegistration.from), userErrors: [] }
      : { peerExchange: null, registrations: null, userErrors: outcome.errors };
  }
}
