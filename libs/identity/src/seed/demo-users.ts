import type { EntityManager } from 'typeorm';
import { GlobalRole } from '@bottega/core';
import type { PasswordHasher } from '../lib/auth/password.hasher';
import { skeleton } from '../lib/users/identity-text';

/** Every demo account signs in with this password (shown in the README). */
export const DEMO_PASSWORD = 'bottega-demo-2026';

export const DEMO_USERS = {
  admin: { handle: 'giorgia', email: 'admin@bottega.example', displayName: 'Giorgia Amministratrice', role: GlobalRole.ADMIN },
  moderator: { handle: 'paolo', email: 'moderatore@bottega.example', displayName: 'Paolo Moderatore', role: GlobalRole.MODERATOR },
  chiara: { handle: 'chiara-colombo', email: 'chiara.colombo@bottega.example', displayName: 'Chiara Colombo', role: GlobalRole.USER },
  marco: { handle: 'marco-bianchi', email: 'marco.bianchi@bottega.example', displayName: 'Marco Bianchi', role: GlobalRole.USER },
  elena: { handle: 'elena-ferri', email: 'elena.ferri@bottega.example', displayName: 'Elena Ferri', role: GlobalRole.USER },
  luca: { handle: 'luca-sala', email: 'luca.sala@bottega.example', displayName: 'Luca Sala', role: GlobalRole.USER },
  sara: { handle: 'sara-esposito', email: 'sara.esposito@bottega.example', displayName: 'Sara Esposito', role: GlobalRole.USER },
  davide: { handle: 'davide-russo', email: 'davide.russo@bottega.example', displayName: 'Davide Russo', role: GlobalRole.USER },
  giulia: { handle: 'giulia-marchetti', email: 'giulia.marchetti@bottega.example', displayName: 'Giulia Marchetti', role: GlobalRole.USER },
  francesca: { handle: 'francesca-gallo', email: 'francesca.gallo@bottega.example', displayName: 'Francesca Gallo', role: GlobalRole.USER },
  anna: { handle: 'anna-ricci', email: 'anna.ricci@bottega.example', displayName: 'Anna Ricci', role: GlobalRole.USER },
  roberto: { handle: 'roberto-fontana', email: 'roberto.fontana@bottega.example', displayName: 'Roberto Fontana', role: GlobalRole.USER },
} as const;

export type DemoUserKey = keyof typeof DEMO_USERS;

/** Creates the demo accounts; returns their ids by key. */
export async function seedDemoUsers(
  manager: EntityManager,
  hasher: Pick<PasswordHasher, 'hash'>,
): Promise<Record<DemoUserKey, string>> {
  const passwordHash = await hasher.hash(DEMO_PASSWORD);
  const ids = {} as Record<DemoUserKey, string>;
  for (const [key, user] of Object.entries(DEMO_USERS) as [DemoUserKey, (typeof DEMO_USERS)[DemoUserKey]][]) {
    const [row] = (await manager.query(
      `INSERT INTO app_user (email, email_skeleton, handle, display_name, password_hash, role) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [user.email, skeleton(user.email), user.handle, user.displayName, passwordHash, user.role],
    )) as [{ id: string }];
    ids[key] = row.id;
  }
  return ids;
}
