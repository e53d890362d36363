import { parse } from 'csv-parse/sync';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { MARCH, REPORT, api, seedScenario, unknownId, type Scenario } from './support';

const BOM = '\uFEFF';

describe('GET /reports/activity.csv', () => {
  let t: TestApp;
  let s: Scenario;

  beforeAll(async () => {
    t = await startTestApp({ EXPOSE_SQL_STATEMENT_COUNT: 'true' });
    s = await seedScenario(t);
  });
  afterAll(() => t.close());

  const download = (user: TestUser | null, query: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${t.baseUrl}/reports/activity.csv?${new URLSearchParams(query)}`, {
      headers: { ...(user ? { authorization: `Bearer ${user.accessToken}` } : {}), ...headers },
    });
  const lecco = () => ({ territoryId: s.territories.lecco.globalId, ...MARCH });

  /** The file as text, without decoding away its byte order mark. */
  const text = async (response: Response) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());

  it('serves the report for an Italian spreadsheet: BOM, CRLF, semicolons, decimal commas, ISO dates', async () => {
    const response = await download(s.coordinator, lecco());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="attivita-lecco-2025-03-01-2025-03-31.csv"');
    const csv = await text(response);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(csv.split('\r\n')[0]).toBe(`${BOM}Ambito;Dal;Al;Periodo;Indicatore;Valore`);

    const rows: string[][] = parse(csv, { bom: true, delimiter: ';', record_delimiter: '\r\n' });
    expect(rows[0]).toEqual(['Ambito', 'Dal', 'Al', 'Periodo', 'Indicatore', 'Valore']);
    expect(rows.every((row) => row.length === 6)).toBe(true);
    const total = (figure: string) => rows.find((row) => row[3] === 'totale' && row[4] === figure);
    expect(total('Discussioni avviate')).toEqual(['Territorio: Lecco', '2025-03-01', '2025-03-31', 'totale', 'Discussioni avviate', '5']);
    expect(total('Messaggi')?.[5]).toBe('11');
    expect(total('Membri attivi')?.[5]).toBe('5');
    // One question in three, as a percentage with a decimal comma.
    expect(total('Quota di domande con risposta entro 48 ore (%)')?.[5]).toBe('33,33');
    expect(total('Tempo mediano alla prima risposta (ore)')?.[5]).toBe('4');
    expect(total('Pratiche di altri territori adottate qui')?.[5]).toBe('1');
    // No exchange took place: no rows while no library counts them, zeros and empty rates once one does.
    const exchanges = rows.filter((row) => row[4]?.toLowerCase().includes('scambi') || row[4] === 'Valutazioni ricevute');
    expect([[], ['0', '0', '', '', '0']]).toContainEqual(exchanges.map((row) => row[5]));

    const weeks = rows.filter((row) => row[3] === 'settimana' && row[4] === 'Discussioni avviate');
    expect(weeks.map((row) => [row[1], row[2], row[5]])).toEqual([
      ['2025-03-01', '2025-03-02', '1'],
      ['2025-03-03', '2025-03-09', '1'],
      ['2025-03-10', '2025-03-16', '1'],
      ['2025-03-17', '2025-03-23', '2'],
      ['2025-03-24', '2025-03-30', '0'],
      ['2025-03-31', '2025-03-31', '0'],
    ]);
    // A share with nothing to divide is an empty cell, not 0.
    expect(rows.find((row) => row[1] === '2025-03-24' && row[4] === 'Quota di domande con risposta (%)')?.[5]).toBe('');
  });

  it('has the same figures as the query', async () => {
    const { activityReport } = await api(t).data(s.privateCoordinator, REPORT, { scope: { territoryId: s.territories.lecco.globalId }, ...MARCH });
    const rows: string[][] = parse(await text(await download(s.privateCoordinator, lecco())), { bom: true, delimiter: ';' });
    const value = (figure: string) => rows.find((row) => row[3] === 'totale' && row[4] === figure)?.[5];
    expect(value('Discussioni avviate')).toBe(String(activityReport.forum.threads));
    expect(value('Risposte')).toBe(String(activityReport.forum.replies));
    expect(value('Tempo mediano alla prima risposta (ore)')).toBe(String(activityReport.forum.medianHoursToFirstReply).replace('.', ','));
    expect(value('Pratiche pubblicate')).toBe(String(activityReport.practices.published));
    expect(activityReport.forum.medianHoursToFirstReply).toBe(3);
  });

  it('writes English, with commas and decimal points, when asked by ?lang=en or Accept-Language', async () => {
    for (const response of [
      await download(s.coordinator, { ...lecco(), lang: 'en' }),
      await download(s.coordinator, lecco(), { 'accept-language': 'en-GB,en;q=0.9,it;q=0.5' }),
    ]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="activity-lecco-2025-03-01-2025-03-31.csv"');
      const rows: string[][] = parse(await text(response), { bom: true, delimiter: ',' });
      expect(rows[0]).toEqual(['Scope', 'From', 'To', 'Period', 'Figure', 'Value']);
      expect(rows.find((row) => row[4] === 'Share of questions answered within 48 hours (%)')?.[5]).toBe('33.33');
      expect(rows.find((row) => row[4] === 'Threads started' && row[3] === 'total')?.[0]).toBe('Territory: Lecco');
    }
    // Italian stays the default, and ?lang wins over the header.
    const italian = await download(s.coordinator, { ...lecco(), lang: 'it' }, { 'accept-language': 'en' });
    expect((await text(italian)).split('\r\n')[0]).toBe(`${BOM}Ambito;Dal;Al;Periodo;Indicatore;Valore`);
    const french = await download(s.coordinator, lecco(), { 'accept-language': 'fr-FR, en;q=0' });
    expect((await text(french)).split('\r\n')[0]).toBe(`${BOM}Ambito;Dal;Al;Periodo;Indicatore;Valore`);
  });

  it('quotes what needs quoting', async () => {
    await t.db.query(`UPDATE community SET name = $2 WHERE id = $1`, [s.lecco.id, 'Lecco; "vicini" di casa']);
    const rows: string[][] = parse(await text(await download(s.coordinator, { communityId: s.lecco.globalId, ...MARCH })), { bom: true, delimiter: ';' });
    expect(rows[1]?.[0]).toBe('Comunità: Lecco; "vicini" di casa');
    await t.db.query(`UPDATE community SET name = $2 WHERE id = $1`, [s.lecco.id, s.lecco.name]);
  });

  it('is authorized like the query, each refusal typed with its HTTP status', async () => {
    const refusal = async (response: Response) => ({
      status: response.status,
      code: ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    });
    const signedOut = await download(null, lecco());
    expect(signedOut.headers.get('www-authenticate')).toBe('Bearer');
    expect(await refusal(signedOut)).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await refusal(await download(null, lecco(), { authorization: 'Basic abc' }))).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await refusal(await download(s.member, lecco()))).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(await refusal(await download(s.admin, { territoryId: unknownId('Territory'), ...MARCH }))).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(await refusal(await download(s.coordinator, { communityId: s.privateLecco.globalId, ...MARCH }))).toEqual({ status: 404, code: 'NOT_FOUND' });
  });

  it('refuses bad input with BAD_USER_INPUT naming the parameter', async () => {
    const refusal = async (response: Response) => ({
      status: response.status,
      ...((await response.json()) as { errors: { extensions: { code: string; field: string[] } }[] }).errors[0]?.extensions,
    });
    expect(await refusal(await download(s.admin, { ...lecco(), from: '2025-04-01' }))).toEqual({ status: 400, code: 'BAD_USER_INPUT', field: ['query', 'to'] });
    expect(await refusal(await download(s.admin, { ...lecco(), from: '2019-12-31' }))).toEqual({ status: 400, code: 'BAD_USER_INPUT', field: ['query', 'to'] });
    expect(await refusal(await download(s.admin, { ...lecco(), from: '01/03/2025' }))).toEqual({ status: 400, code: 'BAD_USER_INPUT', field: ['query', 'from'] });
    expect(await refusal(await download(s.admin, MARCH))).toEqual({ status: 400, code: 'BAD_USER_INPUT', field: ['query'] });
    expect(await refusal(await download(s.admin, { ...lecco(), projectId: s.project.globalId }))).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    expect(await refusal(await download(s.admin, { ...lecco(), lang: 'fr' }))).toEqual({ status: 400, code: 'BAD_USER_INPUT', field: ['query', 'lang'] });
    expect(await refusal(await download(s.admin, { ...lecco(), period: 'day' }))).toEqual({ status: 400, code: 'BAD_USER_INPUT', field: ['query', 'period'] });
    const twice = await fetch(`${t.baseUrl}/reports/activity.csv?territoryId=${s.territories.lecco.globalId}&from=2025-03-01&from=2025-03-02&to=2025-03-31`, {
      headers: { authorization: `Bearer ${s.admin.accessToken}` },
    });
    expect(await refusal(twice)).toEqual({ status: 400, code: 'BAD_USER_INPUT', field: ['query', 'from'] });
  });

  it('runs as many statements as the query', async () => {
    const count = async () => Number((await download(s.coordinator, lecco())).headers.get('x-sql-statements'));
    await count();
    expect(await count()).toBe(8);
  });
});
