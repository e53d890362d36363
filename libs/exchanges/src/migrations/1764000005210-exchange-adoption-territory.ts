import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where each practice adopted at an exchange was taken up: the host
 * territory unless the outcomes name another (the visitors' own, after a
 * study visit), so that a later edit knows which adoption to keep.
 */
export class ExchangeAdoptionTerritory1764000005210 implements MigrationInterface {
  name = 'ExchangeAdoptionTerritory1764000005210';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE peer_exchange_adopted_practice ADD COLUMN territory_id uuid REFERENCES territory (id)`);
    await db.query(`
      UPDATE peer_exchange_adopted_practice a SET territory_id = e.host_territory_id FROM peer_exchange e WHERE e.id = a.exchange_id`);
    await db.query(`ALTER TABLE peer_exchange_adopted_practice ALTER COLUMN territory_id SET NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE peer_exchange_adopted_practice DROP COLUMN territory_id`);
  }
}
