import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../context/request-context';
import type { LoaderFactory } from './loaders';
import { registerNodeType, type Node } from './node';

/** Loads nodes of one type by database id, returning null for what the viewer may not see. */
export type NodeLoad = (ids: readonly string[], context: RequestContext) => Promise<(Node | null)[]>;

/**
 * Where each feature declares its node types, so `node(id:)` and `nodes(ids:)`
 * reach them without the core knowing any feature.
 */
@Injectable()
export class NodeRegistry {
  private readonly loads = new Map<string, NodeLoad>();

  register(typeName: string, model: abstract new (...args: never[]) => Node, load: NodeLoad): void {
    if (this.loads.has(typeName)) throw new Error(`Node type ${typeName} is registered twice`);
    registerNodeType(model, typeName);
    this.loads.set(typeName, load);
  }

  loaderFor(typeName: string): NodeLoad | undefined {
    return this.loads.get(typeName);
  }
}

/** A node load through a per-request DataLoader, for types every viewer may see. */
export function publicNodeLoad<E>(byId: LoaderFactory<string, E | null>, toNode: (entity: E) => Node): NodeLoad {
  return async (ids, context) =>
    (await context.loaders.get(byId).loadMany(ids)).map((e) => (e && !(e instanceof Error) ? toNode(e) : null));
}
