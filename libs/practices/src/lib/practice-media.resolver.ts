import { Args, Context, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import type { Outcome, RequestContext } from '@bottega/core';
import { User, UserLoaders } from '@bottega/identity';
import { AddPracticeMediaInput, PracticeMediaInput, RecordMediaConsentInput, UpdatePracticeMediaInput } from './dto/practice-media.inputs';
import { PracticeAccess } from './practice.access';
import { Practice } from './practice.model';
import { canReadConsent } from './practice.policy';
import { MediaConsent, PracticeMedia, PracticeMediaPayload } from './practice-media.model';
import { PracticeMediaLoaders } from './practice-media.loaders';
import { PracticeMediaService, type MediaChange } from './practice-media.service';

@Resolver(() => PracticeMedia)
export class PracticeMediaResolver {
  constructor(
    private readonly service: PracticeMediaService,
    private readonly access: PracticeAccess,
  ) {}

  @Mutation(() => PracticeMediaPayload, {
    nullable: true,
    description: 'Adds an image, recording, film or document to a practice, last, with the consent of the people it shows when given. Its authors, while it is a draft or published.',
  })
  async addPracticeMedia(@Args('input') input: AddPracticeMediaInput, @Context() context: RequestContext): Promise<PracticeMediaPayload> {
    return payload(await this.service.add(input, context));
  }

  @Mutation(() => PracticeMediaPayload, { nullable: true, description: 'Changes how a medium is described, where it is, or its place. Its authors.' })
  async updatePracticeMedia(@Args('input') input: UpdatePracticeMediaInput, @Context() context: RequestContext): Promise<PracticeMediaPayload> {
    return payload(await this.service.update(input, context));
  }

  @Mutation(() => PracticeMediaPayload, { nullable: true, description: 'Removes a medium and its consent. Its authors.' })
  async removePracticeMedia(@Args('input') input: PracticeMediaInput, @Context() context: RequestContext): Promise<PracticeMediaPayload> {
    return payload(await this.service.remove(input, context));
  }

  @Mutation(() => PracticeMediaPayload, {
    nullable: true,
    description: 'Records who consented to a medium’s use, when and for what (replacing what was recorded before). Its authors.',
  })
  async recordMediaConsent(@Args('input') input: RecordMediaConsentInput, @Context() context: RequestContext): Promise<PracticeMediaPayload> {
    return payload(await this.service.recordConsent(input, context));
  }

  @Mutation(() => PracticeMediaPayload, {
    nullable: true,
    description: 'Withdraws a medium’s consent, in a draft; a story in review or published shows no medium without it, so remove the medium there. Its authors.',
  })
  async withdrawMediaConsent(@Args('input') input: PracticeMediaInput, @Context() context: RequestContext): Promise<PracticeMediaPayload> {
    return payload(await this.service.withdrawConsent(input, context));
  }

  @ResolveField(() => MediaConsent, {
    nullable: true,
    description: 'Who consented, when and to what; null when none is recorded, and for anyone but the practice’s authors and reviewers (it names people).',
  })
  async consent(media: PracticeMedia, _args: unknown, context: RequestContext): Promise<MediaConsent | null> {
    if (!media.row.consent) return null;
    const found = await this.access.load(context, media.row.practiceId);
    return found && canReadConsent(found.principals, found.practice) ? MediaConsent.from(media.row.consent) : null;
  }
}

@Resolver(() => MediaConsent)
export class MediaConsentResolver {
  constructor(private readonly userLoaders: UserLoaders) {}

  @ResolveField(() => User, { nullable: true, description: 'The author who recorded it; null when the account was removed.' })
  async recordedBy(consent: MediaConsent, _args: unknown, context: RequestContext): Promise<User | null> {
    return this.userLoaders.user(context, consent.recordedBy);
  }
}

@Resolver(() => Practice)
export class PracticeMediaFieldResolver {
  constructor(private readonly loaders: PracticeMediaLoaders) {}

  @ResolveField(() => [PracticeMedia], { description: 'Its images, recordings, films and documents, in order (at most 30).' })
  async media(practice: Practice, _args: unknown, context: RequestContext): Promise<PracticeMedia[]> {
    return (await context.loaders.get(this.loaders.byPractice).load(practice.dbId)).map(PracticeMedia.from);
  }
}

function payload(outcome: Outcome<MediaChange>): PracticeMediaPayload {
  return outcome.ok
    ? { media: outcome.value.media && PracticeMedia.from(outcome.value.media), practice: Practice.from(outcome.value.practice), userErrors: [] }
    : { media: null, practice: null, userErrors: outcome.errors };
}
