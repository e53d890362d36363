import { fromGlobalId, parseGlobalId, toGlobalId } from './global-id';

const ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

describe('global ids', () => {
  it('round-trip a type and a uuid through an opaque url-safe string', () => {
    const globalId = toGlobalId('Territory', ID);
    expect(globalId).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(globalId).not.toContain(ID);
    expect(parseGlobalId(globalId)).toEqual({ type: 'Territory', id: ID });
  });

  it.each(['', 'not base64 !', toGlobalId('Territory', 'not-a-uuid'), toGlobalId('lowercase', ID), 'A'.repeat(300)])(
    'refuse %p',
    (value) => expect(parseGlobalId(value)).toBeNull(),
  );

  it('refuse an id of another type as BAD_USER_INPUT naming the field', () => {
    expect(() => fromGlobalId(toGlobalId('User', ID), 'Project', ['input', 'projectId'])).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: ['input', 'projectId'] } }),
    );
  });
});
