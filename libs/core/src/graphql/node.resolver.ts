import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../context/request-context';
import { BadInputError } from './errors';
import { parseGlobalId } from './global-id';
import { Node } from './node';
import { NodeRegistry, type NodeLoad } from './node.registry';
import { MAX_PAGE_SIZE } from './connection';

@Resolver(() => Node)
export class NodeResolver {
  constructor(private readonly registry: NodeRegistry) {}

  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null when unknown or not visible.' })
  async node(@Args('id', { type: () => ID }) id: string, @Context() context: RequestContext): Promise<Node | null> {
    const [node] = await this.load([id], context);
    return node ?? null;
  }

  @Query(() => [Node], { nullable: 'items', description: `Several objects by global id (at most ${MAX_PAGE_SIZE}), in order.` })
  async nodes(
    @Args('ids', { type: () => [ID] }) ids: string[],
    @Context() context: RequestContext,
  ): Promise<(Node | null)[]> {
    if (ids.length > MAX_PAGE_SIZE) throw new BadInputError(`Ask for at most ${MAX_PAGE_SIZE} ids.`, ['ids']);
    return this.load(ids, context);
  }

  /** Malformed ids and unknown types read as "not found", as Relay expects. */
  private async load(ids: string[], context: RequestContext): Promise<(Node | null)[]> {
    const decoded = ids.map(parseGlobalId);
    const byType = new Map<string, { load: NodeLoad; dbIds: string[] }>();
    // A repeated id is loaded once and returned at each of its positions.
    const unique = new Set<string>();
    for (const id of decoded) {
      const load = id && this.registry.loaderFor(id.type);
      if (!id || !load || unique.has(`${id.type}:${id.id}`)) continue;
      unique.add(`${id.type}:${id.id}`);
      const group = byType.get(id.type) ?? { load, dbIds: [] };
      group.dbIds.push(id.id);
      byType.set(id.type, group);
    }
    const found = new Map<string, Node | null>();
    await Promise.all(
      [...byType].map(async ([type, { load, dbIds }]) => {
        const nodes = await load(dbIds, context);
        dbIds.forEach((dbId, index) => found.set(`${type}:${dbId}`, nodes[index] ?? null));
      }),
    );
    return decoded.map((id) => (id ? (found.get(`${id.type}:${id.id}`) ?? null) : null));
  }
}
