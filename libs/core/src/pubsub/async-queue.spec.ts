import { AsyncQueue } from './async-queue';

describe('AsyncQueue', () => {
  it('yields pushed values in order, to readers waiting before and after the push', async () => {
    const queue = new AsyncQueue<number>({ capacity: 10 });
    const early = queue.next();
    queue.push(1);
    queue.push(2);
    queue.push(3);
    expect(await early).toEqual({ value: 1, done: false });
    expect(await queue.next()).toEqual({ value: 2, done: false });
    expect(await queue.next()).toEqual({ value: 3, done: false });
    expect(queue.size).toBe(0);
  });

  it('keeps the newest values when full and reports the overflow once', async () => {
    const onOverflow = jest.fn();
    const queue = new AsyncQueue<number>({ capacity: 3, onOverflow });
    for (let i = 1; i <= 6; i++) queue.push(i);
    expect(onOverflow).toHaveBeenCalledTimes(1);
    expect(queue.size).toBe(3);
    const values = [(await queue.next()).value, (await queue.next()).value, (await queue.next()).value];
    expect(values).toEqual([4, 5, 6]);
  });

  it('ends on return(): pending and later reads are done, later pushes ignored, onClose called once', async () => {
    const onClose = jest.fn();
    const queue = new AsyncQueue<string>({ capacity: 5, onClose });
    const pending = queue.next();
    expect(await queue.return()).toEqual({ value: undefined, done: true });
    expect(await pending).toEqual({ value: undefined, done: true });
    queue.push('late');
    expect(await queue.next()).toEqual({ value: undefined, done: true });
    queue.close();
    await queue.return();
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(queue.isClosed).toBe(true);
  });

  it('discards buffered values when closed', async () => {
    const queue = new AsyncQueue<number>({ capacity: 5 });
    queue.push(1);
    queue.close();
    expect(await queue.next()).toEqual({ value: undefined, done: true });
  });

  it('ends and rejects on throw(), as an async generator does', async () => {
    const onClose = jest.fn();
    const queue = new AsyncQueue<number>({ capacity: 5, onClose });
    const error = new Error('stop');
    await expect(queue.throw(error)).rejects.toBe(error);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(await queue.next()).toEqual({ value: undefined, done: true });
  });

  it('works with for await, and breaking out calls return()', async () => {
    const onClose = jest.fn();
    const queue = new AsyncQueue<number>({ capacity: 5, onClose });
    queue.push(1);
    queue.push(2);
    const seen: number[] = [];
    for await (const value of queue) {
      seen.push(value);
      if (value === 2) break;
    }
    expect(seen).toEqual([1, 2]);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('refuses a capacity below one', () => {
    expect(() => new AsyncQueue({ capacity: 0 })).toThrow(/capacity/);
  });
});
