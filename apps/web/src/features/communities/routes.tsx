import type { Client } from '@urql/core';
import type { FeatureRoutes } from '../../app/routing';
import { notFound, queryLoader } from '../../app/routing';
import { CommunitiesQuery, CommunityQuery, CommunityThreadsQuery } from './community.queries';

/** The community, asked again of the API in the browser when the cache holds no community (read anonymously). */
async function findCommunity(client: Client, slug: string) {
  let found = await client.query(CommunityQuery, { slug }).toPromise();
  if (!found.data?.community && typeof document !== 'undefined') {
    found = await client.query(CommunityQuery, { slug }, { requestPolicy: 'network-only' }).toPromise();
  }
  if (found.error && !found.data) throw found.error;
  return found.data?.community;
}

export const routes: FeatureRoutes = ({ client }) => [
  {
    id: 'community',
    path: 'communities/:slug',
    // Threads are filtered by the community's id, known once the community is loaded.
    loader: async ({ params, request }) => {
      const slug = params['slug'] ?? '';
      const community = await findCommunity(client, slug);
      if (!community) notFound();
      const threads = { community: community.id, after: new URL(request.url).searchParams.get('after') || null };
      const listed = await client.query(CommunityThreadsQuery, threads).toPromise();
      if (listed.error && !listed.data) throw listed.error;
      return { variables: { slug }, threads };
    },
    lazy: { Component: async () => (await import('./community-page')).CommunityPage },
  },
  {
    id: 'communities',
    path: 'communities',
    loader: queryLoader(client, CommunitiesQuery, () => ({})),
    lazy: { Component: async () => (await import('./communities-page')).CommunitiesPage },
  },
  // Read signed in only: no loader, the pages ask the API once the browser has restored the session.
  {
    id: 'community-new',
    path: 'communities/new',
    lazy: { Component: async () => (await import('./new-community-page')).NewCommunityPage },
  },
  {
    id: 'community-members',
    path: 'communities/:slug/members',
    lazy: { Component: async () => (await import('./members-page')).MembersPage },
  },
  {
    id: 'community-settings',
    path: 'communities/:slug/settings',
    lazy: { Component: async () => (await import('./settings-page')).SettingsPage },
  },
];
