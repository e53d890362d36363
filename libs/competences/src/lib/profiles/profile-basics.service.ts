import { Injectable } from '@nestjs/common';
import { isISO6391, isURL } from 'class-validator';
import {
  NotFoundError,
  Outbox,
  OutboxChange,
  UserError,
  UserErrorCode,
  fromGlobalId,
  refuse,
  succeed,
  type Outcome,
  type RequestContext,
} from '@bottega/core';
import { DisplayNames } from '@bottega/identity';
import { POST_LINKS, renderPostMarkdown } from '@bottega/markdown';
import { TerritoryLoaders } from '@bottega/territories';
import { UpdateProfileInput } from './dto/profile.inputs';
import { ProfileAccess } from './profile.access';
import { ProfileRepository, type ProfileBasics, type ProfileRow } from './profile.repository';

export const BIO_MAX_LENGTH = 2000;
export const AVATAR_URL_MAX_LENGTH = 2048;
export const ORGANIZATION_NAME_LENGTH = { min: 2, max: 120 } as const;
export const MAX_PROFILE_TERRITORIES = 10;
export const MAX_PROFILE_LANGUAGES = 10;

/** Characters as a person counts them. */
const length = (text: string) => [...text].length;

/** What `updateProfile` writes, read from its input; a field left out of the input is left out here. */
interface BasicsChange {
  displayName?: string;
  basics: ProfileBasics;
  territoryIds?: string[];
}

/**
 * A profile's public basics, changed by their owner only: display name (kept
 * on the account, changed through identity), bio in Markdown, avatar, an
 * organization, territories and languages. Only the fields given change; each
 * field at fault gets its own user error and nothing is written.
 */
@Injectable()
export class ProfileBasicsService {
  constructor(
    private readonly profiles: ProfileRepository,
    private readonly access: ProfileAccess,
    private readonly displayNames: DisplayNames,
    private readonly territories: TerritoryLoaders,
    private readonly outbox: Outbox,
  ) {}

  async update(input: UpdateProfileInput, context: RequestContext): Promise<Outcome<ProfileRow>> {
    const viewer = await context.requireViewer();
    const errors: UserError[] = [];
    const change = await this.read(input, context, errors);
    if (errors.length > 0) return refuse(...errors);

    await this.profiles.transaction(async (manager) => {
      await this.profiles.lockOrCreate(manager, viewer.userId);
      await this.profiles.updateBasics(manager, viewer.userId, change.basics);
      if (change.territoryIds) await this.profiles.replaceTerritories(manager, viewer.userId, change.territoryIds);
      if (change.displayName !== undefined) await this.displayNames.set(manager, context, viewer.userId, change.displayName);
      await this.outbox.record(manager, { kind: 'CompetenceProfile', subjectId: viewer.userId, change: OutboxChange.EDITED });
    });
    const profile = await this.access.reload(context, viewer.userId);
    if (!profile) throw new Error(`The profile of ${viewer.userId} is not visible to its owner`);
    return succeed(profile);
  }

  private async read(input: UpdateProfileInput, context: RequestContext, errors: UserError[]): Promise<BasicsChange> {
    const change: BasicsChange = { basics: {} };
    const given = Object.entries(input).filter(([, value]) => value !== undefined);
    if (given.length === 0) errors.push(UserError.of(UserErrorCode.REQUIRED, 'Change at least one field.', ['input']));

    if (input.displayName === null) {
      errors.push(UserError.of(UserErrorCode.REQUIRED, 'A display name cannot be removed.', ['input', 'displayName']));
    } else if (input.displayName !== undefined) {
      const checked = this.displayNames.check(input.displayName, ['input', 'displayName']);
      if (checked.error) errors.push(checked.error);
      else change.displayName = checked.value;
    }

    if (input.bio !== undefined) {
      const source = (input.bio ?? '').trim();
      if (length(source) > BIO_MAX_LENGTH) {
        errors.push(UserError.of(UserErrorCode.TOO_LONG, `A bio has at most ${BIO_MAX_LENGTH} characters.`, ['input', 'bio']));
      } else {
        change.basics.bio = { source, html: source === '' ? '' : renderPostMarkdown(source, POST_LINKS).html };
      }
    }

    if (input.avatarUrl !== undefined) {
      const url = (input.avatarUrl ?? '').trim();
      const problem = url === '' ? null : avatarUrlProblem(url);
      if (problem) errors.push(UserError.of(problem.code, problem.message, ['input', 'avatarUrl']));
      else change.basics.avatarUrl = url || null;
    }

    if (input.organization !== undefined) {
      if (input.organization === null) {
        change.basics.organization = null;
      } else {
        const name = input.organization.name.trim().replace(/\s+/g, ' ');
        const { min, max } = ORGANIZATION_NAME_LENGTH;
        const field = ['input', 'organization', 'name'];
        if (length(name) < min) errors.push(UserError.of(UserErrorCode.TOO_SHORT, `An organization's name has at least ${min} characters.`, field));
        else if (length(name) > max) errors.push(UserError.of(UserErrorCode.TOO_LONG, `An organization's name has at most ${max} characters.`, field));
        else change.basics.organization = { name, kind: input.organization.kind ?? null };
      }
    }

    if (input.languages !== undefined) {
      const codes = [...new Set((input.languages ?? []).map((code) => code.trim().toLowerCase()))];
      const wrong = (input.languages ?? []).findIndex((code) => !isISO6391(code.trim().toLowerCase()));
      if (codes.length > MAX_PROFILE_LANGUAGES) {
        errors.push(UserError.of(UserErrorCode.TOO_LONG, `List at most ${MAX_PROFILE_LANGUAGES} languages.`, ['input', 'languages']));
      } else if (wrong >= 0) {
        errors.push(
          UserError.of(UserErrorCode.INVALID, 'A language is named by its two-letter ISO 639-1 code, such as "it" or "en".', ['input', 'languages', String(wrong)]),
        );
      } else {
        change.basics.languages = codes;
      }
    }

    if (input.territoryIds !== undefined) {
      const globalIds = input.territoryIds ?? [];
      const ids = [...new Set(globalIds.map((globalId, index) => fromGlobalId(globalId, 'Territory', ['input', 'territoryIds', String(index)])))];
      if (ids.length > MAX_PROFILE_TERRITORIES) {
        errors.push(UserError.of(UserErrorCode.TOO_LONG, `List at most ${MAX_PROFILE_TERRITORIES} territories.`, ['input', 'territoryIds']));
      } else {
        const found = await context.loaders.get(this.territories.byId).loadMany(ids);
        const missing = found.findIndex((territory) => !territory || territory instanceof Error);
        if (missing >= 0) throw new NotFoundError('Territory', globalIds.find((globalId) => fromGlobalId(globalId, 'Territory') === ids[missing]));
        change.territoryIds = ids;
      }
    }
    return change;
  }
}

/** Why an avatar address cannot be used, or null: an https URL to a public host, with no credentials, of at most 2,048 characters. */
function avatarUrlProblem(url: string): { code: UserErrorCode; message: string } | null {
  if (length(url) > AVATAR_URL_MAX_LENGTH) {
    return { code: UserErrorCode.TOO_LONG, message: `An avatar address has at most ${AVATAR_URL_MAX_LENGTH} characters.` };
  }
  const valid = isURL(url, { protocols: ['https'], require_protocol: true, require_valid_protocol: true, require_tld: true, disallow_auth: true, allow_underscores: true });
  return valid ? null : { code: UserErrorCode.INVALID, message: 'An avatar is an https address, such as https://example.org/me.jpg.' };
}
