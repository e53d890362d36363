import { Args, Context, Field, InputType, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { UserError, type RequestContext } from '@bottega/core';
import { ExchangeCalendarService } from './exchange-calendar.service';

@InputType({ description: 'Nothing to give: the feed is the viewer’s.' })
export class CalendarFeedInput {
  @Field(() => String, { nullable: true, description: 'Returned as given, for the client’s own bookkeeping.' })
  clientMutationId?: string | null;
}

@ObjectType({ description: 'A personal calendar feed of one’s peer exchanges.' })
export class CalendarFeedPayload {
  @Field(() => String, {
    nullable: true,
    description:
      'The feed’s address on this API (`/calendar/<token>.ics`), shown this once: subscribe to it in a calendar application. ' +
      'Whoever has it reads the feed until it is revoked or replaced.',
  })
  url!: string | null;

  @Field(() => Date, { nullable: true })
  createdAt!: Date | null;

  @Field(() => String, { nullable: true })
  clientMutationId!: string | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class RevokeCalendarFeedPayload {
  @Field({ description: 'Whether a feed was revoked.' })
  revoked!: boolean;

  @Field(() => String, { nullable: true })
  clientMutationId!: string | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@Resolver()
export class ExchangeCalendarResolver {
  constructor(private readonly calendars: ExchangeCalendarService) {}

  @Mutation(() => CalendarFeedPayload, {
    nullable: true,
    description:
      'A new address for the viewer’s calendar feed (the exchanges where they hold or wait for a seat, or review), replacing the one before, which stops working.',
  })
  async createCalendarFeed(
    @Args('input', { nullable: true, type: () => CalendarFeedInput }) input: CalendarFeedInput | null,
    @Context() context: RequestContext,
  ): Promise<CalendarFeedPayload> {
    const feed = await this.calendars.create(context);
    return { ...feed, clientMutationId: input?.clientMutationId ?? null, userErrors: [] };
  }

  @Mutation(() => RevokeCalendarFeedPayload, { nullable: true, description: 'The viewer’s calendar feed stops working at once (404).' })
  async revokeCalendarFeed(
    @Args('input', { nullable: true, type: () => CalendarFeedInput }) input: CalendarFeedInput | null,
    @Context() context: RequestContext,
  ): Promise<RevokeCalendarFeedPayload> {
    const outcome = await this.calendars.revoke(context);
    return { revoked: outcome.ok, clientMutationId: input?.clientMutationId ?? null, userErrors: outcome.ok ? [] : outcome.errors };
  }
}
