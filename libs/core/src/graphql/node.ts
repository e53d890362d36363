import { Field, ID, InterfaceType } from '@nestjs/graphql';

const typeNames = new Map<abstract new (...args: never[]) => unknown, string>();

/** Records the GraphQL type name of a model class, so `Node` can resolve it. */
export function registerNodeType(model: abstract new (...args: never[]) => unknown, typeName: string): void {
  typeNames.set(model, typeName);
}

@InterfaceType('Node', {
  description: 'An object with a globally unique, opaque id.',
  resolveType: (value: object) => {
    const name = typeNames.get(value.constructor as abstract new (...args: never[]) => unknown);
    if (!name) throw new Error(`${value.constructor.name} is not a registered Node type`);
    return name;
  },
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id; use it with `node(id:)`.' })
  id!: string;

  /** The database primary key; never exposed. */
  dbId!: string;
}
