import { describe, expect, it } from 'vitest';
import { useEmulator } from '../../helpers/emulator.js';
import { clerkApi } from './helpers.js';

describe('Clerk emulator: GET /users and GET /users/count', () => {
  const emulator = useEmulator({ users: 60 });
  const api = clerkApi(emulator);
  const ids = (users: any[]) => users.map((u) => u.id);

  it('answers a bare array of 10 users, newest first, by default', async () => {
    const res = await api.get('/users');
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body)).toBe(true);
    expect(res.body).toHaveLength(10);
    const created = res.body.map((u: any) => u.created_at);
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it('counts with the same filters', async () => {
    const all = await api.allUsers();
    expect((await api.get('/users/count')).body).toEqual({ object: 'total_count', total_count: 60 });
    const banned = all.filter((u) => u.banned).length;
    expect((await api.get('/users/count?banned=true')).body.total_count).toBe(banned);
    expect((await api.get('/users/count?banned=false')).body.total_count).toBe(60 - banned);
  });

  it('takes user ids as repeated keys and ignores the user_id[0]= form', async () => {
    const [a, b, c] = await api.allUsers();
    const res = await api.get(`/users?user_id=${a.id}&user_id=${b.id}&user_id=user_missing`);
    expect(ids(res.body).sort()).toEqual([a.id, b.id].sort());
    const bracketed = await api.get(`/users?user_id[0]=${c.id}&limit=100`);
    expect(bracketed.body).toHaveLength(60);
  });

  it('excludes ids with a - prefix and includes them with +', async () => {
    const [a, b] = await api.allUsers();
    const excluded = await api.get(`/users?user_id=-${a.id}&limit=100`);
    expect(ids(excluded.body)).not.toContain(a.id);
    expect(excluded.body).toHaveLength(59);
    const included = await api.get(`/users?user_id=%2B${a.id}&user_id=${b.id}`);
    expect(ids(included.body).sort()).toEqual([a.id, b.id].sort());
    expect((await api.get(`/users/count?user_id=-${a.id}`)).body.total_count).toBe(59);
  });

  it('combines listed ids with the other filters, in list and count alike', async () => {
    const [a, b] = await api.allUsers();
    const both = `user_id=${a.id}&user_id=${b.id}`;
    expect((await api.get(`/users/count?${both}&user_id=user_missing`)).body.total_count).toBe(2);
    expect((await api.get(`/users?${both}&user_id=-${a.id}`)).body.map((u: { id: string }) => u.id)).toEqual([
      b.id,
    ]);
    const [c] = (await api.allUsers()).slice(2);
    const three = `${both}&user_id=${c.id}`;
    const everyone = ids((await api.get('/users?order_by=%2Bcreated_at&limit=100')).body);
    const ordered = everyone.filter((id: string) => [a.id, b.id, c.id].includes(id));
    expect(ids((await api.get(`/users?${three}&order_by=%2Bcreated_at&offset=1&limit=1`)).body)).toEqual(
      ordered.slice(1, 2),
    );
    const email = a.email_addresses[0].email_address;
    expect(ids((await api.get(`/users?${both}&email_address=${encodeURIComponent(email)}`)).body)).toEqual([
      a.id,
    ]);
  });

  it('accepts 100 ids and refuses 101 with a 422', async () => {
    const hundred = Array.from({ length: 100 }, (_, i) => `user_id=user_${i}`).join('&');
    expect((await api.get(`/users?${hundred}`)).status).toBe(200);
    const res = await api.get(`/users?${hundred}&user_id=user_extra`);
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({
      code: 'form_param_array_size_exceeded',
      meta: { param_name: 'user_id' },
    });
  });

  it.each([
    ['email_address', (u: any) => u.email_addresses[0]?.email_address.toUpperCase()],
    ['phone_number', (u: any) => u.phone_numbers[0]?.phone_number],
    ['username', (u: any) => u.username],
    ['external_id', (u: any) => u.external_id],
    ['web3_wallet', (u: any) => u.web3_wallets[0]?.web3_wallet],
  ])('filters by %s', async (param, valueOf) => {
    const all = await api.allUsers();
    const target = all.find((u) => valueOf(u));
    if (!target) return; // the seed has none of this kind
    const res = await api.get(`/users?${param}=${encodeURIComponent(valueOf(target))}&${param}=nobody`);
    expect(ids(res.body)).toEqual([target.id]);
  });

  it.each([
    ['query', (u: any) => u.last_name.slice(1, 5).toUpperCase()],
    [
      'email_address_query',
      (u: any) => u.email_addresses[0].email_address.split('@')[0].slice(2).toUpperCase(),
    ],
    ['username_query', (u: any) => u.username?.slice(1, 6)],
    ['name_query', (u: any) => `${u.first_name} ${u.last_name}`.toLowerCase()],
    ['phone_number_query', (u: any) => u.phone_numbers[0]?.phone_number.slice(3, 8)],
  ])('matches %s partially and case-insensitively', async (param, valueOf) => {
    const all = await api.allUsers();
    const target = all.find((u) => valueOf(u));
    const needle = valueOf(target).toLowerCase();
    const res = await api.get(`/users?${param}=${encodeURIComponent(valueOf(target))}&limit=100`);
    expect(ids(res.body)).toContain(target.id);
    const count = await api.get(`/users/count?${param}=${encodeURIComponent(valueOf(target))}`);
    expect(count.body.total_count).toBe(res.body.length);
    for (const user of res.body) expect(JSON.stringify(user).toLowerCase()).toContain(needle.split(' ')[0]);
  });

  it.each([
    ['created_at', 'created_at'],
    ['last_sign_in_at', 'last_sign_in_at'],
    ['last_active_at', 'last_active_at'],
  ])('filters %s_before/_after in milliseconds', async (param, field) => {
    const all = await api.allUsers();
    const values = all
      .map((u) => u[field])
      .filter((v) => v !== null)
      .sort((a, b) => a - b);
    const middle = values[Math.floor(values.length / 2)];
    const before = await api.get(`/users?${param}_before=${middle}&limit=500`);
    const after = await api.get(`/users?${param}_after=${middle}&limit=500`);
    expect(before.body.every((u: any) => u[field] < middle)).toBe(true);
    expect(after.body.every((u: any) => u[field] > middle)).toBe(true);
    expect(before.body.length).toBe(values.filter((v) => v < middle).length);
    expect(after.body.length).toBe(values.filter((v) => v > middle).length);
  });

  it('filters by organization membership, with - to exclude', async () => {
    const { body: memberships } = await api.get('/organization_memberships?limit=500');
    const orgId = memberships.data[0].organization.id;
    const members = new Set(
      memberships.data
        .filter((m: any) => m.organization.id === orgId)
        .map((m: any) => m.public_user_data.user_id),
    );
    const res = await api.get(`/users?organization_id=${orgId}&limit=500`);
    expect(new Set(ids(res.body))).toEqual(members);
    const excluded = await api.get(`/users?organization_id=-${orgId}&limit=500`);
    expect(excluded.body.length).toBe(60 - members.size);
  });

  it('filters by provider and provider_user_id together, and refuses one without the other', async () => {
    const all = await api.allUsers();
    const target = all.find((u) => u.external_accounts.length > 0);
    const account = target.external_accounts[0];
    const res = await api.get(
      `/users?provider=${account.provider}&provider_user_id=${account.provider_user_id}`,
    );
    expect(ids(res.body)).toEqual([target.id]);
    expect((await api.get(`/users?provider_user_id=${account.provider_user_id}`)).status).toBe(422);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['limit=10.5', 'limit'],
    ['limit=ten', 'limit'],
    ['offset=-1', 'offset'],
    ['banned=yes', 'banned'],
    ['created_at_after=yesterday', 'created_at_after'],
    ['order_by=-password', 'order_by'],
    ['order_by=updated_at&starting_after=user_x', 'starting_after'],
    ['offset=5&starting_after=user_x', 'starting_after'],
  ])('refuses %s with a 422 naming the parameter', async (queryString, param) => {
    const res = await api.get(`/users?${queryString}`);
    expect(res.status).toBe(422);
    expect(res.body.errors[0].meta.param_name).toBe(param);
  });

  it.each([
    'created_at',
    'updated_at',
    'email_address',
    'first_name',
    'last_name',
    'username',
    'last_sign_in_at',
    'phone_number',
    'web3wallet',
    'last_active_at',
  ])('orders by %s in both directions', async (field) => {
    const asc = ids((await api.get(`/users?order_by=%2B${field}&limit=500`)).body);
    const desc = ids((await api.get(`/users?order_by=-${field}&limit=500`)).body);
    expect(asc).toHaveLength(60);
    expect(new Set(asc)).toEqual(new Set(desc));
    if (field === 'created_at') expect(asc).toEqual([...desc].reverse());
  });

  it('orders by first_name ascending without a prefix', async () => {
    const names = (await api.get('/users?order_by=first_name&limit=500')).body.map((u: any) =>
      u.first_name.toLowerCase(),
    );
    expect(names).toEqual([...names].sort());
  });

  it('pages with limit and offset without gaps or repeats', async () => {
    const everyone = ids(await api.allUsers());
    const paged: string[] = [];
    for (let offset = 0; offset < 60; offset += 7)
      paged.push(...ids((await api.get(`/users?limit=7&offset=${offset}`)).body));
    expect(paged).toEqual(everyone);
  });

  it('pages with the starting_after cursor without gaps or repeats, in both directions', async () => {
    for (const order of ['-created_at', '%2Bcreated_at']) {
      const everyone = ids((await api.get(`/users?limit=500&order_by=${order}`)).body);
      const paged: string[] = [];
      let cursor = '';
      for (;;) {
        const page = (
          await api.get(`/users?limit=8&order_by=${order}${cursor ? `&starting_after=${cursor}` : ''}`)
        ).body;
        paged.push(...ids(page));
        if (page.length < 8) break;
        cursor = page[page.length - 1].id;
      }
      expect(paged).toEqual(everyone);
    }
  });

  it('refuses a cursor that names no user', async () => {
    const res = await api.get('/users?starting_after=user_nobody');
    expect(res.status).toBe(422);
    expect(res.body.errors[0].meta.param_name).toBe('starting_after');
  });
});
