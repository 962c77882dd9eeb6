import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clerkUsers } from '../helpers/emulator-reads.js';
import { useUsergraph } from '../helpers/server.js';

const KEYS = { write: 'ops-test-write-key-0123456789', read: 'ops-test-read-key-0123456789' };
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const AUDIT_FILE = join(mkdtempSync(join(tmpdir(), 'usergraph-audit-')), 'audit.jsonl');

describe('request logs, the audit trail and metrics', () => {
  const { gql, url, logs, emulator } = useUsergraph(
    { users: 60 },
    {
      callerAuth: () => ({
        USERGRAPH_API_KEYS: `${sha256(KEYS.write)}:read+write,${sha256(KEYS.read)}:read`,
      }),
      env: { USERGRAPH_METRICS: 'true', USERGRAPH_AUDIT_LOG: AUDIT_FILE },
    },
  );
  const as = (key: string, extra: Record<string, string> = {}) => ({
    authorization: `Bearer ${key}`,
    ...extra,
  });
  const operationLines = () => logs().filter((line) => line.msg === 'operation');
  const auditLines = () => logs().filter((line) => line.audit === true);

  /** The sum of a counter's samples whose labels include every one given. */
  async function counter(name: string, labels: Record<string, string>): Promise<number> {
    const text = await (await fetch(url().replace('/graphql', '/metrics'))).text();
    let sum = 0;
    for (const line of text.split('\n')) {
      if (!line.startsWith(`${name}{`)) continue;
      if (Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`))) {
        sum += Number(line.slice(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  it('takes a well-formed x-request-id, sends it back and logs one line for the operation', async () => {
    const response = await fetch(url(), {
      method: 'POST',
      headers: as(KEYS.read, { 'content-type': 'application/json', 'x-request-id': 'req-abc.123' }),
      body: JSON.stringify({
        query: 'query OneClerkPage { users(provider: CLERK, first: 2) { edges { node { id email } } } }',
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req-abc.123');
    const line = operationLines().find((entry) => entry.requestId === 'req-abc.123');
    expect(line).toMatchObject({
      operation: 'OneClerkPage',
      kind: 'query',
      caller: 'api-key-2',
      status: 200,
      outcome: 'ok',
      upstream: {
        calls: 1,
        byRoute: [{ provider: 'clerk', method: 'GET', route: '/users', status: '200', count: 1 }],
      },
    });
    expect(line?.durationMs).toEqual(expect.any(Number));
    const text = JSON.stringify(logs());
    expect(text).not.toContain(KEYS.read);
    expect(text).not.toContain(KEYS.write);
  });

  it('replaces a malformed x-request-id with a new one', async () => {
    const response = await fetch(url(), {
      method: 'POST',
      headers: as(KEYS.read, { 'content-type': 'application/json', 'x-request-id': 'two words' }),
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs a refused caller with no caller id and outcome refused', async () => {
    const response = await fetch(url(), {
      method: 'POST',
      headers: as('not-a-key', { 'content-type': 'application/json', 'x-request-id': 'req-refused' }),
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(401);
    expect(operationLines().find((entry) => entry.requestId === 'req-refused')).toMatchObject({
      caller: null,
      status: 401,
      outcome: 'refused',
    });
  });

  it('a query for 50 Passage users with devices: the log line names 51 upstream calls, and the Passage counters rise by 51', async () => {
    const before = await counter('usergraph_upstream_calls_total', { provider: 'passage' });
    const batchesBefore = await counter('usergraph_loader_batch_size_sum', { loader: 'devices' });
    const { body } = await gql(
      'query FiftyWithDevices { users(provider: PASSAGE, first: 50) { edges { node { id email devices { id } } } } }',
      undefined,
      as(KEYS.read, { 'x-request-id': 'req-fifty' }),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.users.edges).toHaveLength(50);
    const line = operationLines().find((entry) => entry.requestId === 'req-fifty');
    expect(line?.upstream).toMatchObject({
      calls: 51,
      byRoute: expect.arrayContaining([
        { provider: 'passage', method: 'GET', route: '/apps/{id}/users', status: '200', count: 1 },
        {
          provider: 'passage',
          method: 'GET',
          route: '/apps/{id}/users/{id}/devices',
          status: '200',
          count: 50,
        },
      ]),
    });
    expect(await counter('usergraph_upstream_calls_total', { provider: 'passage' })).toBe(before + 51);
    // The 50 users' devices are one batch of 50 keys.
    expect(await counter('usergraph_loader_batch_size_sum', { loader: 'devices' })).toBe(batchesBefore + 50);
    expect(
      await counter('usergraph_operations_total', { operation: 'FiftyWithDevices', outcome: 'ok' }),
    ).toBe(1);
    // Seen by the operator, never an e-mail: the answer had 50 of them.
    const emails = body.data.users.edges.map((edge: { node: { email: string | null } }) => edge.node.email);
    const logged = JSON.stringify(logs());
    for (const email of emails.filter(Boolean)) expect(logged).not.toContain(email);
  });

  it('/metrics holds route templates, never a user id', async () => {
    const [user] = await clerkUsers(emulator(), 1);
    await gql('query($id: ID!) { user(id: $id) { id } }', { id: user.id }, as(KEYS.read));
    const text = await (await fetch(url().replace('/graphql', '/metrics'))).text();
    expect(text).toContain('route="/users"');
    expect(text).not.toContain(user.id);
  });

  it('audits banUser: done by a write key, refused (FORBIDDEN) for a read-only key, also in the audit file', async () => {
    const [user] = await clerkUsers(emulator(), 1);
    const ban = 'mutation Ban($id: ID!) { banUser(input: { userId: $id }) { __typename } }';
    const done = await gql(ban, { id: user.id }, as(KEYS.write, { 'x-request-id': 'req-ban' }));
    expect(done.body.data.banUser.__typename).toBe('BanUserPayload');
    const refused = await gql(ban, { id: user.id }, as(KEYS.read, { 'x-request-id': 'req-ban-refused' }));
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const expected = [
      {
        audit: true,
        requestId: 'req-ban',
        caller: 'api-key-1',
        action: 'banUser',
        userId: user.id,
        provider: 'clerk',
        outcome: 'done',
      },
      {
        audit: true,
        requestId: 'req-ban-refused',
        caller: 'api-key-2',
        action: 'banUser',
        userId: user.id,
        provider: 'clerk',
        outcome: 'refused',
        code: 'FORBIDDEN',
      },
    ];
    const banLines = auditLines().filter((line) => String(line.requestId).startsWith('req-ban'));
    expect(banLines).toEqual(expected.map((entry) => expect.objectContaining(entry)));
    const file = readFileSync(AUDIT_FILE, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => String(line.requestId).startsWith('req-ban'));
    expect(file).toEqual(expected.map((entry) => expect.objectContaining(entry)));
  });

  it('audits a typed failure as failed with its code', async () => {
    const { body } = await gql(
      'mutation { banUser(input: { userId: "user_nobody" }) { __typename } }',
      undefined,
      as(KEYS.write, { 'x-request-id': 'req-ban-missing' }),
    );
    expect(body.data.banUser.__typename).toBe('NotFoundError');
    expect(auditLines().find((line) => line.requestId === 'req-ban-missing')).toMatchObject({
      action: 'banUser',
      userId: 'user_nobody',
      outcome: 'failed',
      code: 'NOT_FOUND',
    });
  });
});
