import { Injectable } from '@nestjs/common';
import {
  BadInputError,
  NodeRegistry,
  NotFoundError,
  UserError,
  UserErrorCode,
  parseGlobalId,
  slugify,
  validateInput,
  type RequestContext,
} from '@bottega/core';
import { FollowTargets } from './follow-targets';
import { FollowRepository } from './follow.repository';
import { FollowSubjectType } from './follow.enums';
import type { FollowSubject } from './follow.entity';
import { FollowInput } from './follow.model';

/** Following threads, communities, tags and territories. */
@Injectable()
export class FollowService {
  constructor(
    private readonly follows: FollowRepository,
    private readonly nodes: NodeRegistry,
    private readonly targets: FollowTargets,
  ) {}

  async set(input: FollowInput, on: boolean, context: RequestContext): Promise<UserError[]> {
    const viewer = await context.requireViewer();
    const errors = await validateInput(FollowInput, input);
    if (errors.length > 0) return errors;
    const subject = await this.subject(input, context);
    if (!subject) return [UserError.of(UserErrorCode.INVALID, 'A tag has at least 2 letters or digits.', ['input', 'tag'])];
    if (on) await this.follows.add(viewer.userId, subject);
    else await this.follows.remove(viewer.userId, subject);
    return [];
  }

  /** The subject named by the input, checked to exist and be visible to the viewer. */
  private async subject(input: FollowInput, context: RequestContext): Promise<FollowSubject | null> {
    if ((input.subjectId == null) === (input.tag == null)) {
      throw new BadInputError('Name either a subjectId or a tag.', ['input']);
    }
    if (input.tag != null) {
      const slug = slugify(input.tag, 40);
      return slug.length >= 2 ? { type: FollowSubjectType.TAG, key: slug } : null;
    }
    const subjectId = input.subjectId ?? '';
    const decoded = parseGlobalId(subjectId);
    const type = decoded && this.targets.subjectOf(decoded.type);
    if (!decoded || !type) throw new BadInputError('Follow a thread, a community, a territory or a tag.', ['input', 'subjectId']);
    const [node] = (await this.nodes.loaderFor(decoded.type)?.([decoded.id], context)) ?? [];
    if (!node) throw new NotFoundError(decoded.type, subjectId);
    return { type, key: decoded.id };
  }
}
