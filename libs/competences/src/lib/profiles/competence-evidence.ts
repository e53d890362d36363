import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  BadInputError,
  ContentRegistry,
  NodeRegistry,
  NotFoundError,
  UserError,
  UserErrorCode,
  parseGlobalId,
  type Node,
  type RequestContext,
} from '@bottega/core';
import { EVIDENCE_KINDS, type EvidenceKind } from './profile.enums';
import type { EvidenceRef } from './profile.repository';

/** The most practices and posts one competence points to. */
export const MAX_EVIDENCE = 10;

const isEvidenceKind = (type: string): type is EvidenceKind => (EVIDENCE_KINDS as readonly string[]).includes(type);

/**
 * The evidence of a competence: practices and posts of its owner, reached
 * through the core content registry, so each kind decides who reads an item
 * and who authored it, and a competence never shows what its viewer may not read.
 */
@Injectable()
export class CompetenceEvidence {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: ContentRegistry,
    private readonly nodes: NodeRegistry,
  ) {}

  /**
   * The items these global ids name, checked for the owner (the viewer): a
   * malformed id or one of another kind is BAD_USER_INPUT, an item unknown,
   * deleted or not readable NOT_FOUND (so nothing unreadable is revealed);
   * more than {@link MAX_EVIDENCE}, or an item the owner did not author, adds
   * a user error at `field`. An id given twice counts once.
   */
  async owned(context: RequestContext, ownerId: string, globalIds: readonly string[], field: string[], errors: UserError[]): Promise<EvidenceRef[]> {
    const unique = [...new Set(globalIds)];
    if (unique.length > MAX_EVIDENCE) {
      errors.push(UserError.of(UserErrorCode.TOO_LONG, `A competence points to at most ${MAX_EVIDENCE} practices and posts.`, field));
      return [];
    }
    const refs: EvidenceRef[] = [];
    for (const globalId of unique) {
      const at = [...field, String(globalIds.indexOf(globalId))];
      const decoded = parseGlobalId(globalId);
      const kind = decoded && isEvidenceKind(decoded.type) ? this.registry.get(decoded.type) : undefined;
      if (!decoded || !kind) throw new BadInputError(`"${globalId}" is not a valid ${EVIDENCE_KINDS.join(' or ')} id.`, at);
      const [item] = await kind.readable(context, [decoded.id]);
      if (!item || item.deleted) throw new NotFoundError(kind.type, globalId);
      if (!(await kind.authoredBy?.(this.db.manager, decoded.id, ownerId))) {
        errors.push(UserError.of(UserErrorCode.INVALID, `Evidence is your own work: you are not an author of this ${kind.type.toLowerCase()}.`, at));
        continue;
      }
      refs.push({ type: decoded.type as EvidenceKind, id: decoded.id });
    }
    return refs;
  }

  /** Of these items, those the viewer reads whole (not deleted, not hidden from them), as their nodes, in order. */
  async readable(context: RequestContext, refs: readonly EvidenceRef[]): Promise<Node[]> {
    if (refs.length === 0) return [];
    const shown = new Map<string, Node>();
    for (const type of new Set(refs.map((ref) => ref.type))) {
      const kind = this.registry.get(type);
      const load = this.nodes.loaderFor(type);
      if (!kind || !load) continue;
      const ids = refs.filter((ref) => ref.type === type).map((ref) => ref.id);
      const items = await kind.readable(context, ids);
      const readable = ids.filter((_, index) => items[index] && items[index].visible && !items[index].deleted);
      const nodes = readable.length > 0 ? await load(readable, context) : [];
      readable.forEach((id, index) => {
        const node = nodes[index];
        if (node) shown.set(`${type}:${id}`, node);
      });
    }
    return refs.flatMap((ref) => shown.get(`${ref.type}:${ref.id}`) ?? []);
  }
}
