import { nextTurn } from './next-turn';

describe('nextTurn', () => {
  it('releases waiters in order, one per turn of the event loop', async () => {
    let turn = 0;
    let ticking = true;
    const tick = () => {
      turn += 1;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const released: [string, number][] = [];
    await Promise.all(['a', 'b', 'c'].map((name) => nextTurn().then(() => released.push([name, turn]))));
    ticking = false;
    expect(released.map(([name]) => name)).toEqual(['a', 'b', 'c']);
    const turns = released.map(([, at]) => at);
    expect(turns[1]).toBeGreaterThan(turns[0] ?? Infinity);
    expect(turns[2]).toBeGreaterThan(turns[1] ?? Infinity);
  });
});
