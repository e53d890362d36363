import type { ResultOf } from '../../app/graphql';
import type { PostFields, ThreadQuery } from './thread.queries';

export type Post = ResultOf<typeof PostFields>;
export type ReactionKind = Post['reactions'][number]['kind'];
type ThreadNode = NonNullable<ResultOf<typeof ThreadQuery>['node']>;
export type ThreadData = Extract<ThreadNode, { __typename: 'Thread' }>;
