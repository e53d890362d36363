import { Module, type OnModuleInit } from '@nestjs/common';
import { AccessDirectory, NodeRegistry } from '@bottega/core';
import { NotificationsModule } from '@bottega/notifications';
import { TerritoriesModule } from '@bottega/territories';
import { ExchangeContent } from './exchange-content';
import { ExchangeLifecycleService } from './exchange-lifecycle.service';
import { ExchangeSubscriptionsResolver } from './exchange-subscriptions.resolver';
import { ExchangeAccess } from './exchange.access';
import { ExchangeLoaders } from './exchange.loaders';
import { ExchangeRegistration, PeerExchange } from './exchange.model';
import { ExchangeNotifier } from './exchange.notifier';
import { canManage } from './exchange.policy';
import { ExchangeRepository } from './exchange.repository';
import { ExchangeResolver } from './exchange.resolver';
import { ExchangeService } from './exchange.service';
import { RegistrationRepository } from './registration.repository';
import { RegistrationResolver } from './registration.resolver';
import { RegistrationService } from './registration.service';
import { ExchangeAttendanceRepository } from './exchange-attendance.repository';
import { ExchangeAttendanceResolver } from './exchange-attendance.resolver';
import { ExchangeAttendanceService } from './exchange-attendance.service';
import { ExchangeFeedbackRepository } from './exchange-feedback.repository';
import { ExchangeFeedbackFieldResolver, ExchangeFeedbackResolver } from './exchange-feedback.resolver';
import { ExchangeFeedbackService } from './exchange-feedback.service';
import { ExchangeOutcomeLoaders } from './exchange-outcome.loaders';
import { ExchangeOutcomeRepository } from './exchange-outcome.repository';
import { ExchangeOutcomeResolver, ExchangeOutcomesFieldResolver, FollowUpActionResolver } from './exchange-outcome.resolver';
import { ExchangeOutcomeService } from './exchange-outcome.service';
import { CalendarFeedRepository } from './calendar-feed.repository';
import { ExchangeCalendarController } from './exchange-calendar.controller';
import { ExchangeCalendarResolver } from './exchange-calendar.resolver';
import { ExchangeCalendarService } from './exchange-calendar.service';
import { ExchangeProfileRepository } from './exchange-profile.repository';
import { ExchangeProfileLoaders, ExchangeProfileResolver } from './exchange-profile.resolver';
import { PeerReviewLoaders } from './peer-review.loaders';
import { PeerReviewNotifier } from './peer-review.notifier';
import { PeerReviewRepository } from './peer-review.repository';
import { PeerReviewExchangeResolver, PeerReviewInvitationResolver, PeerReviewResolver, ReviewRecommendationResolver } from './peer-review.resolver';
import { PeerReviewService } from './peer-review.service';

/** Peer exchanges: planned by coordinators, filled by registrations with an exact waitlist, followed live. */
@Module({
  imports: [TerritoriesModule, NotificationsModule],
  providers: [
    ExchangeRepository,
    RegistrationRepository,
    ExchangeLoaders,
    ExchangeAccess,
    ExchangeNotifier,
    ExchangeService,
    ExchangeLifecycleService,
    RegistrationService,
    ExchangeResolver,
    RegistrationResolver,
    ExchangeSubscriptionsResolver,
    ExchangeContent,
    ExchangeAttendanceRepository,
    ExchangeAttendanceService,
    ExchangeAttendanceResolver,
    ExchangeOutcomeRepository,
    ExchangeOutcomeLoaders,
    ExchangeOutcomeService,
    ExchangeOutcomeResolver,
    ExchangeOutcomesFieldResolver,
    FollowUpActionResolver,
    ExchangeFeedbackRepository,
    ExchangeFeedbackService,
    ExchangeFeedbackResolver,
    ExchangeFeedbackFieldResolver,
    PeerReviewRepository,
    PeerReviewLoaders,
    PeerReviewNotifier,
    PeerReviewService,
    PeerReviewExchangeResolver,
    PeerReviewResolver,
    PeerReviewInvitationResolver,
    ReviewRecommendationResolver,
    CalendarFeedRepository,
    ExchangeCalendarService,
    ExchangeCalendarResolver,
    ExchangeProfileRepository,
    ExchangeProfileLoaders,
    ExchangeProfileResolver,
  ],
  controllers: [ExchangeCalendarController],
  exports: [ExchangeLoaders, ExchangeAccess],
})
export class ExchangesModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly access: ExchangeAccess,
    private readonly loaders: ExchangeLoaders,
    private readonly directory: AccessDirectory,
    private readonly content: ExchangeContent,
  ) {}

  onModuleInit(): void {
    this.content.register();
    // An exchange is visible to its audience (see exchange.audience.ts).
    this.nodes.register('PeerExchange', PeerExchange, (ids, context) =>
      Promise.all(
        ids.map(async (id) => {
          const found = await this.access.load(context, id);
          return found && PeerExchange.from(found.exchange);
        }),
      ),
    );
    // A registration is seen by the person and by those who run its exchange.
    this.nodes.register('ExchangeRegistration', ExchangeRegistration, (ids, context) =>
      Promise.all(
        ids.map(async (id) => {
          const registration = await context.loaders.get(this.loaders.registrationById).load(id);
          const found = registration && (await this.access.load(context, registration.exchangeId));
          if (!registration || !found) return null;
          const principals = await this.directory.of(context);
          return principals.userId === registration.userId || canManage(principals, found.exchange) ? ExchangeRegistration.from(registration) : null;
        }),
      ),
    );
  }
}
