import { Injectable } from '@nestjs/common';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import * as italian from '@zxcvbn-ts/language-it';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
/** zxcvbn score (0-4) a password must reach: 3 is "safely unguessable" for online attacks. */
const MIN_SCORE = 3;

/**
 * Length bounds plus a guessability check against lists of common passwords,
 * Italian and English words and names, keyboard patterns and the user's own
 * details (zxcvbn-ts).
 */
@Injectable()
export class PasswordPolicy {
  private readonly zxcvbn = new ZxcvbnFactory({
    dictionary: {
      ...common.dictionary,
      ...english.dictionary,
      'commonWords-it': italian.dictionary.commonWords,
      'firstnames-it': italian.dictionary.firstnames,
      'lastnames-it': italian.dictionary.lastnames,
      'wikipedia-it': italian.dictionary.wikipedia,
    },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });

  /** Why the password is refused, or null when it is acceptable. */
  weakness(password: string, account: { email: string; displayName: string }): string | null {
    if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
    if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
    const result = this.zxcvbn.check(password, personalDetails(account));
    if (result.score >= MIN_SCORE) return null;
    const hint = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
    return `This password is too easy to guess.${hint ? ` ${hint}` : ''}`;
  }
}

/** The account's own words, as people reuse them: whole, split and run together. */
function personalDetails({ email, displayName }: { email: string; displayName: string }): string[] {
  const [local = '', domain = ''] = email.toLowerCase().split('@');
  const names = displayName.toLowerCase().split(/\s+/).filter(Boolean);
  const localParts = local.split(/[._+-]+/).filter(Boolean);
  return [...new Set([email, local, domain, names.join(''), ...names, localParts.join(''), ...localParts])];
}
