/**
 * The two offline forms of a Passage user base, read into domain users for the migration: a
 * saved Management API dump (JSON) and the dashboard's "Export User Data" CSV. Bad content is
 * never thrown: file-level problems go to `problems`, a bad record becomes a rejection. Messages
 * get logged, so they name the line, column or field and the user's id, never a value.
 *
 * The dump: `{"users": [...]}`, a bare array of users, or an array of `GET /users` pages. A user
 * is a list item or a full `UserInfo`, optionally with `devices` (the `GET /users/{id}/devices`
 * array), which wins over `webauthn_devices`. A list item carries no social connections.
 *
 * Passage documents the CSV's columns nowhere; this is what we accept:
 * - Headers: trimmed, any case, spaces, dashes and underscores alike (`Email Verified` =
 *   `email_verified`); aliases `user_id` → id, `phone_number` → phone, `last_login` →
 *   last_login_at, `metadata` → user_metadata. Any other header, or a column given twice, is an
 *   UNKNOWN_COLUMN and is not read: a guess could put data into the wrong field.
 * - Required: `id`, and `email` or `phone`. Every cell is trimmed.
 * - email_verified, phone_verified, webauthn: true/false/yes/no/1/0, empty = false.
 *   login_count: a whole number, empty = 0. status: active|inactive|pending, any case, not
 *   empty; `active` when the column is absent. user_metadata: a JSON object, `null`, or empty.
 * - created_at, updated_at, last_login_at: RFC 3339 (`T` or a space before the time), or
 *   `YYYY-MM-DD HH:MM:SS[.fff]` without offset, read as UTC. Empty is Passage's own "never",
 *   year 1: a null lastSignInAt, but created_at/updated_at must be dates, so they read as
 *   0001-01-01, which the migration must not send as a creation date.
 * - webauthn_devices: a device count, or the API's JSON array of devices. webauthn_types: the
 *   types used (passkey, platform, security_key), split on commas, semicolons and spaces,
 *   brackets and quotes ignored so the API's JSON array reads too. With no JSON devices, the
 *   count (or one when only webauthn=true or a type says so) gives placeholder passkeys, so the
 *   migration lists the user for passkey re-enrolment.
 * - social_connections: provider names split on commas or semicolons (each then an external
 *   account with providerUserId "" and no dates), or the API's JSON object.
 */
import { finished } from 'node:stream/promises';
import { parse as parseStream } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { Assembler } from 'stream-json/core/assembler.js';
import { getManyValues, isMany, none } from 'stream-chain/defs.js';
import { jsonParser, type Token } from 'stream-json/core/parser.js';
import * as z from 'zod';
import type { Device, User } from '../types.js';
import { describeIssue } from '../wire.js';
import { fromUserInfo } from './map.js';
import {
  listUserItemSchema,
  userInfoSchema,
  userStatusSchema,
  webAuthnDeviceSchema,
  webAuthnTypeSchema,
  type UserInfo,
} from './wire.js';

export interface PassageExport {
  /** One entry per record, in file order. */
  records: ExportRecord[];
  /** File-level problems: found before any record is used. */
  problems: ExportProblem[];
  /** The users a dump of list pages says the app had (`total_users`), when it says. */
  declaredTotal?: number;
}
export type ExportRecord =
  | { position: number; user: User }
  | { position: number; rejection: { sourceId: string | null; code: RejectionCode; message: string } };
export type RejectionCode = 'MISSING_ID' | 'INVALID_ROW';
export interface ExportProblem {
  code: 'MISSING_COLUMN' | 'UNKNOWN_COLUMN' | 'UNREADABLE';
  message: string;
  column?: string;
}

// ---- the JSON dump -----------------------------------------------------------------------------

const dumpUserSchema = listUserItemSchema.extend({
  webauthn_devices: userInfoSchema.shape.webauthn_devices.optional(),
  social_connections: userInfoSchema.shape.social_connections.optional(),
  devices: z.array(webAuthnDeviceSchema).optional(),
});

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const usersOf = (value: unknown) =>
  isObject(value) && Array.isArray(value.users) ? (value.users as unknown[]) : undefined;
/** Every page of a list says how many users the app had; a dump missing pages holds fewer. */
const totalOf = (value: unknown) =>
  isObject(value) && Number.isInteger(value.total_users) ? (value.total_users as number) : undefined;

export function readPassageDump(text: string): PassageExport {
  let body: unknown;
  try {
    // An editor on Windows saves a byte-order mark, which JSON.parse refuses.
    body = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // JSON.parse's message quotes the text around the error.
    return unreadable('the dump is not valid JSON');
  }
  const pages = Array.isArray(body) ? body.map(usersOf) : [usersOf(body)];
  let users: unknown[];
  if (Array.isArray(body) && pages.every((page) => page === undefined)) users = body;
  else if (pages.length > 0 && pages.every((page) => page !== undefined)) users = pages.flat();
  else return unreadable(NOT_A_DUMP);

  const records = users.map((raw, index) => dumpRecord(raw, index + 1));
  const totals = (Array.isArray(body) ? body : [body]).map(totalOf).filter((n) => n !== undefined);
  return { records, problems: [], ...(totals.length > 0 ? { declaredTotal: Math.max(...totals) } : {}) };
}

/** One event of a streamed read, in file order: a record, a file-level problem, or a declared total. */
export type ExportEvent = { record: ExportRecord } | { problem: ExportProblem } | { declaredTotal: number };

const NOT_A_DUMP = 'the dump is neither {"users": [...]}, an array of users nor of list pages';

/**
 * The dump read as a stream of text, a user at a time (stream-json's tokens, each user assembled
 * alone): what it holds never has to fit in one string or in memory at once. The same records,
 * problems and total as `readPassageDump`, except that records before a problem are yielded.
 */
export async function* streamPassageDump(text: AsyncIterable<string>): AsyncGenerator<ExportEvent> {
  // The core parser called by hand, a chunk at a time: a Node stream per token is far slower.
  const tokensOf = jsonParser({ streamValues: false });
  const walker = new DumpWalker();
  /** False when the text is not JSON (the parser's message quotes the text, so it is not kept). */
  const feed = (input: string | typeof none): boolean => {
    let out: ReturnType<typeof tokensOf>;
    try {
      // `none` asks the parser for what it still holds, at the end of the text.
      out = tokensOf(input as string);
    } catch {
      return false;
    }
    if (isMany(out)) for (const token of getManyValues(out)) walker.token(token);
    else if (out !== none) walker.token(out as Token);
    return true;
  };
  const invalid = { problem: { code: 'UNREADABLE', message: 'the dump is not valid JSON' } } as const;
  let first = true;
  for await (const chunk of text) {
    // An editor on Windows saves a byte-order mark, which is not JSON.
    const parsed = feed(first ? chunk.replace(/^\uFEFF/, '') : chunk);
    first &&= chunk === '';
    yield* walker.take();
    if (walker.stopped) return;
    if (!parsed) return yield invalid;
  }
  const parsed = feed(none);
  yield* walker.take();
  if (walker.stopped) return;
  if (!parsed) return yield invalid;
  yield* walker.end();
}

/** Tokens in, records out: the users of `{"users": [...]}`, of a bare array, or of an array of pages. */
class DumpWalker {
  stopped = false;
  private events: ExportEvent[] = [];
  private depth = 0;
  private root: 'object' | 'array' | undefined;
  private key: string | null = null;
  /** Inside the root object's `users` array. */
  private inUsers = false;
  private sawUsers = false;
  private readonly kinds = { pages: 0, users: 0 };
  private assembler: Assembler | undefined;
  private position = 0;
  private total: number | undefined;

  take(): ExportEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  end(): ExportEvent[] {
    if (this.root === undefined || (this.root === 'object' && !this.sawUsers)) {
      this.events.push({ problem: { code: 'UNREADABLE', message: NOT_A_DUMP } });
    } else if (this.total !== undefined) {
      this.events.push({ declaredTotal: this.total });
    }
    return this.take();
  }

  token(token: Token): void {
    if (this.stopped) return;
    if (this.assembler) {
      this.assembler.consume(token);
      if (this.assembler.done) this.element(this.assembler.current);
      return;
    }
    const opens = token.name === 'startObject' || token.name === 'startArray';
    const closes = token.name === 'endObject' || token.name === 'endArray';
    if (this.depth === 0 && opens) this.root = token.name === 'startObject' ? 'object' : 'array';
    const wanted = (this.root === 'array' && this.depth === 1) || (this.inUsers && this.depth === 2);
    if (wanted && !closes) {
      this.assembler = new Assembler();
      this.assembler.consume(token);
      // A scalar element is done at once: a user that is not an object, rejected as such.
      if (this.assembler.done) this.element(this.assembler.current);
      return;
    }
    if (this.root === 'object' && this.depth === 1) {
      if (token.name === 'keyValue') {
        this.key = token.value;
        return;
      }
      if (this.key === 'users' && token.name === 'startArray') this.inUsers = this.sawUsers = true;
      else if (this.key === 'total_users' && token.name === 'numberValue') this.declare(Number(token.value));
      this.key = null;
    }
    if (opens) this.depth += 1;
    if (closes) {
      this.depth -= 1;
      if (this.depth === 1) this.inUsers = false;
    }
  }

  /** A whole element of the users array, or of a root array (a list page, or a user). */
  private element(value: unknown): void {
    this.assembler = undefined;
    if (this.root === 'object') return this.user(value);
    const page = usersOf(value);
    if (page) {
      this.kinds.pages += 1;
      this.declare(totalOf(value));
      for (const raw of page) this.user(raw);
    } else {
      this.kinds.users += 1;
      this.user(value);
    }
    if (this.kinds.pages > 0 && this.kinds.users > 0) {
      this.events.push({ problem: { code: 'UNREADABLE', message: NOT_A_DUMP } });
      this.stopped = true;
    }
  }

  private user(raw: unknown): void {
    this.events.push({ record: dumpRecord(raw, (this.position += 1)) });
  }

  private declare(value: unknown): void {
    if (typeof value === 'number' && Number.isInteger(value))
      this.total = Math.max(this.total ?? value, value);
  }
}

function dumpRecord(raw: unknown, position: number): ExportRecord {
  if (isObject(raw) && (raw.id === undefined || raw.id === null || raw.id === '')) {
    return reject(position, null, 'MISSING_ID', `user ${position} has no id`);
  }
  const parsed = dumpUserSchema.safeParse(raw);
  if (parsed.success) {
    const { devices, webauthn_devices: listed, social_connections = {}, ...item } = parsed.data;
    const user = fromUserInfo({ ...item, webauthn_devices: devices ?? listed ?? [], social_connections });
    return { position, user };
  }
  const id = isObject(raw) && typeof raw.id === 'string' ? raw.id : null;
  const message = `user ${position}${id ? ` (id ${id})` : ''}: ${describeIssue(parsed.error, 'the user')}`;
  return reject(position, id, 'INVALID_ROW', message);
}

// ---- the dashboard CSV -------------------------------------------------------------------------

/** `UserInfo`'s fields as the API names them, and the two wire.ts has no use for. */
type Column = keyof UserInfo | 'webauthn' | 'webauthn_types';
const COLUMNS = [...Object.keys(userInfoSchema.shape), 'webauthn', 'webauthn_types'] as Column[];
const ALIASES: Record<string, Column> = {
  user_id: 'id',
  phone_number: 'phone',
  last_login: 'last_login_at',
  metadata: 'user_metadata',
};

function canonical(header: string): Column | undefined {
  const name = header.trim().toLowerCase();
  const key = name.replace(/[\s_-]+/g, '_');
  return ALIASES[key] ?? COLUMNS.find((column) => column === key);
}

/** A cell that does not hold what its column means; the contract never quotes the cell. */
class BadCell extends Error {
  constructor(
    readonly column: Column,
    readonly contract: string,
  ) {
    super(contract);
  }
}

export function readPassageCsv(text: string): PassageExport {
  const reader = new CsvReader();
  reader.lines.feed(text);
  reader.lines.end();
  parse(text, reader.parseOptions);
  return collect(reader.end());
}

/**
 * The export read as a stream of text through csv-parse's stream API, a row at a time: the same
 * records and problems as `readPassageCsv`, in file order (the header's problems first).
 */
export async function* streamPassageCsv(text: AsyncIterable<string>): AsyncGenerator<ExportEvent> {
  const reader = new CsvReader();
  const parser = parseStream(reader.parseOptions);
  // Nothing comes out of the parser (the reader takes every row); it must flow to end.
  parser.resume();
  const ended = finished(parser);
  for await (const chunk of text) {
    // The lines are counted before the parser sees them, so a row's line is always known.
    reader.lines.feed(chunk);
    await new Promise<void>((resolve, reject) =>
      parser.write(chunk, (error) => (error ? reject(error) : resolve())),
    );
    yield* reader.take();
  }
  reader.lines.end();
  parser.end();
  await ended;
  yield* reader.end();
}

function collect(events: Iterable<ExportEvent>): PassageExport {
  const result: PassageExport = { records: [], problems: [] };
  for (const event of events) {
    if ('record' in event) result.records.push(event.record);
    else if ('problem' in event) result.problems.push(event.problem);
  }
  return result;
}

/** Rows in, records and problems out: the header read from the first row, each row after it mapped. */
class CsvReader {
  readonly lines = new LineTracker();
  private head: { index: Map<Column, number>; cells: string[] } | 'unreadable' | undefined;
  private events: ExportEvent[] = [];
  private stopped = false;
  readonly parseOptions = {
    bom: true,
    skip_empty_lines: true,
    // Each broken record is reported as UNREADABLE with its line; the records around it are read.
    skip_records_with_error: true,
    on_record: (cells: string[]) => {
      if (!this.stopped) this.row(this.lines.place(cells), cells);
      return null;
    },
    on_skip: (error: { code?: unknown; record?: unknown } | undefined) => {
      if (this.stopped) return undefined;
      const code = String(error?.code);
      // After a quote error csv-parse can take quoted text for unquoted and the reverse: reading
      // on could put cells in the wrong columns, so the rest of the file is not read.
      this.stopped = code !== 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH';
      const why = CSV_ERRORS[code] ?? `the row is not valid CSV (${code})`;
      const line = this.lines.place(Array.isArray(error?.record) ? error.record : []);
      const message = `line ${line}: ${this.stopped ? `${why}; nothing after it is read` : why}`;
      this.head ??= 'unreadable';
      this.events.push({ problem: { code: 'UNREADABLE', message } });
      return undefined;
    },
  };

  /** The events found since the last call. */
  take(): ExportEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  end(): ExportEvent[] {
    if (!this.head)
      this.events.push({ problem: { code: 'UNREADABLE', message: 'the file has no header line' } });
    return this.take();
  }

  private row(line: number, cells: string[]): void {
    if (!this.head) {
      const { index, problems } = readHeader(cells);
      this.head = { index, cells };
      for (const problem of problems) this.events.push({ problem });
      return;
    }
    if (this.head === 'unreadable') return;
    const { index, cells: headers } = this.head;
    const cell = (column: Column) => {
      const at = index.get(column);
      return at === undefined ? (ABSENT[column] ?? '') : (cells[at]?.trim() ?? '');
    };
    const id = cell('id');
    if (!id) {
      this.events.push({ record: reject(line, null, 'MISSING_ID', `line ${line}: the id is empty`) });
      return;
    }
    try {
      this.events.push({ record: { position: line, user: csvUser(id, cell) } });
    } catch (error) {
      if (!(error instanceof BadCell)) throw error;
      const header = headers[index.get(error.column) ?? -1]?.trim();
      const message = `line ${line} (user ${id}): column "${header}" ${error.contract}`;
      this.events.push({ record: reject(line, id, 'INVALID_ROW', message) });
    }
  }
}

/**
 * The line each record starts on: the first non-empty line after the previous record, which
 * spans one line plus the breaks in its cells (csv-parse's own line count takes a CRLF inside
 * quotes for two lines). Fed the text before the parser sees it; keeps only the lines not yet
 * passed.
 */
class LineTracker {
  /** Whether each line from `first` on is empty. */
  private empty: boolean[] = [];
  private first = 1;
  private next = 1;
  private tail = '';
  private ended = false;

  feed(chunk: string): void {
    let text = this.tail + chunk;
    // A CR at the end may be the first half of a CRLF.
    const held = text.endsWith('\r') ? 1 : 0;
    const lines = text.slice(0, text.length - held).split(/\r\n|\r|\n/);
    this.tail = lines.pop()! + (held ? '\r' : '');
    for (const line of lines) this.empty.push(line === '');
    text = '';
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    const text = this.tail;
    this.tail = '';
    for (const line of text.split(/\r\n|\r|\n/)) this.empty.push(line === '');
  }

  place(cells: readonly unknown[]): number {
    const known = this.first + this.empty.length;
    while (this.empty[this.next - this.first] === true && this.next < known - (this.ended ? 1 : 0))
      this.next++;
    const line = this.next;
    this.next +=
      1 + cells.reduce<number>((breaks, cell) => breaks + String(cell).split(/\r\n|\r|\n/).length - 1, 0);
    // Lines already passed are never asked again.
    const passed = Math.min(this.next, known) - this.first;
    if (passed > 4096) {
      this.empty = this.empty.slice(passed);
      this.first += passed;
    }
    return line;
  }
}

/** Where each known column is, and what is wrong with the header line. */
function readHeader(headers: string[]) {
  const index = new Map<Column, number>();
  const problems: ExportProblem[] = [];
  headers.forEach((header, at) => {
    const column = canonical(header);
    if (column && !index.has(column)) return void index.set(column, at);
    // A file without a header line has a user's cells here: only a name-like header is shown.
    const named = /^[a-z][\w .()-]{0,63}$/i.test(header.trim()) ? header.trim() : undefined;
    const unnamed = header.trim() === '' ? 'has no header' : 'has a header that looks like data';
    const what = named ? `column "${named}"` : `column ${at + 1} (it ${unnamed})`;
    const why = column ? `repeats the ${column} column` : 'is not a known column';
    problems.push({ code: 'UNKNOWN_COLUMN', column: named, message: `${what} ${why}` });
  });
  if (!index.has('email') && !index.has('phone')) {
    problems.unshift({ code: 'MISSING_COLUMN', message: 'the file has no email and no phone column' });
  }
  if (!index.has('id')) {
    problems.unshift({ code: 'MISSING_COLUMN', column: 'id', message: 'the file has no id column' });
  }
  return { index, problems };
}

/** What a column the file does not have reads as; any other reads as an empty cell. */
const ABSENT: Partial<Record<Column, string>> = { status: 'active' };

function csvUser(id: string, cell: (column: Column) => string): User {
  const devices = deviceCell(cell('webauthn_devices'));
  const used = booleanCell('webauthn', cell('webauthn')) || typesCell(cell('webauthn_types')) > 0;
  const user = fromUserInfo({
    id,
    email: cell('email'),
    email_verified: booleanCell('email_verified', cell('email_verified')),
    phone: cell('phone'),
    phone_verified: booleanCell('phone_verified', cell('phone_verified')),
    external_id: cell('external_id'),
    status: statusCell(cell('status')),
    created_at: timestampCell('created_at', cell('created_at')),
    updated_at: timestampCell('updated_at', cell('updated_at')),
    last_login_at: timestampCell('last_login_at', cell('last_login_at')),
    login_count: countCell('login_count', cell('login_count')),
    user_metadata: metadataCell(cell('user_metadata')),
    webauthn_devices: Array.isArray(devices) ? devices : [],
    social_connections: socialCell(cell('social_connections')),
  });
  if (Array.isArray(devices)) return user;
  return { ...user, devices: placeholders(id, devices > 0 ? devices : used ? 1 : 0) };
}

function placeholders(userId: string, count: number): Device[] {
  return Array.from({ length: count }, (_, n) => ({
    provider: 'passage',
    id: `csv-device-${n + 1}`,
    userId,
    name: 'passkey (from CSV export)',
    kind: 'PASSKEY',
    createdAt: null,
    updatedAt: null,
    lastUsedAt: null,
    usageCount: null,
  }));
}

function booleanCell(column: Column, value: string): boolean {
  if (/^(true|yes|1)$/i.test(value)) return true;
  if (/^(false|no|0|)$/i.test(value)) return false;
  throw new BadCell(column, 'must be true, false, yes, no, 1, 0 or empty');
}

function countCell(column: Column, value: string): number {
  if (/^\d*$/.test(value) && Number.isSafeInteger(Number(value))) return Number(value);
  throw new BadCell(column, 'must be a whole number of at least 0');
}

function statusCell(value: string): UserInfo['status'] {
  const status = userStatusSchema.safeParse(value.toLowerCase());
  if (status.success) return status.data;
  throw new BadCell('status', 'must be active, inactive or pending');
}

/** Passage's "never" (Go's zero time), which map.ts reads as a null date. */
const NEVER = '0001-01-01T00:00:00Z';

function timestampCell(column: Column, value: string): string {
  const spaced = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:\d{2})?$/.exec(value);
  const timestamp = value === '' ? NEVER : spaced ? `${spaced[1]}T${spaced[2]}${spaced[3] ?? 'Z'}` : value;
  if (listUserItemSchema.shape.created_at.safeParse(timestamp).success) return timestamp;
  throw new BadCell(column, 'must be an RFC 3339 timestamp or YYYY-MM-DD HH:MM:SS (UTC)');
}

function jsonCell(column: Column, value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    // JSON.parse's message quotes the cell.
    throw new BadCell(column, 'is not valid JSON');
  }
}

function metadataCell(value: string): UserInfo['user_metadata'] {
  const metadata = value === '' ? null : jsonCell('user_metadata', value);
  if (metadata === null || isObject(metadata)) return metadata as UserInfo['user_metadata'];
  throw new BadCell('user_metadata', 'must be a JSON object, null or empty');
}

/** A device count, or the devices themselves. */
function deviceCell(value: string): number | UserInfo['webauthn_devices'] {
  if (!value.startsWith('[')) return countCell('webauthn_devices', value);
  const devices = z.array(webAuthnDeviceSchema).safeParse(jsonCell('webauthn_devices', value));
  if (devices.success) return devices.data;
  throw new BadCell('webauthn_devices', `is not Passage's devices: ${describeIssue(devices.error, 'it')}`);
}

/** How many credential types the user has signed in with. */
function typesCell(value: string): number {
  const types = value.split(/[\s,;[\]"]+/).filter((type) => type !== '');
  if (types.every((type) => webAuthnTypeSchema.safeParse(type.toLowerCase()).success)) return types.length;
  throw new BadCell('webauthn_types', 'must list passkey, platform or security_key');
}

function socialCell(value: string): UserInfo['social_connections'] {
  if (value.startsWith('{')) {
    const parsed = userInfoSchema.shape.social_connections.safeParse(jsonCell('social_connections', value));
    if (parsed.success) return parsed.data;
    throw new BadCell('social_connections', `is not Passage's object: ${describeIssue(parsed.error, 'it')}`);
  }
  const names = value.split(/[,;]/).map((name) => name.trim().toLowerCase());
  const connection = { provider_id: '', provider_identifier: '', created_at: NEVER, last_login_at: NEVER };
  if (names.every((name) => /^([a-z][\w-]*)?$/.test(name))) {
    return Object.fromEntries(names.filter((name) => name !== '').map((name) => [name, connection]));
  }
  throw new BadCell('social_connections', 'must be provider names or a JSON object');
}

/** csv-parse's own messages quote the characters found, which could be part of an e-mail. */
const CSV_ERRORS: Record<string, string> = {
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'the row has a different number of cells than the header',
  CSV_QUOTE_NOT_CLOSED: 'a quoted cell is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'a closing quote is followed by something other than a comma or a line end',
  INVALID_OPENING_QUOTE: 'a quote opens in the middle of a cell',
};

function unreadable(message: string): PassageExport {
  return { records: [], problems: [{ code: 'UNREADABLE', message }] };
}

function reject(position: number, id: string | null, code: RejectionCode, message: string): ExportRecord {
  return { position, rejection: { sourceId: id, code, message } };
}
