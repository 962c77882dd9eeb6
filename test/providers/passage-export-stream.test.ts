/**
 * The streaming readers a migration uses read what the whole-text readers read: the same records,
 * problems and total, whatever the size of the chunks the text arrives in (a chunk may end inside
 * a string, a number, a CRLF or a multi-line cell).
 */
import { describe, expect, it } from 'vitest';
import {
  readPassageCsv,
  readPassageDump,
  streamPassageCsv,
  streamPassageDump,
  type ExportEvent,
  type PassageExport,
} from '../../src/providers/passage/export.js';
import { passageUserJson } from '../helpers/migration.js';

/** A Passage user with a verified e-mail, and metadata with characters beyond ASCII. */
const wireUser = (id: string, extra: Record<string, unknown> = {}) =>
  passageUserJson(id, {
    email: `${id}@example.com`,
    email_verified: true,
    user_metadata: { plan: 'pro', note: 'é ✓ 🙂' },
    ...extra,
  });

async function* chunks(text: string, size: number): AsyncGenerator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

async function collect(events: AsyncIterable<ExportEvent>): Promise<PassageExport> {
  const result: PassageExport = { records: [], problems: [] };
  for await (const event of events) {
    if ('record' in event) result.records.push(event.record);
    else if ('problem' in event) result.problems.push(event.problem);
    else result.declaredTotal = event.declaredTotal;
  }
  return result;
}

const SIZES = [1, 3, 7, 64, 100_000];

describe('streamPassageDump reads what readPassageDump reads', () => {
  const dumps: [string, string][] = [
    [
      'an object of users with a total',
      JSON.stringify({ total_users: 3, users: [wireUser('p1'), wireUser('p2'), wireUser('p3')] }),
    ],
    [
      'a bare array with a bad user and a scalar',
      JSON.stringify([wireUser('p1'), { ...wireUser('p2'), email_verified: 'x' }, 'p3', { email: 'a@b.c' }]),
    ],
    [
      'pages, the larger total kept',
      JSON.stringify([
        { users: [wireUser('p1')], total_users: 2 },
        { users: [wireUser('p2')], total_users: 5 },
      ]),
    ],
    [
      'a byte-order mark and white space',
      `\uFEFF \n${JSON.stringify({ users: [wireUser('p1')], next_page: null })}`,
    ],
    ['an empty array', '[]'],
    ['devices beside the user', JSON.stringify({ users: [{ ...wireUser('p1'), devices: [] }] })],
  ];

  it.each(dumps)('%s', async (_, text) => {
    const whole = readPassageDump(text);
    for (const size of SIZES) expect(await collect(streamPassageDump(chunks(text, size)))).toEqual(whole);
  });

  it.each([
    ['cut short', '{"users": [{"id": "p1", "email": "ann@example.com"'],
    ['no users array', '{"people": []}'],
    ['users that are not an array', '{"users": 5}'],
    ['pages and users mixed', JSON.stringify([{ users: [wireUser('p1')] }, wireUser('p2')])],
    ['not JSON after a good user', `[${JSON.stringify(wireUser('p1'))}, nope]`],
  ])('%s: the same problem, never quoting the text', async (_, text) => {
    const whole = readPassageDump(text);
    for (const size of SIZES) {
      const streamed = await collect(streamPassageDump(chunks(text, size)));
      expect(streamed.problems).toEqual(whole.problems);
      expect(streamed.problems.join(' ')).not.toContain('ann@example.com');
    }
  });
});

describe('streamPassageCsv reads what readPassageCsv reads', () => {
  const files: [string, string][] = [
    ['plain rows', 'id,email,status\nu1,ann@example.com,active\nu2,bob@example.com,inactive\n'],
    [
      'CRLF, blank lines and multi-line cells',
      'id,email\r\nu1,"ann\r\n@example.com"\r\n\r\nu2,x\r\nu3,a,b\r\nu4,"\r\n"\r\nu5,\r\n',
    ],
    [
      'a byte-order mark, an unknown column, a bad cell',
      '\uFEFFid,email,Nickname,login_count\nu1,ann@example.com,a,many\nu2,bob@example.com,b,2\n',
    ],
    ['a quote never closed', 'id,email\nu1,ann@example.com\nu2,"bob@example.com\nu3,cat@example.com\n'],
    ['a header only', 'id,email\n'],
    ['nothing', '\n\n'],
    ['no final line break, a lone CR', 'id,email\ru1,ann@example.com\ru2,bob@example.com'],
    ['a row without an id', 'id,email\nu1,ann@example.com\n  ,bob@example.com\nu3,cat@example.com\n'],
  ];

  it.each(files)('%s', async (_, text) => {
    const whole = readPassageCsv(text);
    for (const size of SIZES) expect(await collect(streamPassageCsv(chunks(text, size)))).toEqual(whole);
  });

  it('a file of many rows: every line number as the whole-text reader counts it', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) =>
      i % 997 === 0 ? '' : `u${i},"u${i}\n@example.com"`,
    );
    const text = `id,email\n${rows.join('\n')}\n`;
    const whole = readPassageCsv(text);
    expect(whole.records.length).toBeGreaterThan(19_000);
    expect(await collect(streamPassageCsv(chunks(text, 4096)))).toEqual(whole);
  });
});
