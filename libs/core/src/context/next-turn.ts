const waiting: (() => void)[] = [];
let scheduled = false;

/**
 * Resolves on a later turn of the event loop, one waiter per turn in arrival
 * order. A heavy operation's list loads await it before building their
 * results, so when many lists come back at once, other requests' input is
 * read between them instead of after all of them.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!scheduled) {
      scheduled = true;
      setImmediate(release);
    }
  });
}

function release(): void {
  waiting.shift()?.();
  if (waiting.length > 0) setImmediate(release);
  else scheduled = false;
}
