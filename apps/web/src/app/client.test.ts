import { Client, fetchExchange } from '@urql/core';
import { describe, expect, it, vi } from 'vitest';
import { ViewerScopedClient } from './client';

const newClient = () => new Client({ url: 'http://localhost/graphql', exchanges: [fetchExchange] });

describe('the viewer-scoped client', () => {
  it('sends loaders to the newest client at once, and components only once published', () => {
    const first = newClient();
    const second = newClient();
    const clients = new ViewerScopedClient(first, () => second);
    const listener = vi.fn();
    clients.subscribe(listener);
    const query = vi.spyOn(second, 'query');

    clients.renew();
    clients.loaders.query('{ __typename }', {});
    expect(query).toHaveBeenCalledTimes(1);
    expect(clients.snapshot()).toBe(first);
    expect(listener).not.toHaveBeenCalled();

    clients.publish();
    expect(clients.snapshot()).toBe(second);
    expect(listener).toHaveBeenCalledTimes(1);
    clients.publish();
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
