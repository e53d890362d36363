import type { FeatureRoutes } from '../../app/routing';
import { notFound } from '../../app/routing';
import { CommunityQuery, CommunityThreadsQuery } from './community.queries';

export const routes: FeatureRoutes = ({ client }) => [
  {
    id: 'community',
    path: 'communities/:slug',
    // Threads are filtered by the community's id, known once the community is loaded.
    loader: async ({ params, request }) => {
      const slug = params['slug'] ?? '';
      const found = await client.query(CommunityQuery, { slug }).toPromise();
      if (found.error && !found.data) throw found.error;
      const community = found.data?.community;
      if (!community) notFound();
      const threads = { community: community.id, after: new URL(request.url).searchParams.get('after') || null };
      const listed = await client.query(CommunityThreadsQuery, threads).toPromise();
      if (listed.error && !listed.data) throw listed.error;
      return { variables: { slug }, threads };
    },
    lazy: { Component: async () => (await import('./community-page')).CommunityPage },
  },
];
