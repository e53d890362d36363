import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ForbiddenError,
  NotFoundError,
  UserError,
  UserErrorCode,
  fromGlobalId,
  refuse,
  succeed,
  validateInput,
  type Outcome,
  type RequestContext,
} from '@bottega/core';
import { AddPracticeMediaInput, MediaConsentInput, PracticeMediaInput, RecordMediaConsentInput, UpdatePracticeMediaInput } from './dto/practice-media.inputs';
import { PracticeAccess, type PracticeInContext } from './practice.access';
import { PracticeStatus } from './practice.enums';
import { PracticeLoaders } from './practice.loaders';
import { RULES } from './practice.policy';
import type { PracticeRow } from './practice.repository';
import { PracticeMediaKind, TRANSCRIBED } from './practice-media.enums';
import { PracticeMediaLoaders } from './practice-media.loaders';
import { MEDIA_LIMIT, PracticeMediaRepository, type MediaConsentFields, type MediaFields, type PracticeMediaRow } from './practice-media.repository';

export interface MediaChange {
  /** The medium added or changed; null once removed. */
  media: PracticeMediaRow | null;
  practice: PracticeRow;
}

/** Thrown inside a media transaction to roll it back and refuse with `error`. */
class Refusal extends Error {
  constructor(readonly error: UserError) {
    super(error.message);
  }
}

/**
 * The media of a practice and their consents, changed by its authors while
 * they edit it (a draft, or a published practice). Every change locks the
 * practice, so its media change one at a time and never once it moved on, and
 * counts its media without consent onto it, where submitting and publishing
 * read them: a story in review or published never shows a medium without
 * consent.
 */
@Injectable()
export class PracticeMediaService {
  constructor(
    private readonly media: PracticeMediaRepository,
    private readonly mediaLoaders: PracticeMediaLoaders,
    private readonly access: PracticeAccess,
    private readonly loaders: PracticeLoaders,
  ) {}

  async add(input: AddPracticeMediaInput, context: RequestContext): Promise<Outcome<MediaChange>> {
    const viewer = await context.requireViewer();
    const found = await this.access.readable(context, input.practiceId, ['input', 'practiceId']);
    this.mayChange(found);
    const fields = { ...describe(input), kind: input.kind, url: input.url.trim() };
    const consent = input.consent ? consentOf(input.consent) : null;
    const errors = [
      ...(await validateInput(AddPracticeMediaInput, { ...input, ...fields, consent })),
      ...described(fields, { ...fields, altText: fields.altText ?? '', transcript: fields.transcript ?? '' }),
      ...(consent ? consentDate(consent, ['input', 'consent', 'givenOn']) : []),
    ];
    if (errors.length > 0) return refuse(...errors);

    return this.change(found.practice, context, async (manager) => {
      const id = await this.media.insert(manager, found.practice.id, viewer.userId, fields);
      if (!id) throw new Refusal(UserError.of(UserErrorCode.CAPACITY_FULL, `A practice holds at most ${MEDIA_LIMIT} media.`, ['input', 'practiceId']));
      if (consent) await this.media.setConsent(manager, id, consent, viewer.userId);
      return id;
    });
  }

  async update(input: UpdatePracticeMediaInput, context: RequestContext): Promise<Outcome<MediaChange>> {
    await context.requireViewer();
    const { media, found } = await this.target(input.mediaId, context);
    this.mayChange(found);
    const fields: MediaFields = { ...describe(input), ...(input.kind != null && { kind: input.kind }), ...(input.url != null && { url: input.url.trim() }) };
    const errors = await validateInput(UpdatePracticeMediaInput, { ...input, ...fields });
    if (Object.keys(fields).length === 0 && input.position == null) {
      errors.push(UserError.of(UserErrorCode.REQUIRED, 'Change at least one field.', ['input']));
    }
    errors.push(...described(fields, { kind: fields.kind ?? media.kind, altText: fields.altText ?? media.altText, transcript: fields.transcript ?? media.transcript }));
    if (errors.length > 0) return refuse(...errors);

    return this.change(found.practice, context, async (manager) => {
      await this.stillThere(manager, media, input.mediaId);
      await this.media.update(manager, media.id, fields);
      if (input.position != null) await this.media.move(manager, media.practiceId, media.id, input.position);
      return media.id;
    });
  }

  async remove(input: PracticeMediaInput, context: RequestContext): Promise<Outcome<MediaChange>> {
    await context.requireViewer();
    const { media, found } = await this.target(input.mediaId, context);
    this.mayChange(found);
    return this.change(found.practice, context, async (manager) => {
      await this.stillThere(manager, media, input.mediaId);
      await this.media.delete(manager, media.practiceId, media.id);
      return null;
    });
  }

  async recordConsent(input: RecordMediaConsentInput, context: RequestContext): Promise<Outcome<MediaChange>> {
    const viewer = await context.requireViewer();
    const { media, found } = await this.target(input.mediaId, context);
    this.mayChange(found);
    const consent = consentOf(input);
    const errors = [...(await validateInput(RecordMediaConsentInput, { ...input, ...consent })), ...consentDate(consent, ['input', 'givenOn'])];
    if (errors.length > 0) return refuse(...errors);
    return this.change(found.practice, context, async (manager) => {
      await this.stillThere(manager, media, input.mediaId);
      await this.media.setConsent(manager, media.id, consent, viewer.userId);
      return media.id;
    });
  }

  /** A withdrawn consent: in a story that has left DRAFT, the medium must go instead (remove it). */
  async withdrawConsent(input: PracticeMediaInput, context: RequestContext): Promise<Outcome<MediaChange>> {
    const viewer = await context.requireViewer();
    const { media, found } = await this.target(input.mediaId, context);
    this.mayChange(found);
    return this.change(found.practice, context, async (manager) => {
      await this.stillThere(manager, media, input.mediaId);
      await this.media.setConsent(manager, media.id, null, viewer.userId);
      return media.id;
    });
  }

  /** The medium and its practice, when the viewer reads the practice; else NOT_FOUND, as for the practice. */
  private async target(globalId: string, context: RequestContext): Promise<{ media: PracticeMediaRow; found: PracticeInContext }> {
    const id = fromGlobalId(globalId, 'PracticeMedia', ['input', 'mediaId']);
    const media = await context.loaders.get(this.mediaLoaders.byId).load(id);
    const found = media && (await this.access.load(context, media.practiceId));
    if (!media || !found) throw new NotFoundError('PracticeMedia', globalId);
    return { media, found };
  }

  private mayChange({ practice, principals }: PracticeInContext): void {
    if (!RULES.edit.who(principals, practice)) throw new ForbiddenError('Only its authors change the media of a practice.');
  }

  private async stillThere(manager: EntityManager, media: PracticeMediaRow, globalId: string): Promise<void> {
    if (!(await this.media.belongs(manager, media.practiceId, media.id))) throw new NotFoundError('PracticeMedia', globalId);
  }

  /**
   * Runs `work` under the practice's lock while its authors may edit it, then
   * counts its media without consent; refused, it changes nothing.
   */
  private async change(
    practice: PracticeRow,
    context: RequestContext,
    work: (manager: EntityManager) => Promise<string | null>,
  ): Promise<Outcome<MediaChange>> {
    let mediaId: string | null;
    try {
      mediaId = await this.media.transaction(async (manager) => {
        const locked = await this.media.lockPractice(manager, practice.id, RULES.edit.from);
        if (!locked) throw new Refusal(notEditable());
        const id = await work(manager);
        if (!(await this.media.recount(manager, practice.id))) throw new Refusal(consentRequired(locked.status));
        return id;
      });
    } catch (error) {
      if (error instanceof Refusal) return refuse(error.error);
      throw error;
    }
    context.loaders.get(this.mediaLoaders.byPractice).clear(practice.id);
    const media = mediaId ? await context.loaders.reload(this.mediaLoaders.byId, mediaId) : null;
    return succeed({ media, practice: await context.loaders.reload(this.loaders.byId, practice.id) });
  }
}

/** The describing texts given, trimmed. */
function describe(input: { caption?: string | null; altText?: string | null; credit?: string | null; transcript?: string | null }): MediaFields {
  const fields: MediaFields = {};
  if (input.caption != null) fields.caption = input.caption.trim();
  if (input.altText != null) fields.altText = input.altText.trim();
  if (input.credit != null) fields.credit = input.credit.trim();
  if (input.transcript != null) fields.transcript = input.transcript.trim();
  return fields;
}

/** Images are described for those who cannot see them; only sound and film have words to transcribe. */
function described(given: MediaFields, after: { kind: PracticeMediaKind; altText: string; transcript: string }): UserError[] {
  const errors: UserError[] = [];
  if (after.kind === PracticeMediaKind.IMAGE && after.altText === '') {
    errors.push(UserError.of(UserErrorCode.REQUIRED, 'Describe what the image shows, for those who cannot see it.', ['input', 'altText']));
  }
  if (!TRANSCRIBED.includes(after.kind) && after.transcript !== '') {
    errors.push(
      UserError.of(UserErrorCode.INVALID, 'Only audio and video have a transcript.', ['input', given.transcript !== undefined ? 'transcript' : 'kind']),
    );
  }
  return errors;
}

function consentOf(input: MediaConsentInput): MediaConsentFields {
  return { givenBy: input.givenBy.trim(), givenOn: input.givenOn, use: input.use.trim() };
}

/** A consent is recorded once given, so never for a day to come (Rome's calendar is a day ahead of UTC at most). */
function consentDate(consent: MediaConsentFields, field: string[]): UserError[] {
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  return consent.givenOn > tomorrow ? [UserError.of(UserErrorCode.OUT_OF_RANGE, 'A consent is recorded once it is given, not before.', field)] : [];
}

function notEditable(): UserError {
  return UserError.of(
    UserErrorCode.INVALID_STATE,
    'The media of a practice change while it is a draft or published; one in review waits for its reviewers, an archived one is no longer edited.',
    ['input'],
  );
}

function consentRequired(status: PracticeStatus): UserError {
  return UserError.of(
    UserErrorCode.INVALID_STATE,
    `A ${status === PracticeStatus.PUBLISHED ? 'published' : 'submitted'} story shows only media whose consent is recorded: add a medium with its consent, and remove one whose consent is withdrawn.`,
    ['input'],
  );
}
