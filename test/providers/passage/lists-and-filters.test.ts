import { describe, expect, it } from 'vitest';
import type { PageRequest, UserFilter, UserOrder } from '../../../src/providers/types.js';
import { failure, USERS_ROUTE, usePassageProvider } from './helpers.js';

const PAGE: PageRequest = { offset: 0, limit: 10 };

describe('passage provider: lists and filters', () => {
  const { emulator, provider, upstream, seededUsers, arranged } = usePassageProvider({ users: 60 });

  describe('filter translation', () => {
    it.each<[string, UserFilter, Record<string, string>]>([
      ['no filter', {}, {}],
      ['one id', { ids: ['AbCdEf123'] }, { id: 'AbCdEf123' }],
      ['an empty id list (no filter)', { ids: [] }, {}],
      ['one e-mail, lowercased', { emails: ['Ann@Example.COM'] }, { identifier: 'ann@example.com' }],
      ['one phone', { phones: ['+15005550006'] }, { identifier: '+15005550006' }],
      ['free text', { query: 'Smith' }, { identifier: 'like:smith' }],
      ['identifier equals', { identifier: { equals: 'a@b.io' } }, { identifier: 'a@b.io' }],
      ['identifier ne:', { identifier: { notEquals: 'a@b.io' } }, { identifier: 'ne:a@b.io' }],
      ['identifier gt:', { identifier: { greaterThan: 'm' } }, { identifier: 'gt:m' }],
      ['identifier lt:', { identifier: { lessThan: 'c' } }, { identifier: 'lt:c' }],
      ['identifier like:', { identifier: { like: '%@gmail.com' } }, { identifier: 'like:%@gmail.com' }],
      ['identifier not_like:', { identifier: { notLike: 'gmail' } }, { identifier: 'not_like:gmail' }],
      ['id condition equals', { idCondition: { equals: 'AbC' } }, { id: 'AbC' }],
      ['id condition ne:, case kept', { idCondition: { notEquals: 'AbC' } }, { id: 'ne:AbC' }],
      ['id condition like:', { idCondition: { like: 'Ab' } }, { id: 'like:Ab' }],
      ['id condition not_like:', { idCondition: { notLike: 'Ab' } }, { id: 'not_like:Ab' }],
      ['status', { status: 'INACTIVE' }, { status: 'inactive' }],
      ['e-mail verified', { emailVerified: true }, { email_verified: 'true' }],
      ['e-mail not verified', { emailVerified: false }, { email_verified: 'false' }],
      ['login count equals', { loginCount: { equals: 3 } }, { login_count: '3' }],
      ['login count ne:', { loginCount: { notEquals: 0 } }, { login_count: 'ne:0' }],
      ['login count gt:', { loginCount: { greaterThan: 10 } }, { login_count: 'gt:10' }],
      ['login count lt:', { loginCount: { lessThan: 5 } }, { login_count: 'lt:5' }],
      [
        'created after',
        { createdAt: { after: new Date('2024-05-01T12:00:00.123Z') } },
        { created_at: 'gt:2024-05-01T12:00:00.123000Z' },
      ],
      [
        'updated before',
        { updatedAt: { before: new Date('2025-01-02T03:04:05Z') } },
        { updated_at: 'lt:2025-01-02T03:04:05.000000Z' },
      ],
      [
        'signed in after',
        { lastSignInAt: { after: new Date('2024-01-01T00:00:00Z') } },
        { last_login_at: 'gt:2024-01-01T00:00:00.000000Z' },
      ],
      ['an empty time range (no filter)', { createdAt: {} }, {}],
      [
        'several fields at once',
        { status: 'ACTIVE', emailVerified: true, loginCount: { greaterThan: 1 }, query: 'gmail' },
        { status: 'active', email_verified: 'true', login_count: 'gt:1', identifier: 'like:gmail' },
      ],
    ])('%s', async (_, filter, expected) => {
      const page = await provider().listUsers(filter, PAGE, undefined);
      expect(page.totalCount).toBeTypeOf('number');
      expect(upstream()).toEqual([
        expect.objectContaining({
          method: 'GET',
          route: USERS_ROUTE,
          status: 200,
          query: { ...expected, page: '1', limit: '10' },
        }),
      ]);
    });

    it('finds what the filter says', async () => {
      const seeded = await arranged(seededUsers());
      const inactive = await provider().listUsers(
        { status: 'INACTIVE' },
        { offset: 0, limit: 500 },
        undefined,
      );
      expect(inactive.items.map((user) => user.id)).toEqual(
        seeded.filter((user) => user.status === 'inactive').map((user) => user.id),
      );
      expect(inactive.totalCount).toBe(inactive.items.length);

      const someone = seeded.find((user) => user.email)!;
      const byEmail = await provider().listUsers({ emails: [someone.email.toUpperCase()] }, PAGE, undefined);
      expect(byEmail.items.map((user) => user.id)).toEqual([someone.id]);
      expect(byEmail.items[0]?.devices).toBeUndefined();
    });

    it.each<[string, UserFilter, string]>([
      ['several ids', { ids: ['a', 'b'] }, 'ids'],
      ['several e-mails', { emails: ['a@x.io', 'b@x.io'] }, 'emails'],
      ['several phones', { phones: ['+15005550006', '+15005550007'] }, 'phones'],
      ['an e-mail and a phone', { emails: ['a@x.io'], phones: ['+15005550006'] }, 'phones'],
      ['an e-mail and free text', { emails: ['a@x.io'], query: 'x' }, 'query'],
      ['ids and an id condition', { ids: ['a'], idCondition: { like: 'a' } }, 'idCondition'],
      ['an empty e-mail', { emails: [''] }, 'emails'],
      ['an id that reads as an operator', { ids: ['ne:abc'] }, 'ids'],
      ['an empty equals', { identifier: { equals: '' } }, 'identifier'],
      ['two operators on identifier', { identifier: { like: 'a', notLike: 'b' } }, 'identifier'],
      ['two operators on id', { idCondition: { equals: 'a', greaterThan: 'b' } }, 'idCondition'],
      ['two operators on login count', { loginCount: { greaterThan: 1, lessThan: 9 } }, 'loginCount'],
      ['a fractional login count', { loginCount: { equals: 1.5 } }, 'loginCount'],
      ['both ends of createdAt', { createdAt: { after: new Date(0), before: new Date() } }, 'createdAt'],
      [
        'both ends of lastSignInAt',
        { lastSignInAt: { after: new Date(0), before: new Date() } },
        'lastSignInAt',
      ],
      ['an invalid date', { updatedAt: { after: new Date('nope') } }, 'updatedAt'],
      ['externalIds (Clerk only)', { externalIds: ['x'] }, 'externalIds'],
      ['usernames (Clerk only)', { usernames: ['x'] }, 'usernames'],
      ['web3Wallets (Clerk only)', { web3Wallets: ['0x1'] }, 'web3Wallets'],
      ['organizationIds (Clerk only)', { organizationIds: ['org_1'] }, 'organizationIds'],
      ['emailQuery (Clerk only)', { emailQuery: 'x' }, 'emailQuery'],
      ['phoneQuery (Clerk only)', { phoneQuery: '1' }, 'phoneQuery'],
      ['usernameQuery (Clerk only)', { usernameQuery: 'x' }, 'usernameQuery'],
      ['nameQuery (Clerk only)', { nameQuery: 'x' }, 'nameQuery'],
      ['banned (Clerk only)', { banned: false }, 'banned'],
      ['lastActiveAt (Clerk only)', { lastActiveAt: { after: new Date() } }, 'lastActiveAt'],
    ])('refuses %s with INVALID_INPUT before any call', async (_, filter, field) => {
      const error = await failure(provider().listUsers(filter, PAGE, undefined));
      expect(error).toMatchObject({ code: 'INVALID_INPUT', provider: 'passage', fields: [{ field }] });
      expect(error.message).toContain(field);
      await expect(provider().countUsers(filter)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      expect(upstream()).toHaveLength(0);
    });
  });

  describe('order', () => {
    it.each<[UserOrder, string]>([
      [{ field: 'ID', direction: 'ASC' }, 'id:ASC'],
      [{ field: 'CREATED_AT', direction: 'DESC' }, 'created_at:DESC'],
      [{ field: 'UPDATED_AT', direction: 'ASC' }, 'updated_at:ASC'],
      [{ field: 'LAST_SIGN_IN_AT', direction: 'DESC' }, 'last_login_at:DESC'],
      [{ field: 'LOGIN_COUNT', direction: 'DESC' }, 'login_count:DESC'],
      [{ field: 'STATUS', direction: 'ASC' }, 'status:ASC'],
    ])('%j → order_by=%s', async (order, expected) => {
      await provider().listUsers({}, PAGE, order);
      expect(upstream()[0]?.query.order_by).toBe(expected);
      expect(upstream()[0]?.status).toBe(200);
    });

    it('returns users in the order asked for', async () => {
      const page = await provider().listUsers(
        {},
        { offset: 0, limit: 500 },
        { field: 'LOGIN_COUNT', direction: 'DESC' },
      );
      const counts = page.items.map((user) => user.loginCount ?? 0);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    });

    it.each(['EMAIL', 'PHONE', 'USERNAME', 'FIRST_NAME', 'LAST_NAME', 'LAST_ACTIVE_AT'] as const)(
      'refuses ordering by %s before any call',
      async (field) => {
        const error = await failure(provider().listUsers({}, PAGE, { field, direction: 'ASC' }));
        expect(error).toMatchObject({ code: 'INVALID_INPUT', fields: [{ field: 'orderBy' }] });
        expect(error.message).toContain(field);
        expect(upstream()).toHaveLength(0);
      },
    );
  });

  describe('paging', () => {
    it.each<[string, PageRequest, string]>([
      ['limit 0', { offset: 0, limit: 0 }, 'limit'],
      ['limit 501', { offset: 0, limit: 501 }, 'limit'],
      ['a fractional limit', { offset: 0, limit: 2.5 }, 'limit'],
      ['a negative offset', { offset: -1, limit: 10 }, 'offset'],
      ['a fractional offset', { offset: 1.5, limit: 10 }, 'offset'],
      ['a negative anchor', { offset: 0, limit: 10, anchor: -5 }, 'anchor'],
    ])('refuses %s before any call', async (_, page, field) => {
      const error = await failure(provider().listUsers({}, page, undefined));
      expect(error).toMatchObject({ code: 'INVALID_INPUT', fields: [{ field }] });
      expect(upstream()).toHaveLength(0);
    });

    it('asks for page offset/limit + 1 when the offset is on a page boundary: one call', async () => {
      const seeded = await arranged(seededUsers());
      const page = await provider().listUsers({}, { offset: 20, limit: 10 }, undefined);
      expect(page.items.map((user) => user.id)).toEqual(seeded.slice(20, 30).map((user) => user.id));
      expect(page.totalCount).toBe(60);
      expect(page.anchor).toBeTypeOf('number');
      expect(upstream().map((call) => call.query)).toEqual([{ page: '3', limit: '10' }]);
    });

    it('fetches the two pages covering an offset inside a page, the second at the first one’s anchor', async () => {
      const seeded = await arranged(seededUsers());
      const page = await provider().listUsers({}, { offset: 25, limit: 10 }, undefined);
      expect(page.items.map((user) => user.id)).toEqual(seeded.slice(25, 35).map((user) => user.id));
      expect(page.totalCount).toBe(60);
      const calls = upstream().map((call) => call.query);
      expect(calls).toEqual([
        { page: '3', limit: '10' },
        { page: '4', limit: '10', created_before: String(page.anchor) },
      ]);
    });

    it('makes no second call when the first page is the last', async () => {
      const seeded = await arranged(seededUsers());
      const page = await provider().listUsers({}, { offset: 55, limit: 20 }, undefined);
      expect(page.items.map((user) => user.id)).toEqual(seeded.slice(55).map((user) => user.id));
      expect(upstream()).toHaveLength(1);
    });

    it('passes the anchor back as created_before', async () => {
      const first = await provider().listUsers({}, PAGE, undefined);
      await provider().listUsers({}, { offset: 10, limit: 10, anchor: first.anchor }, undefined);
      expect(upstream()[1]?.query).toEqual({ page: '2', limit: '10', created_before: String(first.anchor) });
    });

    it('walks 300 users by offset and limit with the anchor: every id exactly once', async () => {
      emulator().control.seed({ users: 300 });
      emulator().control.clearRequests();
      const limits = [70, 45, 100, 33, 500];
      const seen: string[] = [];
      let anchor: number | undefined;
      let total = Infinity;
      for (let i = 0; seen.length < total; i++) {
        const limit = limits[i % limits.length]!;
        const page = await provider().listUsers({}, { offset: seen.length, limit, anchor }, undefined);
        if (page.items.length === 0) break;
        anchor ??= page.anchor;
        expect(page.anchor).toBe(anchor);
        total = page.totalCount!;
        seen.push(...page.items.map((user) => user.id));
      }
      expect(seen).toHaveLength(300);
      expect(new Set(seen).size).toBe(300);
      const calls = upstream();
      expect(calls.slice(1).every((call) => call.query.created_before === String(anchor))).toBe(true);
    });
  });

  describe('countUsers', () => {
    it('reads total_users of a one-user page: one call', async () => {
      const seeded = await arranged(seededUsers());
      const count = await provider().countUsers({ status: 'ACTIVE' });
      expect(count).toBe(seeded.filter((user) => user.status === 'active').length);
      expect(upstream()).toEqual([
        expect.objectContaining({ route: USERS_ROUTE, query: { status: 'active', page: '1', limit: '1' } }),
      ]);
    });
  });
});
