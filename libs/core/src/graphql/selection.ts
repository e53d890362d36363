import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getDirectiveValues,
  type FieldNode,
  type FragmentSpreadNode,
  type GraphQLResolveInfo,
  type InlineFragmentNode,
  type SelectionNode,
} from 'graphql';

/** Whether the field's selection (through fragments) holds `name`, unless `@skip` or `@include` leaves it out. */
export function selects(info: GraphQLResolveInfo, name: string): boolean {
  return info.fieldNodes.some((node) => fieldsNamed(info, node, name).length > 0);
}

/**
 * Whether a connection field's nodes (through `nodes` or `edges { node }`)
 * ask for `name`: a page's statement can then read it with each row.
 */
export function nodesSelect(info: GraphQLResolveInfo, name: string): boolean {
  return info.fieldNodes.some((connection) => {
    const nodes = [
      ...fieldsNamed(info, connection, 'nodes'),
      ...fieldsNamed(info, connection, 'edges').flatMap((edges) => fieldsNamed(info, edges, 'node')),
    ];
    return nodes.some((node) => fieldsNamed(info, node, name).length > 0);
  });
}

/** The fields named `name` in a field's selection, through fragments, as the operation's variables include them. */
function fieldsNamed(info: GraphQLResolveInfo, field: FieldNode, name: string): FieldNode[] {
  const found: FieldNode[] = [];
  const visit = (selections: readonly SelectionNode[]): void => {
    for (const selection of selections) {
      if (!included(info, selection)) continue;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === name) found.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet.selections);
      } else {
        const fragment = info.fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet.selections);
      }
    }
  };
  if (field.selectionSet) visit(field.selectionSet.selections);
  return found;
}

/** Whether `@skip` and `@include` keep the selection, as GraphQL's execution decides. */
function included(info: GraphQLResolveInfo, node: FieldNode | FragmentSpreadNode | InlineFragmentNode): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.['if'] === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.['if'] !== false;
}
