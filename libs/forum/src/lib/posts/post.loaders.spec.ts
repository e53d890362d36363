import { Loaders } from '@bottega/core';
import { ReactionKind } from './post.enums';
import { PostLoaders, reactionKey } from './post.loaders';
import type { PostRepository, ReactionCount } from './post.repository';

describe('post reactions loader', () => {
  it('loads the reactions of many posts seen by many viewers in one statement, each viewer seeing their own', async () => {
    const calls: [readonly string[], readonly string[]][] = [];
    const rows: ReactionCount[] = [
      { postId: 'p1', kind: ReactionKind.THANKS, count: 2, viewerIds: ['ada'] },
      { postId: 'p1', kind: ReactionKind.INSIGHTFUL, count: 1, viewerIds: ['bea'] },
      { postId: 'p2', kind: ReactionKind.THANKS, count: 1, viewerIds: [] },
    ];
    const posts = {
      reactionCounts: async (postIds: readonly string[], viewerIds: readonly string[]) => {
        calls.push([postIds, viewerIds]);
        return rows;
      },
    } as unknown as PostRepository;
    const loader = new Loaders().get(new PostLoaders(posts).reactions);
    const [ada, bea, anonymous, other] = await Promise.all([
      loader.load(reactionKey('p1', 'ada')),
      loader.load(reactionKey('p1', 'bea')),
      loader.load(reactionKey('p1', null)),
      loader.load(reactionKey('p2', 'ada')),
    ]);
    expect(calls).toEqual([[['p1', 'p2'], ['ada', 'bea']]]);
    expect(ada).toEqual([
      { kind: ReactionKind.THANKS, count: 2, mine: true },
      { kind: ReactionKind.INSIGHTFUL, count: 1, mine: false },
    ]);
    expect(bea?.map((r) => r.mine)).toEqual([false, true]);
    expect(anonymous?.map((r) => r.mine)).toEqual([false, false]);
    expect(other).toEqual([{ kind: ReactionKind.THANKS, count: 1, mine: false }]);
  });

  it("loads the expected readers' reactions with the first batch, so a later batch of the same event runs no statement", async () => {
    const calls: (readonly string[])[] = [];
    const posts = {
      reactionCounts: async (_postIds: readonly string[], viewerIds: readonly string[]) => {
        calls.push(viewerIds);
        return [{ postId: 'p1', kind: ReactionKind.THANKS, count: 1, viewerIds: ['bea'] }];
      },
    } as unknown as PostRepository;
    const loaders = new Loaders();
    for (const reader of ['ada', 'bea']) loaders.expectReader(reader);
    const loader = loaders.get(new PostLoaders(posts).reactions);
    expect(await loader.load(reactionKey('p1', 'cy'))).toEqual([{ kind: ReactionKind.THANKS, count: 1, mine: false }]);
    const [ada, bea] = await Promise.all([loader.load(reactionKey('p1', 'ada')), loader.load(reactionKey('p1', 'bea'))]);
    expect(calls).toEqual([['cy', 'ada', 'bea']]);
    expect(ada).toEqual([{ kind: ReactionKind.THANKS, count: 1, mine: false }]);
    expect(bea).toEqual([{ kind: ReactionKind.THANKS, count: 1, mine: true }]);
  });
});
