import { fetch } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createPassageProvider } from '../../src/providers/passage/index.js';
import {
  readPassageCsv,
  readPassageDump,
  type ExportRecord,
  type PassageExport,
} from '../../src/providers/passage/export.js';
import type { Provider, User } from '../../src/providers/types.js';
import { useEmulator } from '../helpers/emulator.js';

/** A list item exactly as `GET /users` answers it. */
function listItem(overrides: Record<string, unknown> = {}) {
  return {
    id: 'FXmduAG55lEsueAiKqZ4Kjfy',
    email: 'ann@example.com',
    email_verified: true,
    phone: '+15005550006',
    phone_verified: false,
    external_id: '',
    status: 'active',
    created_at: '2024-01-01T00:00:00Z',
    updated_at: '2024-02-01T10:20:30Z',
    last_login_at: '0001-01-01T00:00:00Z',
    login_count: 3,
    user_metadata: { plan: 'pro' },
    ...overrides,
  };
}

function device(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    friendly_name: `Chrome on Mac (${id})`,
    type: 'passkey',
    usage_count: 2,
    created_at: '2024-01-02T00:00:00Z',
    updated_at: '2024-01-03T00:00:00Z',
    last_login_at: '2024-01-04T00:00:00Z',
    ...overrides,
  };
}

const users = (result: PassageExport) =>
  result.records.flatMap((record) => ('user' in record ? [record.user] : []));
const rejections = (result: PassageExport) =>
  result.records.flatMap((record) =>
    'rejection' in record ? [{ ...record.rejection, at: record.position }] : [],
  );
/** Every message a result would log. */
const messages = (result: PassageExport) => [
  ...result.problems.map((problem) => problem.message),
  ...rejections(result).map((rejection) => rejection.message),
];

describe('readPassageDump: from the emulator over HTTP', () => {
  const emulator = useEmulator({ users: 30 });
  let provider: Provider | undefined;
  afterEach(async () => provider?.close());

  async function get(path: string): Promise<any> {
    const { passageUrl, keys } = emulator();
    const response = await fetch(`${passageUrl}/apps/${keys.passageAppId}${path}`, {
      headers: { authorization: `Bearer ${keys.passageApiKey}` },
    });
    expect(response.status).toBe(200);
    return response.json();
  }

  /** Every user as `GET /users` pages them, page after page. */
  async function listed(): Promise<any[]> {
    const all: any[] = [];
    for (let page = 1; ; page++) {
      const body = await get(`/users?limit=500&page=${page}`);
      all.push(...body.users);
      if (all.length >= body.total_users || body.users.length === 0) return all;
    }
  }

  async function fromProvider(ids: string[]): Promise<Map<string, User>> {
    const { passageUrl, keys } = emulator();
    provider = createPassageProvider({
      appId: keys.passageAppId,
      apiKey: keys.passageApiKey,
      apiUrl: passageUrl,
    });
    return provider.getUsers(ids);
  }

  it('reads list items with their devices: every user, its devices, the fields getUsers gives', async () => {
    const items = await listed();
    const dump = {
      users: await Promise.all(
        items.map(async (item) => ({ ...item, devices: (await get(`/users/${item.id}/devices`)).devices })),
      ),
    };

    const result = readPassageDump(JSON.stringify(dump));

    expect(result.problems).toEqual([]);
    expect(result.records.map((record) => record.position)).toEqual(items.map((_, i) => i + 1));
    const read = users(result);
    expect(read.map((user) => user.id)).toEqual(items.map((item) => item.id));
    expect(read.some((user) => user.devices!.length > 1)).toBe(true);
    expect(read.some((user) => user.devices!.length === 0)).toBe(true);
    const expected = await fromProvider(read.map((user) => user.id));
    for (const user of read) {
      // A list item carries no social connections: the dump has every other field getUsers has.
      expect(user).toEqual({ ...expected.get(user.id), externalAccounts: [] });
    }
  });

  it('reads full users (GET /users/{id}): social connections become external accounts', async () => {
    const full = await Promise.all(
      (await listed()).map(async (item) => (await get(`/users/${item.id}`)).user),
    );

    const read = users(readPassageDump(JSON.stringify(full)));

    const expected = await fromProvider(full.map((user) => user.id));
    expect(read).toEqual(full.map((user) => expected.get(user.id)));
    expect(read.some((user) => user.externalAccounts.length > 0)).toBe(true);
  });
});

describe('readPassageDump', () => {
  it.each([
    ['{"users": [...]}', (user: object) => ({ users: [user] })],
    ['a bare array', (user: object) => [user]],
    [
      'an array of list pages',
      (user: object) => [
        { page: 1, users: [] },
        { page: 2, users: [user] },
      ],
    ],
  ])('reads %s', (_, wrap) => {
    const result = readPassageDump(JSON.stringify(wrap(listItem())));

    expect(result).toEqual({
      problems: [],
      records: [
        {
          position: 1,
          user: expect.objectContaining({
            provider: 'passage',
            id: 'FXmduAG55lEsueAiKqZ4Kjfy',
            email: 'ann@example.com',
            phone: '+15005550006',
            status: 'ACTIVE',
            lastSignInAt: null,
            loginCount: 3,
            publicMetadata: { plan: 'pro' },
            devices: [],
            externalAccounts: [],
          }),
        },
      ],
    });
  });

  it('numbers users across pages, reads an empty array as no users, and skips a BOM', () => {
    const pages = [
      { users: [listItem({ id: 'a' }), listItem({ id: 'b' })] },
      { users: [listItem({ id: 'c' })] },
    ];
    const result = readPassageDump(JSON.stringify(pages));
    expect(result.records.map((record) => [record.position, 'user' in record && record.user.id])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
    expect(readPassageDump('[]')).toEqual({ records: [], problems: [] });
    expect(users(readPassageDump(`\uFEFF${JSON.stringify(pages)}`))).toHaveLength(3);
  });

  it('takes devices from `devices`, else from `webauthn_devices`; connections from social_connections', () => {
    const connection = {
      provider_id: 'g-123',
      provider_identifier: 'ann@gmail.com',
      created_at: '2024-01-01T00:00:00Z',
      last_login_at: '0001-01-01T00:00:00Z',
    };
    const dump = [
      listItem({
        id: 'both',
        webauthn_devices: [device('old')],
        devices: [device('new', { type: 'platform' })],
      }),
      listItem({ id: 'full', webauthn_devices: [device('d1')], social_connections: { google: connection } }),
    ];

    const [both, full] = users(readPassageDump(JSON.stringify(dump)));

    expect(both!.devices).toEqual([
      {
        provider: 'passage',
        id: 'new',
        userId: 'both',
        name: 'Chrome on Mac (new)',
        kind: 'PLATFORM',
        createdAt: new Date('2024-01-02T00:00:00Z'),
        updatedAt: new Date('2024-01-03T00:00:00Z'),
        lastUsedAt: new Date('2024-01-04T00:00:00Z'),
        usageCount: 2,
      },
    ]);
    expect(full!.devices!.map((d) => d.id)).toEqual(['d1']);
    expect(full!.externalAccounts).toEqual([
      {
        id: null,
        provider: 'google',
        providerUserId: 'g-123',
        emailAddress: 'ann@gmail.com',
        username: null,
        createdAt: new Date('2024-01-01T00:00:00Z'),
        lastSignInAt: null,
      },
    ]);
  });

  it.each([
    ['text that is not JSON', '{"users": [ {"email": "ann@example.com"'],
    ['an object without users', '{"data": []}'],
    ['users that is not an array', '{"users": {"id": "a"}}'],
    ['pages mixed with users', JSON.stringify([{ users: [] }, listItem()])],
    ['a number', '42'],
  ])('%s is UNREADABLE, with no records', (_, text) => {
    const result = readPassageDump(text);
    expect(result.records).toEqual([]);
    expect(result.problems).toEqual([{ code: 'UNREADABLE', message: expect.any(String) }]);
    expect(result.problems[0]!.message).not.toContain('ann@example.com');
  });

  it.each([
    ['no id', listItem({ id: undefined }), null, 'MISSING_ID', 'user 2 has no id'],
    ['a null id', listItem({ id: null }), null, 'MISSING_ID', 'user 2 has no id'],
    ['an empty id', listItem({ id: '' }), null, 'MISSING_ID', 'user 2 has no id'],
    ['a number id', listItem({ id: 7 }), null, 'INVALID_ROW', 'user 2: id is expected string'],
    ['not an object', 'ann@example.com', null, 'INVALID_ROW', 'user 2: the user is expected object'],
    [
      'an e-mail that is not a string',
      listItem({ id: 'u2', email: ['ann@example.com'] }),
      'u2',
      'INVALID_ROW',
      'user 2 (id u2): email is expected string',
    ],
    [
      'an unknown status',
      listItem({ id: 'u2', status: 'ann@example.com' }),
      'u2',
      'INVALID_ROW',
      'user 2 (id u2): status is not one of the documented values',
    ],
    [
      'a device without a type',
      listItem({ id: 'u2', devices: [device('d1', { type: undefined })] }),
      'u2',
      'INVALID_ROW',
      'user 2 (id u2): devices[0].type is not one of the documented values',
    ],
    [
      'metadata that is a list',
      listItem({ id: 'u2', user_metadata: ['+15005550006'] }),
      'u2',
      'INVALID_ROW',
      'user 2 (id u2): user_metadata is not an object',
    ],
  ])('a user with %s is a rejection naming the field, not the value', (_, bad, sourceId, code, message) => {
    const result = readPassageDump(JSON.stringify([listItem({ id: 'u1' }), bad, listItem({ id: 'u3' })]));

    expect(result.problems).toEqual([]);
    expect(result.records[1]).toEqual({ position: 2, rejection: { sourceId, code, message } });
    expect(users(result).map((user) => user.id)).toEqual(['u1', 'u3']);
  });
});

/** A CSV from rows of cells, quoting every cell as a spreadsheet would. */
const csv = (rows: string[][], eol = '\n') =>
  rows.map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',')).join(eol) + eol;

/** One user's row under `headers`, with the cells it is given by header. */
function oneRow(cells: Record<string, string>, headers = ['id', 'email', ...Object.keys(cells)]) {
  const row = headers.map(
    (header) => cells[header] ?? (header === 'id' ? 'u1' : header === 'email' ? 'ann@example.com' : ''),
  );
  return readPassageCsv(csv([headers, row]));
}

const only = (result: PassageExport): ExportRecord => {
  expect(result.problems).toEqual([]);
  expect(result.records).toHaveLength(1);
  return result.records[0]!;
};
const onlyUser = (result: PassageExport): User => {
  const record = only(result);
  if (!('user' in record)) throw new Error(`expected a user, got ${JSON.stringify(record)}`);
  return record.user;
};

describe('readPassageCsv', () => {
  it('reads every known column of a dashboard export: BOM, CRLF, quoted commas, line breaks', () => {
    const text =
      '\uFEFFUser ID,Email,Email Verified,Phone Number,Phone Verified,Status,External ID,Created At,' +
      'Updated At,Last Login,Login Count,Metadata,WebAuthn,WebAuthn Devices,WebAuthn Types,Social Connections\r\n' +
      'u1,ann@example.com,TRUE,+15005550006,no,Inactive,ext-1,2024-01-01T10:00:00+02:00,' +
      '2024-02-01 10:20:30,2024-03-01 08:00:00.250,12,"{""plan"": ""pro"", ""seats"": [1, 2]}",true,,' +
      'passkey,"google, github"\r\n' +
      '\r\n' +
      'u2,"Bob, the second <bob@example.com>",0,,,pending,,,,,,,,,,\r\n';

    const result = readPassageCsv(text);

    expect(result.problems).toEqual([]);
    expect(result.records.map((record) => record.position)).toEqual([2, 4]);
    expect(users(result)[0]).toEqual({
      provider: 'passage',
      id: 'u1',
      externalId: 'ext-1',
      email: 'ann@example.com',
      phone: '+15005550006',
      emailAddresses: [{ id: null, address: 'ann@example.com', verified: true, primary: true }],
      phoneNumbers: [{ id: null, number: '+15005550006', verified: false, primary: true }],
      username: null,
      firstName: null,
      lastName: null,
      imageUrl: null,
      hasImage: false,
      status: 'INACTIVE',
      banned: null,
      locked: null,
      lockoutExpiresInSeconds: null,
      createdAt: new Date('2024-01-01T08:00:00Z'),
      updatedAt: new Date('2024-02-01T10:20:30Z'),
      lastSignInAt: new Date('2024-03-01T08:00:00.250Z'),
      lastActiveAt: null,
      loginCount: 12,
      publicMetadata: { plan: 'pro', seats: [1, 2] },
      privateMetadata: null,
      unsafeMetadata: null,
      mfa: null,
      passwordCompromised: null,
      devices: [
        {
          provider: 'passage',
          id: 'csv-device-1',
          userId: 'u1',
          name: 'passkey (from CSV export)',
          kind: 'PASSKEY',
          createdAt: null,
          updatedAt: null,
          lastUsedAt: null,
          usageCount: null,
        },
      ],
      web3Wallets: [],
      externalAccounts: ['google', 'github'].map((provider) => ({
        id: null,
        provider,
        providerUserId: '',
        emailAddress: null,
        username: null,
        createdAt: null,
        lastSignInAt: null,
      })),
    });
    expect(users(result)[1]).toMatchObject({
      id: 'u2',
      email: 'Bob, the second <bob@example.com>',
      phone: null,
      status: 'PENDING',
      createdAt: new Date('0001-01-01T00:00:00Z'),
      lastSignInAt: null,
      loginCount: 0,
      publicMetadata: null,
      devices: [],
      externalAccounts: [],
    });
  });

  it.each([
    ['email_verified', 'email_verified'],
    ['Email Verified', 'email_verified'],
    ['  EMAIL-VERIFIED ', 'email_verified'],
    ['email__verified', 'email_verified'],
    ['user_id', 'id'],
    ['User ID', 'id'],
    ['phone_number', 'phone'],
    ['Phone-Number', 'phone'],
    ['last_login', 'last_login_at'],
    ['Last Login', 'last_login_at'],
    ['metadata', 'user_metadata'],
    ['User Metadata', 'user_metadata'],
  ])('reads the header %j as %s', (header, column) => {
    const values: Record<string, [string, Partial<User>]> = {
      email_verified: ['yes', { emailAddresses: [expect.objectContaining({ verified: true })] }],
      id: ['u9', { id: 'u9' }],
      phone: ['+15005550006', { phone: '+15005550006' }],
      last_login_at: ['2024-05-06 07:08:09', { lastSignInAt: new Date('2024-05-06T07:08:09Z') }],
      user_metadata: ['{"a": 1}', { publicMetadata: { a: 1 } }],
    };
    const [cell, expected] = values[column]!;
    const headers = column === 'id' ? [header, 'email'] : ['id', 'email', header];
    expect(onlyUser(oneRow({ [header]: cell }, headers))).toMatchObject(expected);
  });

  it.each([
    ['true', true],
    ['Yes', true],
    ['1', true],
    ['FALSE', false],
    ['no', false],
    ['0', false],
    ['', false],
  ])('reads the boolean %j as %s', (cell, verified) => {
    expect(onlyUser(oneRow({ email_verified: cell })).emailAddresses[0]!.verified).toBe(verified);
  });

  it.each([
    ['2024-01-02T03:04:05Z', '2024-01-02T03:04:05.000Z'],
    ['2024-01-02T03:04:05.123456-05:00', '2024-01-02T08:04:05.123Z'],
    ['2024-01-02 03:04:05', '2024-01-02T03:04:05.000Z'],
    ['2024-02-29 23:59:59.5', '2024-02-29T23:59:59.500Z'],
    ['2024-01-02 03:04:05+01:00', '2024-01-02T02:04:05.000Z'],
    ['0001-01-01T00:00:00Z', null],
    ['', null],
  ])('reads the timestamp %j as %s', (cell, iso) => {
    expect(onlyUser(oneRow({ last_login_at: cell })).lastSignInAt?.toISOString() ?? null).toBe(iso);
  });

  it('reads a user as active when the file has no status column, and with only a phone column', () => {
    const user = onlyUser(readPassageCsv('id,phone\nu1,+15005550006\n'));
    expect(user).toMatchObject({ status: 'ACTIVE', email: null, phone: '+15005550006' });
  });

  it.each([
    ['webauthn=true', { webauthn: 'true' }, ['csv-device-1']],
    ['a device count', { webauthn_devices: '3' }, ['csv-device-1', 'csv-device-2', 'csv-device-3']],
    [
      'a count with webauthn=true',
      { webauthn: 'yes', webauthn_devices: '2' },
      ['csv-device-1', 'csv-device-2'],
    ],
    ['a type used', { webauthn_types: 'platform' }, ['csv-device-1']],
    ["the API's list of types", { webauthn_types: '["passkey", "security_key"]' }, ['csv-device-1']],
    ['webauthn=false and no devices', { webauthn: 'false', webauthn_devices: '0' }, []],
    ['an empty device array', { webauthn: 'true', webauthn_devices: '[]' }, []],
    [
      'device detail',
      { webauthn: 'true', webauthn_devices: JSON.stringify([device('d1'), device('d2')]) },
      ['d1', 'd2'],
    ],
  ])('%s gives those devices', (_, cells, ids) => {
    const user = onlyUser(oneRow(cells));
    expect(user.devices!.map((d) => d.id)).toEqual(ids);
    expect(user.devices!.every((d) => d.userId === 'u1')).toBe(true);
  });

  it("reads the API's social connections object into external accounts", () => {
    const connections = {
      apple: {
        provider_id: 'a-1',
        provider_identifier: 'ann@icloud.com',
        created_at: '2024-01-01T00:00:00Z',
        last_login_at: '2024-01-05T00:00:00Z',
      },
    };
    const user = onlyUser(oneRow({ social_connections: JSON.stringify(connections) }));
    expect(user.externalAccounts).toEqual([
      {
        id: null,
        provider: 'apple',
        providerUserId: 'a-1',
        emailAddress: 'ann@icloud.com',
        username: null,
        createdAt: new Date('2024-01-01T00:00:00Z'),
        lastSignInAt: new Date('2024-01-05T00:00:00Z'),
      },
    ]);
    expect(
      onlyUser(oneRow({ social_connections: 'Google;GitHub' })).externalAccounts.map((a) => a.provider),
    ).toEqual(['google', 'github']);
  });

  describe('file-level problems', () => {
    it('a missing id column is MISSING_COLUMN; every row is then a MISSING_ID rejection', () => {
      const result = readPassageCsv('email,status\nann@example.com,active\nbob@example.com,active\n');
      expect(result.problems).toEqual([
        { code: 'MISSING_COLUMN', column: 'id', message: 'the file has no id column' },
      ]);
      expect(rejections(result)).toEqual([
        { at: 2, sourceId: null, code: 'MISSING_ID', message: 'line 2: the id is empty' },
        { at: 3, sourceId: null, code: 'MISSING_ID', message: 'line 3: the id is empty' },
      ]);
    });

    it('no email and no phone column is MISSING_COLUMN; the rows are still read', () => {
      const result = readPassageCsv('id,status\nu1,active\n');
      expect(result.problems).toEqual([
        { code: 'MISSING_COLUMN', message: 'the file has no email and no phone column' },
      ]);
      expect(users(result).map((user) => user.id)).toEqual(['u1']);
    });

    it('an unknown or repeated header is UNKNOWN_COLUMN naming it, and is not read', () => {
      const result = readPassageCsv('id,email,First Name,EMAIL\nu1,ann@example.com,Ann,ann@other.com\n');
      expect(result.problems).toEqual([
        {
          code: 'UNKNOWN_COLUMN',
          column: 'First Name',
          message: 'column "First Name" is not a known column',
        },
        { code: 'UNKNOWN_COLUMN', column: 'EMAIL', message: 'column "EMAIL" repeats the email column' },
      ]);
      expect(users(result)[0]).toMatchObject({ id: 'u1', email: 'ann@example.com', firstName: null });
    });

    it('names a column without a header by its position', () => {
      expect(readPassageCsv('id,email,\nu1,ann@example.com,\n').problems).toEqual([
        {
          code: 'UNKNOWN_COLUMN',
          column: undefined,
          message: 'column 3 (it has no header) is not a known column',
        },
      ]);
    });

    it('reports the column problems first, then each unreadable line', () => {
      const result = readPassageCsv('email,Nickname\nann@example.com,a,extra\n');
      expect(result.problems.map((problem) => problem.code)).toEqual([
        'MISSING_COLUMN',
        'UNKNOWN_COLUMN',
        'UNREADABLE',
      ]);
    });

    it.each([
      [
        'a row with too many cells',
        'id,email\nu1,ann@example.com\nu2,bob@example.com,extra\nu3,cat@example.com\n',
        'line 3: the row has a different number of cells than the header',
        ['u1', 'u3'],
      ],
      [
        'a row with too few cells, after a multi-line cell and a blank line',
        'id,email\nu1,"ann\n@example.com"\n\nu2\nu3,cat@example.com\n',
        'line 5: the row has a different number of cells than the header',
        ['u1', 'u3'],
      ],
      [
        'a quote that is never closed',
        'id,email\nu1,ann@example.com\nu2,"bob@example.com\nu3,cat@example.com\n',
        'line 3: a quoted cell is never closed; nothing after it is read',
        ['u1'],
      ],
      [
        'text after a closing quote: the rest of the file is not read',
        'id,email\nu0,zed@example.com\nu1,"ann"@example.com\nu2,bob@example.com\nu3,"cat@example.com"\n',
        'line 3: a closing quote is followed by something other than a comma or a line end; nothing after it is read',
        ['u0'],
      ],
      [
        'a quote in the middle of a cell',
        'id,email\nu1,ann"s@example.com\nu2,bob@example.com\n',
        'line 2: a quote opens in the middle of a cell; nothing after it is read',
        [],
      ],
      [
        'a header quote that is never closed',
        'id,"email\nu1,ann@example.com\n',
        'line 1: a quoted cell is never closed; nothing after it is read',
        [],
      ],
    ])('%s is UNREADABLE naming the line; the rows it spares are read', (_, text, message, ids) => {
      const result = readPassageCsv(text);
      expect(result.problems).toEqual([{ code: 'UNREADABLE', message }]);
      expect(users(result).map((user) => user.id)).toEqual(ids);
      expect(messages(result).join(' ')).not.toMatch(/example\.com/);
    });

    it('an empty file is UNREADABLE', () => {
      for (const text of ['', '\uFEFF', '\n\n']) {
        expect(readPassageCsv(text)).toEqual({
          records: [],
          problems: [{ code: 'UNREADABLE', message: 'the file has no header line' }],
        });
      }
    });
  });

  it.each([
    [
      'a boolean',
      { email_verified: 'maybe' },
      'email_verified',
      'must be true, false, yes, no, 1, 0 or empty',
    ],
    [
      'a timestamp',
      { created_at: '01/02/2024' },
      'created_at',
      'must be an RFC 3339 timestamp or YYYY-MM-DD HH:MM:SS (UTC)',
    ],
    [
      'a date that does not exist',
      { updated_at: '2023-02-29 00:00:00' },
      'updated_at',
      'must be an RFC 3339',
    ],
    [
      'a T timestamp without offset',
      { last_login_at: '2024-01-02T03:04:05' },
      'last_login_at',
      'must be an RFC 3339',
    ],
    ['a negative number', { login_count: '-1' }, 'login_count', 'must be a whole number of at least 0'],
    ['a fraction', { login_count: '1.5' }, 'login_count', 'must be a whole number of at least 0'],
    [
      'a device count that is a word',
      { webauthn_devices: 'two' },
      'webauthn_devices',
      'must be a whole number',
    ],
    ['a status', { status: 'banned' }, 'status', 'must be active, inactive or pending'],
    ['an empty status', { status: '' }, 'status', 'must be active, inactive or pending'],
    ['metadata that is not JSON', { user_metadata: '{plan: pro}' }, 'user_metadata', 'is not valid JSON'],
    [
      'metadata that is a list',
      { user_metadata: '["pro"]' },
      'user_metadata',
      'must be a JSON object, null or empty',
    ],
    [
      'a device array Passage would not answer',
      { webauthn_devices: JSON.stringify([device('d1', { type: 'hologram' })]) },
      'webauthn_devices',
      "is not Passage's devices: [0].type is not one of the documented values",
    ],
    [
      'a device array that is not JSON',
      { webauthn_devices: '[d1, d2' },
      'webauthn_devices',
      'is not valid JSON',
    ],
    [
      'an unknown credential type',
      { webauthn_types: 'password' },
      'webauthn_types',
      'must list passkey, platform',
    ],
    [
      'a social object Passage would not answer',
      { social_connections: '{"google": {"provider_id": 1}}' },
      'social_connections',
      "is not Passage's object: google.provider_id is expected string",
    ],
    [
      'provider names that are not names',
      { social_connections: 'google:ann@gmail.com' },
      'social_connections',
      'must be provider names or a JSON object',
    ],
  ])('%s is an INVALID_ROW naming the column and the line', (_, cells, column, contract) => {
    const record = only(oneRow(cells));
    expect(record).toEqual({
      position: 2,
      rejection: {
        sourceId: 'u1',
        code: 'INVALID_ROW',
        message: expect.stringMatching(new RegExp(`^line 2 \\(user u1\\): column "${column}" `)),
      },
    });
    expect('rejection' in record && record.rejection.message).toContain(contract);
  });

  it('names the column as the file writes it', () => {
    const result = readPassageCsv('User ID,Email,Login Count\nu1,ann@example.com,many\n');
    expect(rejections(result)[0]!.message).toBe(
      'line 2 (user u1): column "Login Count" must be a whole number of at least 0',
    );
  });

  it('counts a CRLF inside a quoted cell as one line (csv-parse counts two)', () => {
    const result = readPassageCsv(
      'id,email\r\nu1,"ann\r\n@example.com"\r\n\r\nu2,x\r\nu3,a,b\r\nu4,"\r\n"\r\nu5,\r\n',
    );
    expect(result.records.map((record) => record.position)).toEqual([2, 5, 7, 9]);
    expect(result.problems).toEqual([
      { code: 'UNREADABLE', message: 'line 6: the row has a different number of cells than the header' },
    ]);
  });

  it('a row without an id is MISSING_ID at its line; the rows around it are read', () => {
    const result = readPassageCsv('id,email\nu1,ann@example.com\n  ,bob@example.com\nu3,cat@example.com\n');
    expect(rejections(result)).toEqual([
      { at: 3, sourceId: null, code: 'MISSING_ID', message: 'line 3: the id is empty' },
    ]);
    expect(users(result).map((user) => user.id)).toEqual(['u1', 'u3']);
  });
});

describe('messages never carry an e-mail, a phone or metadata', () => {
  const secrets = ['ann@example.com', '+15005550006', 'top-secret-plan', 'bob@example.com'];

  it('in the CSV reader', () => {
    const text = csv([
      ['id', 'email', 'phone', 'email_verified', 'user_metadata', 'social_connections', 'ann@example.com'],
      ['u1', 'ann@example.com', '+15005550006', 'ann@example.com', '', '', ''],
      ['u2', 'ann@example.com', '+15005550006', '', '{"plan": top-secret-plan}', '', ''],
      ['u3', 'ann@example.com', '+15005550006', '', '["top-secret-plan"]', '', ''],
      ['u4', 'ann@example.com', '+15005550006', '', '', 'bob@example.com', ''],
      ['', 'ann@example.com', '+15005550006', '', '', '', ''],
    ]).concat('u6,"bob@example.com\n');

    const result = readPassageCsv(text);

    expect(result.problems.map((problem) => problem.code)).toEqual(['UNKNOWN_COLUMN', 'UNREADABLE']);
    expect(rejections(result)).toHaveLength(5);
    for (const message of messages(result)) {
      for (const secret of secrets) expect(message).not.toContain(secret);
    }
    expect(result.problems[0]).toEqual({
      code: 'UNKNOWN_COLUMN',
      column: undefined,
      message: 'column 7 (it has a header that looks like data) is not a known column',
    });
  });

  it('in the dump reader', () => {
    const dumps = [
      '{"users": [{"email": "ann@example.com", "phone": "+15005550006"',
      JSON.stringify([
        listItem({ email_verified: 'ann@example.com' }),
        listItem({ phone: 15005550006, email: 'ann@example.com' }),
        listItem({ user_metadata: 'top-secret-plan' }),
        listItem({ id: undefined }),
        'bob@example.com',
      ]),
    ];
    for (const dump of dumps) {
      const result = readPassageDump(dump);
      expect(messages(result).length).toBeGreaterThan(0);
      for (const message of messages(result)) {
        for (const secret of secrets) expect(message).not.toContain(secret);
      }
    }
  });
});
