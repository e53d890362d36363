import { CommunityFactory } from '@bottega/forum/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { CANCEL, api, errorsOf, opened, unknownId, world, type World } from './support';
import { AFTERMATH, ATTENDANCE, CLOSE_FEEDBACK, FEEDBACK, aftermath, heldWith, reschedule } from './outcome-support';

describe('giveFeedback and closeFeedback', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let w: World;
  let people: TestUser[];

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    w = await world(t);
    people = await Promise.all(Array.from({ length: 5 }, () => t.users.create()));
  });
  afterAll(() => t.close());

  const give = async (user: TestUser | null, exchangeId: string, rating: number, comment?: string) =>
    (await call.data(user, FEEDBACK, { input: { exchangeId, rating, ...(comment === undefined ? {} : { comment }) } })).giveFeedback;
  const attend = (exchangeId: string, entries: [TestUser, string][]) =>
    call.data(w.coordinator, ATTENDANCE, { input: { exchangeId, entries: entries.map(([user, status]) => ({ userId: user.globalId, status })) } });
  const read = async (user: TestUser | null, id: string) => (await call.data(user, AFTERMATH, { id })).node;

  it('takes one rating per attendee, edited when given again, summed up for everyone, with comments for the organisers and their authors', async () => {
    const [a, b, c, d] = people as [TestUser, TestUser, TestUser, TestUser];
    const exchange = await heldWith(t, w, [a, b, c]);
    await attend(exchange.id, [
      [a, 'ATTENDED'],
      [b, 'ATTENDED'],
      [c, 'NO_SHOW'],
    ]);
    expect((await read(a, exchange.id)).viewerCanGiveFeedback).toBe(true);
    expect((await read(c, exchange.id)).viewerCanGiveFeedback).toBe(false);
    expect(await give(a, exchange.id, 3, '  Utile, ma troppo breve ')).toEqual({
      feedback: { rating: 3, comment: 'Utile, ma troppo breve', user: { id: a.globalId } },
      peerExchange: { feedbackSummary: { count: 1, average: 3, distribution: [0, 0, 1, 0, 0] } },
      userErrors: [],
    });
    expect((await give(b, exchange.id, 4)).userErrors).toEqual([]);
    // Given again: edited, not counted twice.
    expect((await give(a, exchange.id, 5, 'Ripensandoci, ottimo')).peerExchange.feedbackSummary).toEqual({ count: 2, average: 4.5, distribution: [0, 0, 0, 1, 1] });

    const asCoordinator = await read(w.coordinator, exchange.id);
    expect(asCoordinator.feedback).toEqual({
      totalCount: 2,
      nodes: [
        { rating: 5, comment: 'Ripensandoci, ottimo', user: { id: a.globalId } },
        { rating: 4, comment: null, user: { id: b.globalId } },
      ],
    });
    const asAttendee = await read(b, exchange.id);
    expect(asAttendee).toMatchObject({ viewerFeedback: { rating: 4, comment: null }, feedback: { totalCount: 1, nodes: [{ rating: 4, comment: null, user: { id: b.globalId } }] } });
    const asReader = await read(d, exchange.id);
    expect(asReader).toMatchObject({ feedbackSummary: { count: 2, average: 4.5 }, viewerFeedback: null, viewerCanGiveFeedback: false, feedback: { totalCount: 0, nodes: [] } });
    expect((await read(null, exchange.id)).feedback.totalCount).toBe(0);

    // Recorded as absent after all: their feedback goes with their attendance.
    await attend(exchange.id, [[b, 'NO_SHOW']]);
    expect((await read(d, exchange.id)).feedbackSummary).toEqual({ count: 1, average: 5, distribution: [0, 0, 0, 0, 1] });
  });

  it('refuses feedback from non-attendees, no-shows, anonymous callers, unknown exchanges and bad ratings, changing nothing', async () => {
    const [a, b, c] = people as [TestUser, TestUser, TestUser];
    const exchange = await heldWith(t, w, [a, b]);
    await attend(exchange.id, [
      [a, 'ATTENDED'],
      [b, 'NO_SHOW'],
    ]);
    const secret = await new CommunityFactory(t.db).create({ visibility: 'PRIVATE', coordinatorId: w.coordinator.id });
    const hidden = await heldWith(t, { ...w, community: secret }, []);
    const before = await aftermath(t);
    expect((await give(b, exchange.id, 4)).userErrors).toEqual([
      { field: ['input', 'exchangeId'], code: 'INVALID_STATE', message: 'You were recorded as absent: only those who attended give feedback.' },
    ]);
    expect((await give(c, exchange.id, 4)).userErrors).toEqual([{ field: ['input', 'exchangeId'], code: 'INVALID_STATE', message: 'Only those who attended give feedback.' }]);
    expect(errorsOf((await give(a, exchange.id, 6)).userErrors)).toEqual([['input.rating', 'OUT_OF_RANGE']]);
    expect(errorsOf((await give(a, exchange.id, 0)).userErrors)).toEqual([['input.rating', 'OUT_OF_RANGE']]);
    expect(errorsOf((await give(a, exchange.id, 4, 'x'.repeat(2001))).userErrors)).toEqual([['input.comment', 'TOO_LONG']]);
    expect(await call.code(a, FEEDBACK, { input: { exchangeId: exchange.id, rating: 4.5 } })).toBe('BAD_USER_INPUT');
    expect(await call.code(null, FEEDBACK, { input: { exchangeId: exchange.id, rating: 4 } })).toBe('UNAUTHENTICATED');
    expect(await call.code(a, FEEDBACK, { input: { exchangeId: unknownId('PeerExchange'), rating: 4 } })).toBe('NOT_FOUND');
    expect(await call.code(a, FEEDBACK, { input: { exchangeId: hidden.id, rating: 4 } })).toBe('NOT_FOUND');
    expect(await aftermath(t)).toEqual(before);
  });

  it('closes feedback when the organisers say so, or thirty days after the end', async () => {
    const [a, b] = people as [TestUser, TestUser];
    const exchange = await heldWith(t, w, [a, b]);
    await attend(exchange.id, [
      [a, 'ATTENDED'],
      [b, 'ATTENDED'],
    ]);
    await give(a, exchange.id, 4);
    const upcoming = await opened(t, w);
    const before = await aftermath(t);
    expect(await call.code(null, CLOSE_FEEDBACK, { input: { exchangeId: exchange.id } })).toBe('UNAUTHENTICATED');
    expect(await call.code(a, CLOSE_FEEDBACK, { input: { exchangeId: exchange.id } })).toBe('FORBIDDEN');
    expect(await call.code(w.coordinator, CLOSE_FEEDBACK, { input: { exchangeId: unknownId('PeerExchange') } })).toBe('NOT_FOUND');
    expect((await call.data(w.coordinator, CLOSE_FEEDBACK, { input: { exchangeId: upcoming.id } })).closeFeedback.userErrors).toEqual([
      { field: ['input', 'exchangeId'], code: 'INVALID_STATE', message: 'Feedback is taken once the exchange has taken place.' },
    ]);
    expect(await aftermath(t)).toEqual(before);

    const closed = (await call.data(w.coordinator, CLOSE_FEEDBACK, { input: { exchangeId: exchange.id } })).closeFeedback;
    expect(closed.userErrors).toEqual([]);
    expect(Date.parse(closed.peerExchange.feedbackClosesAt)).toBeLessThanOrEqual(Date.now());
    const afterClosing = await aftermath(t);
    const late = { field: ['input', 'exchangeId'], code: 'INVALID_STATE', message: 'Feedback on this exchange is closed.' };
    expect((await give(a, exchange.id, 5)).userErrors).toEqual([late]);
    expect((await give(b, exchange.id, 5)).userErrors).toEqual([late]);
    expect((await call.data(w.coordinator, CLOSE_FEEDBACK, { input: { exchangeId: exchange.id } })).closeFeedback.userErrors[0].message).toBe(
      'Feedback on this exchange is already closed.',
    );
    expect(await aftermath(t)).toEqual(afterClosing);
    expect((await read(a, exchange.id)).viewerCanGiveFeedback).toBe(false);

    // Thirty days after its end, without anyone closing it.
    const old = await heldWith(t, w, [a]);
    await attend(old.id, [[a, 'ATTENDED']]);
    await reschedule(t, old.id, 30 * 24 + 4, 30 * 24 + 1);
    expect((await read(a, old.id)).viewerCanGiveFeedback).toBe(false);
    expect((await give(a, old.id, 5)).userErrors).toEqual([late]);
    await reschedule(t, old.id, 29 * 24 + 4, 29 * 24 + 1);
    expect((await give(a, old.id, 5)).userErrors).toEqual([]);
    // A cancelled exchange takes none.
    const cancelled = await opened(t, w);
    await call.data(w.coordinator, CANCEL, { input: { exchangeId: cancelled.id, reason: 'Neve' } });
    await reschedule(t, cancelled.id, 4, 1);
    expect((await call.data(w.coordinator, CLOSE_FEEDBACK, { input: { exchangeId: cancelled.id } })).closeFeedback.userErrors[0].code).toBe('INVALID_STATE');
  });

  it('counts every attendee once when all rate at the same moment', async () => {
    const crowd = await Promise.all(Array.from({ length: 12 }, () => t.users.create()));
    const exchange = await heldWith(t, w, crowd, { capacity: 20 });
    await attend(exchange.id, crowd.map((person) => [person, 'ATTENDED'] as [TestUser, string]));
    const answers = await Promise.all(crowd.map((person, index) => give(person, exchange.id, (index % 5) + 1)));
    expect(answers.every((answer) => answer.userErrors.length === 0)).toBe(true);
    expect((await read(null, exchange.id)).feedbackSummary).toEqual({ count: 12, average: 33 / 12, distribution: [3, 3, 2, 2, 2] });
  });
});
