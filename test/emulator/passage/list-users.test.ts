import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { usePassageApi } from './passage-api.js';

type Item = Record<string, any>;

/** The filter format the spec requires, from the RFC 3339 the API sends. */
const filterTime = (rfc3339: string) => rfc3339.replace(/\.(\d{3})Z$/, '.$1000Z');
const ids = (users: Item[]) => users.map((u) => u.id);

describe('passage: list users, filters', () => {
  const { api, allUsers } = usePassageApi({ users: 80 });

  /** A case builds a query value and the equivalent plain predicate from the seeded users. */
  interface FilterCase {
    query: (users: Item[]) => string;
    expected: (user: Item, users: Item[]) => boolean;
  }
  const sample = (users: Item[]) => users.find((u) => u.email && u.phone && u.login_count > 3) as Item;
  const median = (users: Item[], key: string) =>
    [...users].map((u) => u[key]).sort()[Math.floor(users.length / 2)];
  const lastLogins = (users: Item[]) => users.filter((u) => !u.last_login_at.startsWith('0001'));

  const cases: Record<string, FilterCase> = {
    'identifier = e-mail (any case)': {
      query: (us) => `identifier=${encodeURIComponent(sample(us).email.toUpperCase())}`,
      expected: (u, us) => u.id === sample(us).id,
    },
    'identifier = phone': {
      query: (us) => `identifier=${encodeURIComponent(sample(us).phone)}`,
      expected: (u, us) => u.id === sample(us).id,
    },
    'identifier ne:': {
      query: (us) => `identifier=ne:${encodeURIComponent(sample(us).email)}`,
      expected: (u, us) => u.id !== sample(us).id,
    },
    'identifier like: substring': {
      query: () => 'identifier=like:GMAIL',
      expected: (u) => u.email.includes('gmail'),
    },
    'identifier like: % pattern': {
      query: () => `identifier=like:${encodeURIComponent('+1%')}`,
      expected: (u) => u.phone.startsWith('+1'),
    },
    'identifier not_like:': {
      query: () => 'identifier=not_like:gmail',
      expected: (u) => !u.email.includes('gmail'),
    },
    'identifier gt:': {
      query: () => 'identifier=gt:m',
      expected: (u) => (u.email !== '' && u.email > 'm') || (u.phone !== '' && u.phone > 'm'),
    },
    'identifier lt:': {
      query: () => 'identifier=lt:c',
      expected: (u) => (u.email !== '' && u.email < 'c') || (u.phone !== '' && u.phone < 'c'),
    },
    'id =': { query: (us) => `id=${us[5]?.id}`, expected: (u, us) => u.id === us[5]?.id },
    'id ne:': { query: (us) => `id=ne:${us[5]?.id}`, expected: (u, us) => u.id !== us[5]?.id },
    'id gt:': { query: () => 'id=gt:m', expected: (u) => u.id > 'm' },
    'id lt:': { query: () => 'id=lt:M', expected: (u) => u.id < 'M' },
    'id like: % pattern': {
      query: (us) => `id=like:${us[7]?.id.slice(0, 3)}%25`,
      expected: (u, us) => u.id.toLowerCase().startsWith(us[7]?.id.slice(0, 3).toLowerCase()),
    },
    'id not_like:': {
      query: (us) => `id=not_like:${us[7]?.id.slice(2, 6)}`,
      expected: (u, us) => !u.id.toLowerCase().includes(us[7]?.id.slice(2, 6).toLowerCase()),
    },
    'login_count =': {
      query: (us) => `login_count=${sample(us).login_count}`,
      expected: (u, us) => u.login_count === sample(us).login_count,
    },
    'login_count ne:0': { query: () => 'login_count=ne:0', expected: (u) => u.login_count !== 0 },
    'login_count gt:': { query: () => 'login_count=gt:20', expected: (u) => u.login_count > 20 },
    'login_count lt:': { query: () => 'login_count=lt:5', expected: (u) => u.login_count < 5 },
    'status =': { query: () => 'status=inactive', expected: (u) => u.status === 'inactive' },
    'status ne:': { query: () => 'status=ne:active', expected: (u) => u.status !== 'active' },
    'status gt:': { query: () => 'status=gt:inactive', expected: (u) => u.status > 'inactive' },
    'status lt:': { query: () => 'status=lt:inactive', expected: (u) => u.status < 'inactive' },
    'status like:': { query: () => 'status=like:act', expected: (u) => u.status.includes('act') },
    'status not_like:': { query: () => 'status=not_like:in%25', expected: (u) => !u.status.startsWith('in') },
    'email_verified =': { query: () => 'email_verified=true', expected: (u) => u.email_verified },
    'email_verified ne:': { query: () => 'email_verified=ne:true', expected: (u) => !u.email_verified },
    'email_verified gt:': { query: () => 'email_verified=gt:false', expected: (u) => u.email_verified },
    'email_verified lt:': { query: () => 'email_verified=lt:true', expected: (u) => !u.email_verified },
    'created_at =': {
      query: (us) => `created_at=${filterTime(us[3]?.created_at)}`,
      expected: (u, us) => u.created_at === us[3]?.created_at,
    },
    'created_at ne:': {
      query: (us) => `created_at=ne:${filterTime(us[3]?.created_at)}`,
      expected: (u, us) => u.created_at !== us[3]?.created_at,
    },
    'created_at gt:': {
      query: (us) => `created_at=gt:${filterTime(median(us, 'created_at'))}`,
      expected: (u, us) => u.created_at > median(us, 'created_at'),
    },
    'created_at lt:': {
      query: (us) => `created_at=lt:${filterTime(median(us, 'created_at'))}`,
      expected: (u, us) => u.created_at < median(us, 'created_at'),
    },
    'updated_at gt:': {
      query: (us) => `updated_at=gt:${filterTime(median(us, 'updated_at'))}`,
      expected: (u, us) => u.updated_at > median(us, 'updated_at'),
    },
    'updated_at lt:': {
      query: () => 'updated_at=lt:2025-06-01T00:00:00.000000Z',
      expected: (u) => u.updated_at < '2025-06-01T00:00:00.000Z',
    },
    'last_login_at =': {
      query: (us) => `last_login_at=${filterTime(lastLogins(us)[0]?.last_login_at)}`,
      expected: (u, us) => u.last_login_at === lastLogins(us)[0]?.last_login_at,
    },
    'last_login_at gt:': {
      query: (us) => `last_login_at=gt:${filterTime(median(lastLogins(us), 'last_login_at'))}`,
      expected: (u, us) => u.last_login_at > median(lastLogins(us), 'last_login_at'),
    },
    'last_login_at lt: (never-logged-in users have no value)': {
      query: () => 'last_login_at=lt:2025-06-01T00:00:00.000000Z',
      expected: (u) => !u.last_login_at.startsWith('0001') && u.last_login_at < '2025-06-01T00:00:00.000Z',
    },
    'last_login_at ne: (never-logged-in users match)': {
      query: (us) => `last_login_at=ne:${filterTime(lastLogins(us)[0]?.last_login_at)}`,
      expected: (u, us) => u.last_login_at !== lastLogins(us)[0]?.last_login_at,
    },
  };

  it.each(Object.entries(cases))('%s', async (_name, { query, expected }) => {
    const users = await allUsers();
    const want = users.filter((u) => expected(u, users));
    const response = await api(`/users?limit=500&${query(users)}`);
    expect(response.status).toBe(200);
    expect(ids(response.body.users)).toEqual(ids(want));
    expect(response.body.total_users).toBe(want.length);
    expect(want.length).toBeGreaterThan(0);
  });

  it('combines filters with AND', async () => {
    const users = await allUsers();
    const want = users.filter((u) => u.status === 'active' && u.login_count > 10 && u.email_verified);
    const response = await api('/users?limit=500&status=active&login_count=gt:10&email_verified=true');
    expect(ids(response.body.users)).toEqual(ids(want));
  });

  it('treats an empty filter as no filter', async () => {
    const response = await api('/users?limit=500&status=&identifier=');
    expect(response.body.total_users).toBe(80);
  });
});

describe('passage: list users, ordering', () => {
  const { api } = usePassageApi({ users: 60 });

  const compareBy =
    (terms: [string, 1 | -1][]) =>
    (a: Item, b: Item): number => {
      for (const [key, sign] of [...terms, ['id', 1] as [string, 1]]) {
        if (a[key] !== b[key]) return a[key] < b[key] ? -sign : sign;
      }
      return 0;
    };

  it.each([
    ['(default)', '', [['created_at', 1]]],
    ['id:DESC', 'id:DESC', [['id', -1]]],
    [
      'login_count:DESC,created_at:ASC',
      'login_count:DESC,created_at:ASC',
      [
        ['login_count', -1],
        ['created_at', 1],
      ],
    ],
    [
      'status:asc,last_login_at:desc',
      'status:asc,last_login_at:desc',
      [
        ['status', 1],
        ['last_login_at', -1],
      ],
    ],
    ['email_verified:DESC', 'email_verified:DESC', [['email_verified', -1]]],
    ['updated_at:ASC', 'updated_at:ASC', [['updated_at', 1]]],
  ] as [string, string, [string, 1 | -1][]][])('orders by %s', async (_name, orderBy, terms) => {
    const response = await api(`/users?limit=500${orderBy ? `&order_by=${orderBy}` : ''}`);
    expect(response.status).toBe(200);
    const users: Item[] = response.body.users;
    expect(ids(users)).toEqual(ids([...users].sort(compareBy(terms))));
  });
});

describe('passage: list users, pagination', () => {
  const { api, emulator } = usePassageApi({ users: 47 });

  it('walks every page by _links.next with no gap or duplicate', async () => {
    const seen: string[] = [];
    let href: string = (await api('/users?limit=10&order_by=login_count:DESC')).body._links.self.href;
    const pages: number[] = [];
    while (href) {
      const response = await api(href.replace(/^\/apps\/[^/]+/, ''));
      expect(response.status).toBe(200);
      pages.push(response.body.page);
      seen.push(...ids(response.body.users));
      href = response.body._links.next.href;
    }
    expect(pages).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(seen).size).toBe(47);
    expect(seen).toHaveLength(47);
  });

  it('describes the pages in _links and echoes page, limit and total_users', async () => {
    const first = await api('/users?limit=10&status=active');
    const { created_before: anchor, total_users: total } = first.body;
    const appPath = `/apps/${emulator().keys.passageAppId}/users`;
    const query = 'limit=10&status=active';
    const href = (page: number) => ({ href: `${appPath}?${query}&page=${page}&created_before=${anchor}` });
    const none = { href: '' };
    const last = Math.ceil(total / 10);
    expect(first.body).toMatchObject({ page: 1, limit: 10 });
    expect(first.body._links).toEqual({
      first: href(1),
      last: href(last),
      next: href(2),
      previous: none,
      self: href(1),
    });
    const end = await api(`/users?${query}&page=${last}&created_before=${anchor}`);
    expect(end.body._links).toEqual({
      first: href(1),
      last: href(last),
      next: none,
      previous: href(last - 1),
      self: href(last),
    });
    const beyond = await api(`/users?${query}&page=${last + 3}&created_before=${anchor}`);
    expect(beyond.status).toBe(200);
    expect(beyond.body.users).toEqual([]);
    expect(beyond.body.total_users).toBe(total);
  });

  it('answers an empty result with one page and no next or previous', async () => {
    const response = await api('/users?identifier=nobody@nowhere.test');
    expect(response.body).toMatchObject({ total_users: 0, users: [], page: 1, limit: 20 });
    expect(response.body._links.next.href).toBe('');
    expect(response.body._links.previous.href).toBe('');
    expect(response.body._links.last.href).toContain('page=1');
  });

  it('keeps pages stable under a created_before anchor while users are created', async () => {
    const first = await api('/users?limit=10');
    const anchor: number = first.body.created_before;
    // The anchor is exclusive at second resolution: users created from that second on are out.
    await sleep(Math.max(0, anchor * 1000 - Date.now()));
    for (let i = 0; i < 5; i++) {
      expect((await api('/users', { method: 'POST', body: { email: `late${i}@example.com` } })).status).toBe(
        201,
      );
    }
    const seen = [...ids(first.body.users)];
    for (let page = 2; page <= 5; page++) {
      const response = await api(`/users?limit=10&page=${page}&created_before=${anchor}`);
      expect(response.body).toMatchObject({ created_before: anchor, total_users: 47 });
      seen.push(...ids(response.body.users));
    }
    expect(new Set(seen).size).toBe(47);
    expect((await api('/users?limit=10')).body.total_users).toBe(52);
  });

  it('lists only users created before an explicit anchor and echoes it', async () => {
    const response = await api('/users?limit=500&created_before=1735689600'); // 2025-01-01
    expect(response.body.created_before).toBe(1735689600);
    expect(response.body.users.every((u: Item) => u.created_at < '2025-01-01T00:00:00.000Z')).toBe(true);
    expect(response.body.total_users).toBeGreaterThan(0);
    expect(response.body.total_users).toBeLessThan(47);
  });

  it('serves list items in the slim 12-field shape', async () => {
    const [item] = (await api('/users?limit=1')).body.users;
    expect(Object.keys(item).sort()).toEqual([
      'created_at',
      'email',
      'email_verified',
      'external_id',
      'id',
      'last_login_at',
      'login_count',
      'phone',
      'phone_verified',
      'status',
      'updated_at',
      'user_metadata',
    ]);
  });
});

describe('passage: list users, validation', () => {
  const { api, stats } = usePassageApi();

  it.each([
    ['limit=0', 'limit: must be an integer from 1 to 500, got "0"'],
    ['limit=501', 'limit: must be an integer from 1 to 500, got "501"'],
    ['limit=ten', 'limit: must be an integer from 1 to 500, got "ten"'],
    ['limit=-1', 'limit: must be an integer from 1 to 500, got "-1"'],
    ['page=0', 'page: must be an integer of at least 1, got "0"'],
    ['page=1.5', 'page: must be an integer of at least 1, got "1.5"'],
    ['page=1&page=2', 'page: takes one value, got 2'],
    ['created_before=yesterday', 'created_before: must be a Unix timestamp in seconds, got "yesterday"'],
    ['order_by=identifier:ASC', 'order_by: cannot order by identifier'],
    [
      'order_by=email:ASC',
      'order_by: cannot order by "email"; use id, login_count, status, email_verified, created_at, updated_at, last_login_at',
    ],
    ['order_by=id', 'order_by: "id" must be <field>:<ASC|DESC>'],
    ['order_by=id:UP', 'order_by: "id:UP" must be <field>:<ASC|DESC>'],
    ['order_by=id:ASC,id:DESC', 'order_by: "id" is given twice'],
    [
      'order_by=id:ASC,',
      'order_by: cannot order by ""; use id, login_count, status, email_verified, created_at, updated_at, last_login_at',
    ],
    ['id=eq:abc', 'id: unknown operator "eq:"; use ne:, gt:, lt:, like:, not_like: or none for equals'],
    [
      'status=gte:active',
      'status: unknown operator "gte:"; use ne:, gt:, lt:, like:, not_like: or none for equals',
    ],
    ['status=deleted', 'status: must be one of active, inactive, pending, got "deleted"'],
    [
      'login_count=like:1',
      'login_count: the like: operator is not supported here; use no prefix (equals), ne:, gt:, lt:',
    ],
    ['login_count=many', 'login_count: must be an integer, got "many"'],
    ['login_count=gt:', 'login_count: must be an integer, got ""'],
    ['email_verified=yes', 'email_verified: must be true or false, got "yes"'],
    [
      'created_at=not_like:2024',
      'created_at: the not_like: operator is not supported here; use no prefix (equals), ne:, gt:, lt:',
    ],
    [
      'created_at=2024-01-01',
      'created_at: must be a timestamp like 2006-01-02T15:04:05.000000Z, got "2024-01-01"',
    ],
    [
      'updated_at=gt:2024-01-01T00:00:00Z',
      'updated_at: must be a timestamp like 2006-01-02T15:04:05.000000Z, got "2024-01-01T00:00:00Z"',
    ],
    [
      'last_login_at=2024-02-30T00:00:00.000000Z',
      'last_login_at: must be a timestamp like 2006-01-02T15:04:05.000000Z, got "2024-02-30T00:00:00.000000Z"',
    ],
    ['id=a&id=b', 'id: takes one value, got 2 (Passage has no "in" operator)'],
  ])('refuses %s with 400 naming the parameter', async (query, error) => {
    const response = await api(`/users?${query}`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ code: 'invalid_request', error });
    expect(stats().users).toBe(20);
  });

  it('accepts the limit bounds and ignores unknown parameters', async () => {
    expect((await api('/users?limit=1')).body.users).toHaveLength(1);
    expect((await api('/users?limit=500&unknown=1')).body.users).toHaveLength(20);
  });
});
