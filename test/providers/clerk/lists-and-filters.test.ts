import { describe, expect, it } from 'vitest';
import type { UserFilter, UserOrder } from '../../../src/providers/types.js';
import { failure, queryOf, useClerk } from './helpers.js';

const FIRST_PAGE = { offset: 0, limit: 10 };
const at = (iso: string) => new Date(iso);
const ms = (iso: string) => String(Date.parse(iso));

describe('Clerk provider: lists and filters', () => {
  const { clerk, seeded, logged } = useClerk();

  it('lists with one call, and pays for the count only when asked', async () => {
    const page = await clerk().listUsers({}, { offset: 5, limit: 7 }, undefined);
    expect(page.items).toHaveLength(7);
    expect(page.totalCount).toBeUndefined();
    expect(logged()).toHaveLength(1);
    expect(logged()[0]).toMatchObject({ route: '/users', query: 'limit=7&offset=5' });

    const all = await seeded();
    expect(page.items.map((user) => user.id)).toEqual(all.slice(5, 12).map((user) => user.id));
  });

  it('asks /users/count with the same filters, concurrently, when withTotal is set', async () => {
    const page = await clerk().listUsers({ banned: false, query: 'a' }, FIRST_PAGE, undefined, {
      withTotal: true,
    });
    const calls = logged();
    expect(calls.map((call) => call.route).sort()).toEqual(['/users', '/users/count']);
    const count = calls.find((call) => call.route === '/users/count')!;
    expect(queryOf(count)).toEqual({ banned: 'false', query: 'a' });
    const list = calls.find((call) => call.route === '/users')!;
    expect(queryOf(list)).toEqual({ banned: 'false', query: 'a', limit: '10', offset: '0' });
    expect(page.totalCount).toBeGreaterThanOrEqual(page.items.length);
  });

  it.each<[string, UserFilter, Record<string, string | string[]>]>([
    ['ids', { ids: ['user_a', 'user_b'] }, { user_id: ['user_a', 'user_b'] }],
    ['emails', { emails: ['a@example.com'] }, { email_address: 'a@example.com' }],
    [
      'phones',
      { phones: ['+15005550006', '+15005550007'] },
      { phone_number: ['+15005550006', '+15005550007'] },
    ],
    ['externalIds', { externalIds: ['ext-1'] }, { external_id: 'ext-1' }],
    ['usernames', { usernames: ['ada'] }, { username: 'ada' }],
    ['web3Wallets', { web3Wallets: ['0xabc'] }, { web3_wallet: '0xabc' }],
    ['organizationIds', { organizationIds: ['org_1'] }, { organization_id: 'org_1' }],
    ['query', { query: 'ada' }, { query: 'ada' }],
    ['emailQuery', { emailQuery: 'example' }, { email_address_query: 'example' }],
    ['phoneQuery', { phoneQuery: '555' }, { phone_number_query: '555' }],
    ['usernameQuery', { usernameQuery: 'ad' }, { username_query: 'ad' }],
    ['nameQuery', { nameQuery: 'love' }, { name_query: 'love' }],
    ['banned', { banned: true }, { banned: 'true' }],
    ['banned false', { banned: false }, { banned: 'false' }],
    [
      'lastActiveAt',
      { lastActiveAt: { after: at('2025-01-01T00:00:00Z'), before: at('2026-01-01T00:00:00Z') } },
      { last_active_at_after: ms('2025-01-01T00:00:00Z'), last_active_at_before: ms('2026-01-01T00:00:00Z') },
    ],
    [
      'createdAt (one end)',
      { createdAt: { after: at('2025-03-01T12:00:00.123Z') } },
      { created_at_after: ms('2025-03-01T12:00:00.123Z') },
    ],
    [
      'lastSignInAt',
      { lastSignInAt: { before: at('2025-06-01T00:00:00Z') } },
      { last_sign_in_at_before: ms('2025-06-01T00:00:00Z') },
    ],
  ])('translates the %s filter', async (_, filter, expected) => {
    await clerk().listUsers(filter, FIRST_PAGE, undefined);
    await clerk().countUsers(filter);
    const [list, count] = logged();
    expect(list).toMatchObject({ route: '/users', status: 200 });
    expect(queryOf(list)).toEqual({ ...expected, limit: '10', offset: '0' });
    expect(count).toMatchObject({ route: '/users/count', status: 200 });
    expect(queryOf(count)).toEqual(expected);
  });

  it('finds what the filters describe', async () => {
    const all = await seeded();
    const target = all.find((user) => user.external_id !== null)!;
    const page = await clerk().listUsers(
      { externalIds: [target.external_id], createdAt: { before: new Date(target.created_at + 1) } },
      FIRST_PAGE,
      undefined,
      { withTotal: true },
    );
    expect(page).toMatchObject({ items: [{ id: target.id }], totalCount: 1 });
    expect(await clerk().countUsers({})).toBe(all.length);
  });

  it('skips filters given as null or undefined', async () => {
    await clerk().listUsers(
      { query: undefined, banned: null } as unknown as UserFilter,
      FIRST_PAGE,
      undefined,
    );
    expect(queryOf(logged()[0])).toEqual({ limit: '10', offset: '0' });
  });

  it.each<[string, UserFilter]>([
    ['identifier', { identifier: { like: 'ada' } }],
    ['idCondition', { idCondition: { equals: 'x' } }],
    ['status', { status: 'ACTIVE' }],
    ['emailVerified', { emailVerified: true }],
    ['loginCount', { loginCount: { greaterThan: 1 } }],
    ['updatedAt', { updatedAt: { after: new Date() } }],
  ])('refuses the Passage-only filter %s before any call', async (field, filter) => {
    for (const attempt of [
      clerk().listUsers(filter, FIRST_PAGE, undefined, { withTotal: true }),
      clerk().countUsers(filter),
    ]) {
      const error = await failure(attempt);
      expect(error).toMatchObject({ code: 'INVALID_INPUT', provider: 'clerk' });
      expect(error.message).toContain(field);
    }
    expect(logged()).toHaveLength(0);
  });

  it.each(['ids', 'emails', 'phones', 'externalIds', 'usernames', 'web3Wallets', 'organizationIds'] as const)(
    'refuses more than 100 values in %s before any call',
    async (field) => {
      const values = Array.from({ length: 101 }, (_, i) => `value${i}`);
      const error = await failure(clerk().listUsers({ [field]: values }, FIRST_PAGE, undefined));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toBe(`filter ${field} takes 1 to 100 values, got 101`);
      expect(logged()).toHaveLength(0);
    },
  );

  it.each<[string, UserFilter, string]>([
    ['an empty list', { ids: [] }, 'filter ids takes 1 to 100 values, got 0'],
    ['an empty value', { emails: ['a@example.com', ''] }, 'filter emails must not hold empty values'],
    ['a blank value', { usernames: ['  '] }, 'filter usernames must not hold empty values'],
  ])('refuses %s, which Clerk would ignore and so list everyone', async (_, filter, message) => {
    const error = await failure(clerk().listUsers(filter, FIRST_PAGE, undefined));
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message });
    expect(logged()).toHaveLength(0);
  });

  it('accepts exactly 100 values', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => `user_${i}`);
    await clerk().listUsers({ ids }, FIRST_PAGE, undefined);
    expect(queryOf(logged()[0]).user_id).toHaveLength(100);
  });

  it.each([
    [{ offset: 0, limit: 0 }, 'limit must be an integer from 1 to 500, got 0'],
    [{ offset: 0, limit: 501 }, 'limit must be an integer from 1 to 500, got 501'],
    [{ offset: 0, limit: 2.5 }, 'limit must be an integer from 1 to 500, got 2.5'],
    [{ offset: -1, limit: 10 }, 'offset must be an integer ≥ 0, got -1'],
  ])('refuses the page %j before any call', async (page, message) => {
    const error = await failure(clerk().listUsers({}, page, undefined, { withTotal: true }));
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message });
    expect(logged()).toHaveLength(0);
  });

  it.each<[UserOrder, string]>([
    [{ field: 'CREATED_AT', direction: 'ASC' }, '+created_at'],
    [{ field: 'CREATED_AT', direction: 'DESC' }, '-created_at'],
    [{ field: 'UPDATED_AT', direction: 'DESC' }, '-updated_at'],
    [{ field: 'LAST_SIGN_IN_AT', direction: 'ASC' }, '+last_sign_in_at'],
    [{ field: 'LAST_ACTIVE_AT', direction: 'DESC' }, '-last_active_at'],
    [{ field: 'EMAIL', direction: 'ASC' }, '+email_address'],
    [{ field: 'PHONE', direction: 'ASC' }, '+phone_number'],
    [{ field: 'USERNAME', direction: 'DESC' }, '-username'],
    [{ field: 'FIRST_NAME', direction: 'ASC' }, '+first_name'],
    [{ field: 'LAST_NAME', direction: 'DESC' }, '-last_name'],
  ])('orders by %j as order_by=%s', async (order, expected) => {
    await clerk().listUsers({}, FIRST_PAGE, order);
    expect(logged()[0]).toMatchObject({ route: '/users', status: 200 });
    expect(queryOf(logged()[0]).order_by).toBe(expected);
  });

  it('orders the way it says', async () => {
    const page = await clerk().listUsers(
      {},
      { offset: 0, limit: 500 },
      { field: 'CREATED_AT', direction: 'ASC' },
    );
    const times = page.items.map((user) => user.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it.each(['ID', 'LOGIN_COUNT', 'STATUS'] as const)(
    'refuses ordering by %s before any call',
    async (field) => {
      const error = await failure(clerk().listUsers({}, FIRST_PAGE, { field, direction: 'ASC' }));
      expect(error).toMatchObject({ code: 'INVALID_INPUT', message: `Clerk cannot order users by ${field}` });
      expect(logged()).toHaveLength(0);
    },
  );
});
