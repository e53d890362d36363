import type { FragmentOf } from '../../app/graphql';
import { readFragment } from '../../app/graphql';
import { NotificationFields } from './notifications.queries';

export type NotificationData = FragmentOf<typeof NotificationFields>;

/** Where a notification leads (the site's URL scheme) and what to call it; null when its subject is gone. */
export function subjectOf(notification: NotificationData): { href: string; title: string } | null {
  const { subject } = readFragment(NotificationFields, notification);
  if (!subject) return null;
  switch (subject.__typename) {
    case 'Thread':
      return { href: `/threads/${subject.id}`, title: subject.title };
    case 'Post':
      return { href: `/threads/${subject.thread.id}#post-${subject.id}`, title: subject.thread.title };
    case 'Practice':
      return { href: `/practices/${subject.slug}`, title: subject.title };
    case 'PracticeComment':
      return subject.practice ? { href: `/practices/${subject.practice.slug}`, title: subject.practice.title } : null;
    case 'PeerExchange':
      return { href: `/peer-exchanges/${subject.id}`, title: subject.title };
    case 'ExchangeRegistration':
    case 'PeerReviewInvitation':
      return subject.peerExchange ? { href: `/peer-exchanges/${subject.peerExchange.id}`, title: subject.peerExchange.title } : null;
    case 'User':
      return { href: `/u/${subject.handle}`, title: subject.displayName };
    case 'CompetenceProfile':
      return { href: `/u/${subject.user.handle}`, title: subject.user.displayName };
    case 'Community':
      return { href: `/communities/${subject.slug}`, title: subject.name };
    default:
      return null;
  }
}
