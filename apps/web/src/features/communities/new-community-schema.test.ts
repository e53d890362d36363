import { describe, expect, it } from 'vitest';
import { newCommunitySchema } from './new-community-page';

describe('a new community', () => {
  const valid = { name: 'Cooperative di comunità', description: '', kind: 'THEMATIC' as const, territory: '', visibility: 'PUBLIC' as const };

  it('needs a name of 3 to 80 characters', () => {
    expect(newCommunitySchema.safeParse(valid).success).toBe(true);
    expect(newCommunitySchema.safeParse({ ...valid, name: 'ab' }).error?.issues[0]?.message).toBe('communities.settings.name.tooShort');
  });

  it('needs its territory when it is territorial', () => {
    expect(newCommunitySchema.safeParse({ ...valid, kind: 'TERRITORIAL' }).error?.issues[0]).toMatchObject({
      message: 'communities.new.territory.required',
      path: ['territory'],
    });
    expect(newCommunitySchema.safeParse({ ...valid, kind: 'TERRITORIAL', territory: 'IT-25' }).success).toBe(true);
  });
});
