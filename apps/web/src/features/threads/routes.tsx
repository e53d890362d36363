import { redirect } from 'react-router';
import type { FeatureRoutes } from '../../app/routing';
import { notFound, queryLoader } from '../../app/routing';
import { PostThreadQuery, ThreadQuery } from './thread.queries';

export const routes: FeatureRoutes = ({ client }) => [
  {
    id: 'thread',
    path: 'threads/:id',
    loader: queryLoader(
      client,
      ThreadQuery,
      ({ params }) => ({ id: params['id'] ?? '' }),
      (data) => (data.node?.__typename === 'Thread' ? data.node : null),
    ),
    lazy: { Component: async () => (await import('./thread-page')).ThreadPage },
  },
  {
    // A post's permanent link: its thread, at the post.
    id: 'post',
    path: 'p/:id',
    loader: async ({ params }) => {
      const result = await client.query(PostThreadQuery, { id: params['id'] ?? '' }).toPromise();
      if (result.error && !result.data) throw result.error;
      const post = result.data?.node?.__typename === 'Post' ? result.data.node : null;
      if (!post) notFound();
      return redirect(`/threads/${encodeURIComponent(post.thread.id)}#post-${encodeURIComponent(post.id)}`, 301);
    },
  },
];
