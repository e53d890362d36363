import { Args, Context, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { isStaff } from '../access/principals';
import { type RequestContext } from '../context/request-context';
import { paginate, type ConnectionValue } from '../graphql/connection';
import { BadInputError } from '../graphql/errors';
import { fromGlobalId, parseGlobalId } from '../graphql/global-id';
import { Node } from '../graphql/node';
import { NodeRegistry } from '../graphql/node.registry';
import { AuditEntry, AuditEntryConnection, AuditLogArgs } from './audit-entry.model';
import { AuditLog } from './audit-log';

/** Only moderators and admins read the audit log. */
export const canReadAuditLog = isStaff;

@Resolver(() => AuditEntry)
export class AuditLogResolver {
  constructor(
    private readonly audit: AuditLog,
    private readonly nodes: NodeRegistry,
  ) {}

  @Query(() => AuditEntryConnection, { description: 'Moderation and administration actions, newest first. Moderators and admins.' })
  async auditLog(@Args() args: AuditLogArgs, @Context() context: RequestContext): Promise<ConnectionValue<AuditEntry>> {
    await context.authorize(canReadAuditLog);
    const { actor, subject } = args.filter ?? {};
    const decoded = subject ? parseGlobalId(subject) : null;
    if (subject && !decoded) throw new BadInputError(`"${subject}" is not a valid id.`, ['filter', 'subject']);
    const query = this.audit.query({ actorId: actor ? fromGlobalId(actor, 'User', ['filter', 'actor']) : null, subject: decoded });
    return paginate(
      query,
      [
        { expression: 'entry.createdAt', direction: 'DESC', value: (e) => e.createdAt.toISOString() },
        { expression: 'entry.id', direction: 'DESC', value: (e) => e.id },
      ],
      args,
      AuditEntry.from,
    );
  }

  @ResolveField(() => Node, { nullable: true, description: 'What was acted on, as it is now; null when it is gone.' })
  async subject(entry: AuditEntry, _args: unknown, context: RequestContext): Promise<Node | null> {
    const load = this.nodes.loaderFor(entry.subjectType);
    if (!load) return null;
    const [node] = await load([entry.subjectDbId], context);
    return node ?? null;
  }
}
