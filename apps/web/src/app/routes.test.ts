import { Client, fetchExchange } from '@urql/core';
import type { RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { appRoutes } from './app';
import { RESERVED_PATHS } from './reserved-paths';

function paths(routes: RouteObject[], parent = ''): string[] {
  return routes.flatMap((route) => {
    const path = route.path === undefined ? parent : route.path.startsWith('/') ? route.path : `${parent.replace(/\/$/, '')}/${route.path}`;
    return [...(route.path !== undefined ? [path] : []), ...paths(route.children ?? [], path)];
  });
}

describe('routes', () => {
  const routes = appRoutes({ client: new Client({ url: 'http://localhost/graphql', exchanges: [fetchExchange] }) });
  const all = paths(routes);

  it('mount every feature under the shell, with a catch-all 404 last', () => {
    expect(all).toEqual(expect.arrayContaining(['/', '/practices/:slug', '/*']));
    expect(all.at(-1)).toBe('/*');
  });

  it('never put a page where the API answers', () => {
    const clashes = all.filter((path) => RESERVED_PATHS.some((reserved) => path === reserved || path.startsWith(reserved.endsWith('/') ? reserved : `${reserved}/`)));
    expect(clashes).toEqual([]);
  });

  it('give every route an id of its own', () => {
    const ids: string[] = [];
    const walk = (list: RouteObject[]) => list.forEach((route) => (route.id && ids.push(route.id), walk(route.children ?? [])));
    walk(routes);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
