import { CommunityFactory } from '@bottega/forum/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import {
  ADD_MEDIA,
  ARCHIVE,
  COMPLETE,
  CREATE,
  PUBLISH,
  RECORD_CONSENT,
  REMOVE_MEDIA,
  SUBMIT,
  UPDATE,
  UPDATE_MEDIA,
  WITHDRAW_CONSENT,
  api,
  state,
  unknownId,
} from './support';

const IMAGE = { kind: 'IMAGE', url: 'https://example.org/orto.jpg', caption: 'L’orto di via Padova', altText: 'Due anziane annaffiano i pomodori', credit: 'Foto di Marta' };
const AUDIO = { kind: 'AUDIO', url: 'http://example.org/voce.mp3', caption: 'La voce di Ugo', transcript: 'Qui ho trovato amici.' };
const CONSENT = { givenBy: 'Ugo Bassi, Rina Bassi', givenOn: '2024-03-01', use: 'Pubblicazione su Bottega e nel rapporto del progetto' };
const PAGE = `query($slug: String!) { practice(slug: $slug) { media { id position caption consented consent { givenBy } } } }`;
const NODE = `query($id: ID!) { node(id: $id) { id ... on PracticeMedia { caption } } }`;

describe('media of practices and stories, with consent', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let [author, coAuthor, coordinator, member, outsider, moderator]: TestUser[] = [];
  let community: { globalId: string };
  let privateCommunity: { globalId: string };

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    const { users } = t;
    [author, coAuthor, coordinator, member, outsider, moderator] = await Promise.all([
      users.create(),
      users.create(),
      users.create(),
      users.create(),
      users.create(),
      users.moderator().create(),
    ]);
    const communities = new CommunityFactory(t.db);
    community = await communities.create({ coordinatorId: coordinator!.id, memberIds: [member!.id, author!.id] });
    privateCommunity = await communities.create({ visibility: 'PRIVATE', coordinatorId: coordinator!.id, memberIds: [member!.id, author!.id] });
  });
  afterAll(() => t.close());

  async function draft(input: Record<string, unknown> = {}): Promise<{ id: string; slug: string }> {
    const result = await call.data(author!, CREATE, {
      input: { title: 'Voci dall’orto', kind: 'STORY', communityId: community.globalId, coAuthorIds: [coAuthor!.globalId], ...COMPLETE, ...input },
    });
    expect(result.createPractice.userErrors).toEqual([]);
    return result.createPractice.practice;
  }

  async function add(practice: { id: string }, media: Record<string, unknown>, user: TestUser = author!) {
    const { addPracticeMedia } = await call.data(user, ADD_MEDIA, { input: { practiceId: practice.id, ...media } });
    expect(addPracticeMedia.userErrors).toEqual([]);
    return addPracticeMedia.media;
  }

  const submit = (practice: { id: string }) => call.data(author!, SUBMIT, { input: { practiceId: practice.id } });
  const publish = (practice: { id: string }) => call.data(coordinator!, PUBLISH, { input: { practiceId: practice.id } });

  it('adds media in order, describes, moves and removes them, and records consent', async () => {
    const practice = await draft();
    const image = await add(practice, IMAGE);
    expect(image).toMatchObject({ ...IMAGE, transcript: '', position: 1, consented: false, consent: null });
    const audio = await add(practice, { ...AUDIO, consent: { ...CONSENT, givenBy: '  Ugo Bassi ' } }, coAuthor!);
    expect(audio).toMatchObject({ position: 2, transcript: AUDIO.transcript, consented: true, consent: { givenBy: 'Ugo Bassi', recordedBy: { id: coAuthor!.globalId } } });
    const doc = await add(practice, { kind: 'DOCUMENT', url: 'https://example.org/rapporto.pdf' });

    const moved = await call.data(author!, UPDATE_MEDIA, { input: { mediaId: doc.id, position: 1, caption: ' Il rapporto ' } });
    expect(moved.updatePracticeMedia.userErrors).toEqual([]);
    expect(moved.updatePracticeMedia.media).toMatchObject({ position: 1, caption: 'Il rapporto' });
    expect(moved.updatePracticeMedia.practice.media.map((m: { id: string }) => m.id)).toEqual([doc.id, image.id, audio.id]);

    const consented = await call.data(coAuthor!, RECORD_CONSENT, { input: { mediaId: image.id, ...CONSENT } });
    expect(consented.recordMediaConsent.media).toMatchObject({ consented: true, consent: { ...CONSENT, recordedBy: { id: coAuthor!.globalId } } });

    const removed = await call.data(author!, REMOVE_MEDIA, { input: { mediaId: doc.id } });
    expect(removed.removePracticeMedia.media).toBeNull();
    expect(removed.removePracticeMedia.practice.media).toEqual([
      { id: image.id, position: 1 },
      { id: audio.id, position: 2 },
    ]);
    expect(await t.db.query(`SELECT media_without_consent FROM practice WHERE slug = $1`, [practice.slug])).toEqual([{ media_without_consent: 0 }]);
  });

  it('shows media exactly where the practice is, and their consent to its authors and reviewers only', async () => {
    const practice = await draft({ title: 'Storia privata', communityId: privateCommunity.globalId });
    const image = await add(practice, { ...IMAGE, consent: CONSENT });
    const sees = async (user: TestUser | null) => {
      const [page, node] = await Promise.all([call.data(user, PAGE, { slug: practice.slug }), call.data(user, NODE, { id: image.id })]);
      return { page: page.practice?.media.map((m: { consent: unknown }) => m.consent) ?? null, node: node.node !== null };
    };
    const consent = [{ givenBy: CONSENT.givenBy }];
    expect(await sees(author!)).toEqual({ page: consent, node: true });
    expect(await sees(coordinator!)).toEqual({ page: consent, node: true });
    for (const user of [null, outsider!, member!]) expect(await sees(user)).toEqual({ page: null, node: false });
    await submit(practice);
    await publish(practice);
    expect(await sees(member!)).toEqual({ page: [null], node: true });
    expect(await sees(moderator!)).toEqual({ page: consent, node: true });
    for (const user of [null, outsider!]) expect(await sees(user)).toEqual({ page: null, node: false });
  });

  it('refuses the anonymous, non-authors, unknown ids, bad input and practices in review or archived, changing nothing', async () => {
    const practice = await draft({ kind: 'PRACTICE' });
    const image = await add(practice, IMAGE);
    const inReview = await draft({ title: 'In revisione', kind: 'PRACTICE' });
    const inReviewMedia = await add(inReview, IMAGE);
    await submit(inReview);
    const archived = await draft({ title: 'Archiviata', kind: 'PRACTICE' });
    const archivedMedia = await add(archived, IMAGE);
    await submit(archived);
    await publish(archived);
    await call.data(author!, ARCHIVE, { input: { practiceId: archived.id } });
    const before = await state(t);

    const calls: [string, string, Record<string, unknown>][] = [
      ['addPracticeMedia', ADD_MEDIA, { practiceId: practice.id, ...IMAGE }],
      ['updatePracticeMedia', UPDATE_MEDIA, { mediaId: image.id, caption: 'Nuova' }],
      ['removePracticeMedia', REMOVE_MEDIA, { mediaId: image.id }],
      ['recordMediaConsent', RECORD_CONSENT, { mediaId: image.id, ...CONSENT }],
      ['withdrawMediaConsent', WITHDRAW_CONSENT, { mediaId: image.id }],
    ];
    for (const [name, document, input] of calls) {
      const code = (user: TestUser | null, given: Record<string, unknown>) => call.code(user, document, { input: given });
      const idField = 'practiceId' in input ? 'practiceId' : 'mediaId';
      expect({ name, code: await code(null, input) }).toEqual({ name, code: 'UNAUTHENTICATED' });
      // A coordinator reads the draft but does not write it; an outsider does not even read it.
      expect({ name, code: await code(coordinator!, input) }).toEqual({ name, code: 'FORBIDDEN' });
      expect({ name, code: await code(outsider!, input) }).toEqual({ name, code: 'NOT_FOUND' });
      expect({ name, code: await code(author!, { ...input, [idField]: unknownId(idField === 'practiceId' ? 'Practice' : 'PracticeMedia') }) }).toEqual({ name, code: 'NOT_FOUND' });
      expect({ name, code: await code(author!, { ...input, [idField]: community.globalId }) }).toEqual({ name, code: 'BAD_USER_INPUT' });
      for (const [closed, closedMedia] of [
        [inReview, inReviewMedia],
        [archived, archivedMedia],
      ]) {
        const refused = await call.data(author!, document, { input: { ...input, [idField]: idField === 'practiceId' ? closed.id : closedMedia.id } });
        expect({ name, codes: refused[name].userErrors.map((e: { code: string }) => e.code) }).toEqual({ name, codes: ['INVALID_STATE'] });
      }
    }

    const errors = async (document: string, name: string, input: Record<string, unknown>) =>
      (await call.data(author!, document, { input }))[name].userErrors.map((e: { field: string[]; code: string }) => [e.field.join('.'), e.code]);
    expect(await errors(ADD_MEDIA, 'addPracticeMedia', { practiceId: practice.id, kind: 'IMAGE', url: 'ftp://example.org/a.jpg', transcript: 'Parole' })).toEqual([
      ['input.url', 'INVALID'],
      ['input.altText', 'REQUIRED'],
      ['input.transcript', 'INVALID'],
    ]);
    expect(await errors(ADD_MEDIA, 'addPracticeMedia', { practiceId: practice.id, ...AUDIO, caption: 'x'.repeat(501), consent: { ...CONSENT, givenBy: ' ', givenOn: '2999-01-01' } })).toEqual([
      ['input.consent.givenBy', 'REQUIRED'],
      ['input.caption', 'TOO_LONG'],
      ['input.consent.givenOn', 'OUT_OF_RANGE'],
    ]);
    expect(await errors(UPDATE_MEDIA, 'updatePracticeMedia', { mediaId: image.id, altText: '  ' })).toEqual([['input.altText', 'REQUIRED']]);
    expect(await errors(UPDATE_MEDIA, 'updatePracticeMedia', { mediaId: image.id, position: 0 })).toEqual([['input.position', 'OUT_OF_RANGE']]);
    expect(await errors(UPDATE_MEDIA, 'updatePracticeMedia', { mediaId: image.id })).toEqual([['input', 'REQUIRED']]);
    expect(await errors(RECORD_CONSENT, 'recordMediaConsent', { mediaId: image.id, ...CONSENT, use: '' })).toEqual([['input.use', 'REQUIRED']]);
    expect(await state(t)).toEqual(before);
  });

  it('submits and publishes a story only once every medium has its consent, naming those that lack it', async () => {
    const story = await draft();
    const image = await add(story, IMAGE);
    const audio = await add(story, AUDIO);
    const before = await state(t);
    const refused = await submit(story);
    expect(refused.submitPracticeForReview.userErrors).toEqual([
      { field: ['practice', 'media', '1'], code: 'INVALID_STATE', message: `Record the consent of the people in “${IMAGE.caption}” before the story is submitted.` },
      { field: ['practice', 'media', '2'], code: 'INVALID_STATE', message: `Record the consent of the people in “${AUDIO.caption}” before the story is submitted.` },
    ]);
    expect(await state(t)).toEqual(before);

    // A practice (not a story) needs no consent to be submitted.
    const record = await draft({ kind: 'PRACTICE', title: 'Pratica con foto' });
    await add(record, IMAGE);
    expect((await submit(record)).submitPracticeForReview.practice.status).toBe('IN_REVIEW');

    for (const media of [image, audio]) await call.data(author!, RECORD_CONSENT, { input: { mediaId: media.id, ...CONSENT } });
    expect((await submit(story)).submitPracticeForReview.practice.status).toBe('IN_REVIEW');
    expect((await publish(story)).publishPractice.practice.status).toBe('PUBLISHED');

    // Published, the story takes new media only with their consent, and a withdrawn consent takes its medium away.
    const published = await state(t);
    const bare = await call.data(author!, ADD_MEDIA, { input: { practiceId: story.id, ...IMAGE } });
    expect(bare.addPracticeMedia.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_STATE']);
    const withdrawn = await call.data(author!, WITHDRAW_CONSENT, { input: { mediaId: image.id } });
    expect(withdrawn.withdrawMediaConsent.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_STATE']);
    expect(await state(t)).toEqual(published);
    await add(story, { ...IMAGE, consent: CONSENT });
    expect((await call.data(author!, REMOVE_MEDIA, { input: { mediaId: image.id } })).removePracticeMedia.userErrors).toEqual([]);

    // Nor does a published practice with media lacking consent become a story.
    const practice = await draft({ kind: 'PRACTICE', title: 'Diventerà storia' });
    await submit(practice);
    await publish(practice);
    await add(practice, IMAGE);
    const [{ version }] = await t.db.query(`SELECT version FROM practice WHERE slug = $1`, [practice.slug]);
    const beforeKind = await state(t);
    const toStory = await call.data(author!, UPDATE, { input: { practiceId: practice.id, version, kind: 'STORY' } });
    expect(toStory.updatePractice.userErrors.map((e: { field: string[]; code: string }) => [e.field.join('.'), e.code])).toEqual([['input.kind', 'INVALID_STATE']]);
    expect(await state(t)).toEqual(beforeKind);
  });

  it('never lets a story into review with a medium whose consent is being withdrawn at the same moment', async () => {
    const stories = await Promise.all(Array.from({ length: 8 }, (_, i) => draft({ title: `Storia in gara ${i}` })));
    const media = await Promise.all(stories.map((story) => add(story, { ...IMAGE, consent: CONSENT })));
    const results = await Promise.all(
      stories.map((story, i) =>
        Promise.all([submit(story), call.data(coAuthor!, WITHDRAW_CONSENT, { input: { mediaId: media[i]!.id } })]),
      ),
    );
    for (const [i, [submitted, withdrawn]] of results.entries()) {
      const inReview = submitted.submitPracticeForReview.practice !== null;
      const didWithdraw = withdrawn.withdrawMediaConsent.media !== null;
      // Exactly one wins: the story went to review with its consent, or the consent went and the story stayed a draft.
      expect({ i, inReview, didWithdraw }).toEqual({ i, inReview, didWithdraw: !inReview });
      if (!inReview) expect(submitted.submitPracticeForReview.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_STATE']);
    }
    expect(
      await t.db.query(
        `SELECT count(*)::int AS n FROM practice p WHERE p.kind = 'STORY' AND p.status <> 'DRAFT'
            AND EXISTS (SELECT 1 FROM practice_media m WHERE m.practice_id = p.id AND m.consent_given_by IS NULL)`,
      ),
    ).toEqual([{ n: 0 }]);
  });
});
