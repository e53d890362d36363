import { SignJWT } from 'jose';
import type { Pool } from 'pg';
import { postGraphQL } from './http-load';
import { dbId } from './forum-pages';

export interface SignedIn {
  userId: string;
  accessToken: string;
  headers: Record<string, string>;
}

const REGISTER = `mutation Register($input: RegisterInput!) {
  register(input: $input) { viewer { id } session { accessToken } userErrors { code message } } }`;

/** A new account through the `register` mutation, signed in: its id and access token. */
export async function registerViewer(graphqlUrl: string): Promise<SignedIn> {
  const input = { email: 'bench-viewer@bench.example', displayName: 'Bench Viewer', password: 'Bench-Lanterna-Fiume-42' };
  const data = (await postGraphQL(graphqlUrl, JSON.stringify({ query: REGISTER, operationName: 'Register', variables: { input } }))) as {
    register?: { viewer?: { id: string } | null; session?: { accessToken: string } | null; userErrors?: unknown[] };
  };
  const viewer = data.register?.viewer;
  const accessToken = data.register?.session?.accessToken;
  if (!viewer || !accessToken) throw new Error(`register refused: ${JSON.stringify(data.register?.userErrors)}`);
  return { userId: dbId(viewer.id, 'User'), accessToken, headers: { authorization: `Bearer ${accessToken}` } };
}

const REPLY = `mutation Reply($input: ReplyToThreadInput!) { replyToThread(input: $input) { post { id } userErrors { code message } } }`;

/** Posts a reply as the viewer; resolves with the new post's global id. */
export async function reply(graphqlUrl: string, viewer: SignedIn, threadGlobalId: string, body: string): Promise<string> {
  const data = (await postGraphQL(
    graphqlUrl,
    JSON.stringify({ query: REPLY, operationName: 'Reply', variables: { input: { threadId: threadGlobalId, body } } }),
    viewer.headers,
  )) as { replyToThread?: { post?: { id: string } | null; userErrors?: unknown[] } };
  const id = data.replyToThread?.post?.id;
  if (!id) throw new Error(`replyToThread refused: ${JSON.stringify(data.replyToThread?.userErrors)}`);
  return id;
}

/**
 * Access tokens of `count` seeded accounts, each with a live session made
 * straight in the database and a token signed with the API's secret: readers
 * who are signed in, without paying a sign-in each.
 */
export async function signedInReaders(pool: Pool, jwtSecret: string, count: number): Promise<string[]> {
  const { rows } = await pool.query<{ sessionId: string; userId: string }>(
    `INSERT INTO auth_session (user_id, user_agent)
     SELECT id, 'bottega-bench' FROM app_user WHERE email LIKE 'bench-user-%' ORDER BY email LIMIT $1
     RETURNING id AS "sessionId", user_id AS "userId"`,
    [count],
  );
  if (rows.length < count) throw new Error(`only ${rows.length} seeded accounts to sign in, ${count} wanted`);
  const key = new TextEncoder().encode(jwtSecret);
  const now = Math.floor(Date.now() / 1000);
  return Promise.all(
    rows.map((row) =>
      new SignJWT({ sid: row.sessionId })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(row.userId)
        .setIssuer('bottega')
        .setIssuedAt(now)
        .setExpirationTime(now + 3_600)
        .sign(key),
    ),
  );
}
