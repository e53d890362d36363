import { startTestApp, type TestApp } from './support/test-app';

// The web app's pages are tested in a browser (apps/web/e2e); here, how the API starts without them.
describe('web app serving', () => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('refuses to start with WEB_APP=on when the web app is not built, naming the command', async () => {
    await expect(startTestApp({ WEB_APP: 'on', WEB_DIST_DIR: 'tmp/no-web-build' })).rejects.toThrow(
      /The web app is not built in .*tmp\/no-web-build: run npm run build:web/,
    );
  });

  it('serves the API alone with WEB_APP=auto when the web app is not built', async () => {
    app = await startTestApp({ WEB_APP: 'auto', WEB_DIST_DIR: 'tmp/no-web-build' });
    expect((await fetch(`${app.baseUrl}/health/live`)).status).toBe(200);
    const page = await fetch(`${app.baseUrl}/`);
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).not.toContain('text/html');
    expect((await fetch(`${app.baseUrl}/lang/en`, { redirect: 'manual' })).status).toBe(404);
  });
});
