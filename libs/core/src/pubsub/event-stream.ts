/** What a step makes of one event: a value to deliver, nothing ('skip'), or the end of the stream ('stop'). */
export type EventStep<T extends object> = T | 'skip' | 'stop';

/**
 * A subscription's stream over a source of events: each event goes through
 * `step`, in order. Unlike an async generator, whose `return()` waits behind
 * a pending `next()` (so a stopped subscription would hold its source until
 * the next event, which may never come), ending this stream ends the source
 * at once.
 */
export function eventStream<E, T extends object>(source: AsyncIterator<E>, step: (event: E) => Promise<EventStep<T>>): AsyncIterableIterator<T> {
  let ended = false;
  const end = async (): Promise<IteratorResult<T, undefined>> => {
    if (!ended) {
      ended = true;
      await source.return?.();
    }
    return { done: true, value: undefined };
  };
  const stream: AsyncIterableIterator<T> = {
    async next() {
      while (!ended) {
        const event = await source.next();
        if (event.done || ended) return end();
        let value: EventStep<T>;
        try {
          value = await step(event.value);
        } catch (error) {
          await end();
          throw error;
        }
        if (value === 'stop') return end();
        if (value !== 'skip') return { done: false, value };
      }
      return { done: true, value: undefined };
    },
    return: end,
    async throw(error: unknown) {
      await end();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}

/**
 * `first`, then what `source` yields. For a subscription that answers with the
 * state as it starts and then with each change: the source is subscribed
 * before the state is read, so no change falls between the two.
 */
export function startingWith<E>(first: E, source: AsyncIterator<E>): AsyncIterator<E> {
  let started = false;
  return {
    next() {
      if (started) return source.next();
      started = true;
      return Promise.resolve({ done: false, value: first });
    },
    return: async () => (await source.return?.()) ?? { done: true, value: undefined },
  };
}
