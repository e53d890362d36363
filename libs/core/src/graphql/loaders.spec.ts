import { Loaders } from './loaders';

describe('Loaders.memo', () => {
  it('computes a key once per request that only reads', async () => {
    const loaders = new Loaders();
    let computed = 0;
    const decide = () => loaders.memo('thread-access:s1:t1', async () => ++computed);
    expect(await Promise.all([decide(), decide(), decide()])).toEqual([1, 1, 1]);
    expect(await loaders.memo('thread-access:s2:t1', async () => ++computed)).toBe(2);
  });

  it('computes every time once the request writes, so no decision outlives a write', async () => {
    const loaders = new Loaders();
    let computed = 0;
    await loaders.memo('k', async () => ++computed);
    loaders.willWrite();
    expect(await loaders.memo('k', async () => ++computed)).toBe(2);
    expect(await loaders.memo('k', async () => ++computed)).toBe(3);
  });
});
