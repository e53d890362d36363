import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Media of a practice or story, each with the consent of the people it shows.
 * A story's media must all be consented before it leaves DRAFT: the practice
 * keeps the count of its media without consent, written under its row lock by
 * every change of media or consent, so the UPDATE that submits or publishes it
 * reads the count on the row it changes (as it reads the required sections),
 * and a CHECK holds the rule for every other write.
 */
export class PracticeMedia1764000002100 implements MigrationInterface {
  name = 'PracticeMedia1764000002100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE practice_media (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practice (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('IMAGE', 'AUDIO', 'VIDEO', 'DOCUMENT')),
        -- A reference to a file published elsewhere today. Uploads will store files
        -- and name them by storage key: a medium has one or the other, never both.
        url text CHECK (url ~ '^https?://' AND char_length(url) <= 2000),
        file_key text CHECK (char_length(file_key) BETWEEN 1 AND 300),
        caption text NOT NULL DEFAULT '' CHECK (char_length(caption) <= 500),
        alt_text text NOT NULL DEFAULT '' CHECK (char_length(alt_text) <= 500),
        credit text NOT NULL DEFAULT '' CHECK (char_length(credit) <= 200),
        transcript text NOT NULL DEFAULT '' CHECK (char_length(transcript) <= 50000),
        position integer NOT NULL CHECK (position >= 1),
        consent_given_by text CHECK (char_length(consent_given_by) BETWEEN 1 AND 500),
        consent_given_on date,
        consent_use text CHECK (char_length(consent_use) BETWEEN 1 AND 1000),
        consent_recorded_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        consent_recorded_at timestamptz(3),
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT practice_media_one_source CHECK (num_nonnulls(url, file_key) = 1),
        CONSTRAINT practice_media_image_has_alt CHECK (kind <> 'IMAGE' OR btrim(alt_text) <> ''),
        CONSTRAINT practice_media_transcript_for_sound CHECK (kind IN ('AUDIO', 'VIDEO') OR transcript = ''),
        CONSTRAINT practice_media_consent_whole CHECK (
          (consent_given_by IS NULL) = (consent_given_on IS NULL) AND (consent_given_by IS NULL) = (consent_use IS NULL)
          AND (consent_given_by IS NULL) = (consent_recorded_at IS NULL))
      )`);
    await db.query(`CREATE INDEX practice_media_practice_idx ON practice_media (practice_id, position, id)`);
    await db.query(`ALTER TABLE practice ADD COLUMN media_without_consent integer NOT NULL DEFAULT 0 CHECK (media_without_consent >= 0)`);
    await db.query(`
      ALTER TABLE practice ADD CONSTRAINT practice_story_media_consented
        CHECK (status = 'DRAFT' OR kind <> 'STORY' OR media_without_consent = 0)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE practice DROP CONSTRAINT practice_story_media_consented, DROP COLUMN media_without_consent`);
    await db.query(`DROP TABLE practice_media`);
  }
}
