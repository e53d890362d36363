import type { AnyVariables, Client, TypedDocumentNode } from '@urql/core';
import { useQuery, type UseQueryResponse } from 'urql';
import { data, useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';

/** What every feature's routes are built with, per request on the server and once in the browser. */
export interface RouteContext {
  client: Client;
}

/** `features/<area>/routes.tsx` exports `routes` of this type; the app mounts them under the shell. */
export type FeatureRoutes = (context: RouteContext) => RouteObject[];

interface QueryLoaderData<V> {
  variables: V;
}

/** Answers the route with a real 404 page (and status). */
export function notFound(): never {
  throw data(null, { status: 404, statusText: 'Not Found' });
}

/**
 * A loader that runs `query` before the page renders, so the server answers with the data
 * in the HTML (and in the cache it hands to the browser), and the page reads it from the cache.
 * `required` picks the entity whose absence is a 404.
 */
export function queryLoader<D, V extends AnyVariables>(
  client: Client,
  query: TypedDocumentNode<D, V>,
  variablesOf: (args: LoaderFunctionArgs) => V,
  required?: (result: D) => unknown,
) {
  return async (args: LoaderFunctionArgs): Promise<QueryLoaderData<V>> => {
    const variables = variablesOf(args);
    const result = await client.query(query, variables).toPromise();
    if (result.error && !result.data) throw result.error;
    if (required && (!result.data || required(result.data) == null)) notFound();
    return { variables };
  };
}

/**
 * The page's side of {@link queryLoader}: the same query with the variables its loader used,
 * answered from the normalized cache and kept live by it.
 */
export function useRouteQuery<D, V extends AnyVariables>(query: TypedDocumentNode<D, V>): UseQueryResponse<D, V> {
  const { variables } = useLoaderData() as QueryLoaderData<V>;
  return useQuery<D, V>({ query, variables } as Parameters<typeof useQuery<D, V>>[0]);
}

const features = import.meta.glob<FeatureRoutes>('../features/*/routes.tsx', { eager: true, import: 'routes' });

/** Every feature's routes, in a stable order (their folder names). */
export function featureRoutes(context: RouteContext): RouteObject[] {
  return Object.entries(features)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([, routes]) => routes(context));
}
