import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a search can be narrowed by (type, places, tags and skills,
 * community) as keys in one array with one GIN index: a filtered search
 * reads that index once for all its filters and intersects it with the
 * words' index, so only the documents that pass the filters are read from
 * the table. Before, the type was checked on each row the words matched.
 * The places and tags indexes it replaces are dropped.
 */
export class SearchFilterKeys1764000006700 implements MigrationInterface {
  name = 'SearchFilterKeys1764000006700';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION search_filter_keys(type text, territory_ids uuid[], tags text[], skills text[], community_id uuid) RETURNS text[]
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT ARRAY['type:' || type]
                  || ARRAY(SELECT 'territory:' || t::text FROM unnest(territory_ids) AS t)
                  || ARRAY(SELECT DISTINCT 'tag:' || g FROM unnest(tags || skills) AS g)
                  || CASE WHEN community_id IS NULL THEN '{}'::text[] ELSE ARRAY['community:' || community_id::text] END $$`);
    await db.query(`
      ALTER TABLE search_document
        ADD COLUMN filter_keys text[] NOT NULL GENERATED ALWAYS AS (search_filter_keys(type, territory_ids, tags, skills, community_id)) STORED`);
    await db.query(`CREATE INDEX search_document_filter_keys_idx ON search_document USING gin (filter_keys)`);
    // By what they index, not by name: an index rebuilt aside (see `PostgresSearchEngine.rebuild`) names its indexes anew.
    const replaced: { name: string }[] = await db.query(`
      SELECT quote_ident(i.relname) AS name
        FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[0]
       WHERE x.indrelid = 'search_document'::regclass AND x.indnatts = 1 AND a.attname IN ('territory_ids', 'tags')`);
    for (const { name } of replaced) await db.query(`DROP INDEX ${name}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX search_document_territories_idx ON search_document USING gin (territory_ids)`);
    await db.query(`CREATE INDEX search_document_tags_idx ON search_document USING gin (tags)`);
    await db.query(`ALTER TABLE search_document DROP COLUMN filter_keys`);
    await db.query(`DROP FUNCTION search_filter_keys(text, uuid[], text[], text[], uuid)`);
  }
}
