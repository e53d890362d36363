import { startTestApp, type TestApp } from '@bottega/testing';

describe("the API's database connections", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('never compile statements just in time, whatever the server defaults to', async () => {
    const [{ jit }] = await t.db.query(`SHOW jit`);
    expect(jit).toBe('off');
  });
});
