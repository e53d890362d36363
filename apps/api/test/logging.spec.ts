import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { GraphQLHttpClient, createTestDatabase, dropTestDatabase } from '@bottega/testing';
import { createApp } from '../src/bootstrap';
import { parseEnv } from '../src/config/env.schema';

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
}

const ERROR = 50;

describe('logs', () => {
  const lines: LogLine[] = [];
  let app: NestFastifyApplication;
  let client: GraphQLHttpClient;
  let url: string;

  beforeAll(async () => {
    url = await createTestDatabase();
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
        done();
      },
    });
    const config = parseEnv({ NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-characters', LOG_LEVEL: 'debug' });
    app = await createApp(config, url, pino({ level: 'debug' }, sink));
    await app.listen({ port: 0, host: '127.0.0.1' });
    client = new GraphQLHttpClient(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`);
  });
  afterAll(async () => {
    await app.close();
    await dropTestDatabase(url);
  });

  it('keeps ordinary client errors out of the error level', async () => {
    lines.length = 0;
    await client.request(`{ node(id: "VGhyZWFkOjAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMA") { id } community(slug: "nessuna") { id } }`);
    await client.request(`{ viewer { id } }`, {}, { authorization: 'Bearer not-a-token' });
    await client.request(`mutation { follow(input: { subjectId: "bad" }) { following } }`);
    await client.request(`{ threads(first: 1, after: "zzz") { totalCount } }`);
    const register = `mutation($input: RegisterInput!) { register(input: $input) { userErrors { code } } }`;
    const input = { email: 'doppia@example.org', displayName: 'Giulia Rossi', password: 'Quercia-Lanterna-Fiume-42' };
    await client.request(register, { input });
    expect((await client.request(register, { input })).body.data?.['register']).toEqual({ userErrors: [{ code: 'TAKEN' }] });
    expect(lines.filter((line) => line.level >= ERROR)).toEqual([]);
    expect(JSON.stringify(lines)).not.toMatch(/QueryFailedError|at .*\.js:\d+/);
  });

  it('logs a server fault at the error level, once, with the request id', async () => {
    lines.length = 0;
    await app.get(DataSource).query('ALTER TABLE organization RENAME TO organization_gone');
    try {
      const response = await client.request(`{ organizations { totalCount } }`, {}, { 'x-request-id': 'fault-123' });
      expect(response.body.errors?.[0]?.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await app.get(DataSource).query('ALTER TABLE organization_gone RENAME TO organization');
    }
    const errors = lines.filter((line) => line.level >= ERROR);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ msg: 'GraphQL operation failed', reqId: 'fault-123' });
  });
});
