import { HeavyOperationGate, ServerBusyError } from './heavy-operations';

describe('heavy operations', () => {
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  it('runs them one after another, in arrival order, and refuses past the queue', async () => {
    const gate = new HeavyOperationGate({ cost: 100, concurrency: 1, queue: 2 });
    const order: string[] = [];
    const first = await gate.enter();
    const second = gate.enter().then((leave) => (order.push('second'), leave));
    const third = gate.enter().then((leave) => (order.push('third'), leave));
    await expect(gate.enter()).rejects.toBeInstanceOf(ServerBusyError);
    await tick();
    expect(order).toEqual([]);
    first();
    first();
    (await second)();
    (await third)();
    expect(order).toEqual(['second', 'third']);
    // All turns ended: the next one starts at once.
    const again = await gate.enter();
    again();
  });

  it('calls only operations above the cost heavy', () => {
    const gate = new HeavyOperationGate({ cost: 100, concurrency: 1, queue: 2 });
    expect(gate.isHeavy(100)).toBe(false);
    expect(gate.isHeavy(101)).toBe(true);
  });
});
