import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';

const PREVIEW = `query($markdown: String!) { markdownPreview(markdown: $markdown) }`;

describe('markdownPreview', () => {
  let t: TestApp;
  let writer: TestUser;
  let busy: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ MUTATION_RATE_LIMIT_PER_USER: '5' });
    [writer, busy] = await Promise.all([t.users.create(), t.users.create()]);
  });
  afterAll(() => t.close());

  it('renders Markdown as a post publishes it: mentions linked, quotes without their source line', async () => {
    const { markdownPreview } = await t.client.as(writer.accessToken).data(PREVIEW, {
      markdown: '**Bold** and _italic_, ask @Marco.\n\n> [quote:abc]\n> Quoted words',
    });
    expect(markdownPreview).toContain('<strong>Bold</strong>');
    expect(markdownPreview).toContain('<em>italic</em>');
    expect(markdownPreview).toContain('href="/u/marco"');
    expect(markdownPreview).toContain('Quoted words');
    expect(markdownPreview).toContain('<blockquote class="quote" data-post="abc">');
  });

  it('sanitizes what could run in the page', async () => {
    const { markdownPreview } = await t.client.as(writer.accessToken).data(PREVIEW, {
      markdown: 'Hi <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>',
    });
    expect(markdownPreview).not.toContain('<script');
    expect(markdownPreview).not.toContain('href="javascript');
    expect(markdownPreview).not.toContain('<img');
    expect(markdownPreview).toContain('&lt;script&gt;');
  });

  it('refuses a text longer than a post may be, as bad input on the markdown argument', async () => {
    const { body } = await t.client.as(writer.accessToken).request(PREVIEW, { markdown: 'a'.repeat(20_001) });
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['markdown'] });
    expect(body.errors?.[0]?.message).toContain('20000');
    const { markdownPreview } = await t.client.as(writer.accessToken).data(PREVIEW, { markdown: 'é'.repeat(20_000) });
    expect(markdownPreview).toContain('é');
  });

  it('is for signed-in writers only', async () => {
    expect((await t.client.error(PREVIEW, { markdown: 'Hello' })).code).toBe('UNAUTHENTICATED');
  });

  it('counts against the per-person rate limit', async () => {
    const asBusy = t.client.as(busy.accessToken);
    for (let i = 0; i < 5; i++) await asBusy.data(PREVIEW, { markdown: `Draft ${i}` });
    const refused = await asBusy.error(PREVIEW, { markdown: 'One more' });
    expect(refused.code).toBe('RATE_LIMITED');
  });
});
