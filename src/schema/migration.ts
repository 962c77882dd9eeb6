/**
 * Passage → Clerk migrations, read side: `Migration` (a run's state and counts), its per-user
 * report as a connection, the `migration`/`migrations` queries and the `migrationProgress`
 * subscription (served over SSE by yoga). The engine is src/migration/; this file only shows it.
 */
import { Repeater } from 'graphql-yoga';
import type { Migration } from '../migration/engine.js';
import type { MigrationManager } from '../migration/manager.js';
import { ProviderError } from '../providers/errors.js';
import { OUTCOMES, type MigrationProgress, type Outcome, type UserReport } from '../migration/types.js';
import { builder } from './builder.js';
import { upstreamCost } from './cost.js';
import { connectionFor, DEFAULT_PAGE_SIZE, PAGE_SIZE_DESCRIPTION, pageRequest } from './pagination.js';
import { UserRef } from './user.js';

/** A migration as it stood when it was read: every field of one answer agrees. */
export type MigrationSnapshot = MigrationProgress & { migration: Migration };

export const snapshot = (migration: Migration): MigrationSnapshot => ({ ...migration.progress(), migration });

const MigrationStateEnum = builder.enumType('MigrationState', {
  description: 'Where a migration is.',
  values: {
    PLANNING: {
      description: 'Reading the source and checking every user against Clerk; nothing written yet.',
    },
    RUNNING: { description: 'Creating users.' },
    COMPLETED: { description: 'Every user has an outcome (see `counts`; some may have FAILED).' },
    REFUSED: {
      description: 'Stopped before writing anything: see `error` and the skipped or conflicting users.',
    },
    FAILED: { description: 'Stopped by a failure that is not about one user (e.g. Clerk refused the key).' },
    CANCELLED: { description: 'Cancelled; starting the same migration again resumes it.' },
    STOPPED: {
      description:
        'Stopped early: the first creates all failed with the same code, so the Clerk instance refuses them (see `error`). Fix the instance; starting the same migration again resumes it.',
    },
  } as const,
});

export const MigrationOutcomeEnum = builder.enumType('MigrationOutcome', {
  description: 'What happened to one user.',
  values: {
    CREATED: { description: 'Created in Clerk by this migration.' },
    CREATED_INCOMPLETE: {
      description:
        'Created in Clerk by this migration, but its ban or lock failed (`code` says how); starting the migration again retries it.',
    },
    WOULD_CREATE: { description: 'Dry run: would be created.' },
    ADOPTED: { description: 'Already in Clerk under its Passage id (`external_id`): left as it was.' },
    SKIPPED: { description: 'Not migrated: invalid or duplicated in the source (`code` says why).' },
    CONFLICT: { description: 'Another Clerk user holds its e-mail or phone: nothing overwritten.' },
    FAILED: { description: 'Clerk refused or failed the create (`code` says how).' },
    PENDING: { description: 'Not done yet.' },
  } satisfies Record<Outcome, { description: string }>,
});

const MigrationSourceEnum = builder.enumType('MigrationSource', {
  description: 'Where a migration reads its users.',
  values: {
    PASSAGE_API: { description: "The configured Passage app's Management API, read live." },
    PASSAGE_JSON: { description: 'An uploaded Management API dump (JSON).' },
    PASSAGE_CSV: { description: 'An uploaded Passage dashboard export (CSV).' },
  } as const,
});

const MigrationUserRef = builder.objectRef<UserReport>('MigrationUser').implement({
  description: "One user's line in a migration's report. Ids and codes only: no e-mail, phone or metadata.",
  fields: (t) => ({
    sourceId: t.exposeString('sourceId', {
      nullable: true,
      description: 'The Passage user id (null when the record had none).',
    }),
    position: t.exposeInt('position', {
      description: 'The line (CSV) or index (JSON) of the record in the source.',
    }),
    outcome: t.field({
      type: MigrationOutcomeEnum,
      description: 'What happened.',
      resolve: (u) => u.outcome,
    }),
    targetId: t.exposeID('targetId', {
      nullable: true,
      description: 'The Clerk user id, once there is one.',
    }),
    target: t.field({
      type: UserRef,
      nullable: true,
      description: 'The Clerk user, read now (batched with the rest of the page).',
      ...upstreamCost({ weight: 1, provider: () => 'clerk' }),
      resolve: (u, _args, ctx) => (u.targetId ? ctx.loaders.user.load(u.targetId) : null),
    }),
    code: t.exposeString('code', {
      nullable: true,
      description: 'Why it was skipped, in conflict or failed, e.g. `EMAIL_TAKEN`.',
    }),
    message: t.exposeString('message', { nullable: true, description: 'The same, for a person to read.' }),
    passkeys: t.exposeInt('passkeys', {
      description: 'Passkeys the user had on Passage. They cannot move: the user must enrol a new one.',
    }),
    socialProviders: t.exposeStringList('socialProviders', {
      description: 'Social sign-ins the user had (`google`, `apple`...), to link again in Clerk.',
    }),
    followUp: t.exposeString('followUp', {
      nullable: true,
      description:
        'What was done after the create: `BANNED` or `LOCKED` (an inactive user), or `<ACTION>_FAILED:<code>`.',
    }),
  }),
});

const MigrationUserConnection = builder.connectionObject(
  {
    type: MigrationUserRef,
    name: 'MigrationUserConnection',
    description: "A page of a migration's per-user report, in source order.",
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many users match the filter in all.',
        resolve: (connection) => (connection as { totalCount?: number }).totalCount ?? 0,
      }),
    }),
  },
  { name: 'MigrationUserEdge', description: 'A user of the report, with its cursor.' },
);

const MigrationCountsRef = builder.objectRef<Record<Outcome, number>>('MigrationCounts').implement({
  description: 'Users by outcome.',
  fields: (t) =>
    Object.fromEntries(
      OUTCOMES.map((outcome) => [
        camel(outcome),
        t.int({ description: `Users whose outcome is ${outcome}.`, resolve: (counts) => counts[outcome] }),
      ]),
    ),
});

export const MigrationRef = builder.objectRef<MigrationSnapshot>('Migration').implement({
  description: 'A Passage → Clerk migration run by this server: its state, counts and per-user report.',
  fields: (t) => ({
    id: t.id({
      description: 'The run id: the same source into the same Clerk instance is the same run.',
      resolve: (s) => s.migration.runId,
    }),
    source: t.field({
      type: MigrationSourceEnum,
      description: 'Where the users come from.',
      resolve: (s) => s.migration.sourceKind,
    }),
    state: t.field({
      type: MigrationStateEnum,
      description: 'Where the run is.',
      resolve: (s) => s.state,
    }),
    dryRun: t.exposeBoolean('dryRun', { description: 'Checks only: nothing is written to Clerk.' }),
    total: t.exposeInt('total', { description: 'Records in the source.' }),
    done: t.exposeInt('done', { description: 'Users with a final outcome.' }),
    counts: t.field({
      type: MigrationCountsRef,
      description: 'Users by outcome.',
      resolve: (s) => s.counts,
    }),
    clerkCalls: t.int({
      description: 'Calls made to Clerk so far (lookups, creates, follow-ups).',
      resolve: (s) => s.targetCalls,
    }),
    usersPerSecond: t.exposeFloat('usersPerSecond', {
      description: 'Users finished per second over the last 10 s.',
    }),
    etaSeconds: t.exposeFloat('etaSeconds', {
      nullable: true,
      description: 'Seconds left at that rate, while running.',
    }),
    startedAt: t.field({
      type: 'DateTime',
      description: 'When the run started.',
      resolve: (s) => s.startedAt,
    }),
    finishedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it ended.',
      resolve: (s) => s.finishedAt,
    }),
    warnings: t.exposeStringList('warnings', {
      description:
        'What people must do after the move (passkeys to enrol again, social sign-ins to link), known once planned.',
    }),
    error: t.string({
      nullable: true,
      description: 'Why it refused or failed.',
      resolve: (s) => s.error,
    }),
    users: t.field({
      type: MigrationUserConnection,
      description:
        'The per-user report, in source order, once the run has ended (read from its `users.csv`); while it runs, the users it has in flight.',
      args: {
        outcome: t.arg({ type: MigrationOutcomeEnum, description: 'Only users with this outcome.' }),
        needsPasskeyEnrolment: t.arg.boolean({ description: 'Only users who had passkeys (true).' }),
        first: t.arg.int({ description: PAGE_SIZE_DESCRIPTION }),
        after: t.arg.string({ description: 'The cursor after which the page starts (an `endCursor`).' }),
      },
      // The report is on disk: a page costs nothing upstream, what it selects may.
      ...upstreamCost({
        weight: 0,
        size: { assumedSize: DEFAULT_PAGE_SIZE, slicingArguments: ['first'], sizedFields: ['edges'] },
      }),
      resolve: (s, args) => {
        const request = pageRequest(args);
        const matching = s.migration
          .users()
          .filter(
            (u) =>
              (!args.outcome || u.outcome === args.outcome) &&
              (!args.needsPasskeyEnrolment || u.passkeys > 0),
          );
        const items = matching.slice(request.offset, request.offset + request.limit);
        return connectionFor(request, { items, totalCount: matching.length });
      },
    }),
  }),
});

builder.queryFields((t) => ({
  migration: t.field({
    type: MigrationRef,
    nullable: true,
    description: 'A migration this server ran or runs, by id; null when it knows none.',
    args: { id: t.arg.id({ required: true, description: 'The run id (`Migration.id`).' }) },
    resolve: (_root, args, ctx) => {
      const migration = ctx.migrations.get(String(args.id));
      return migration ? snapshot(migration) : null;
    },
  }),
  migrations: t.field({
    type: [MigrationRef],
    description: 'The migrations this server process ran or runs, newest first.',
    resolve: (_root, _args, ctx) => ctx.migrations.list().map(snapshot),
  }),
}));

/** How often a progress event is sent at most while users are being created. */
const PROGRESS_INTERVAL_MS = 250;

builder.subscriptionField('migrationProgress', (t) =>
  t.field({
    type: MigrationRef,
    description:
      'The migration now, then again as it moves (at most 4 times a second), ending with its final state. Served over SSE.',
    args: { id: t.arg.id({ required: true, description: 'The run id (`Migration.id`).' }) },
    subscribe: (_root, args, ctx) => progressOf(migrationById(ctx.migrations, String(args.id)), ctx.signal),
    resolve: (migration: Migration) => snapshot(migration),
  }),
);

/**
 * Pushed by the migration's own change events, at most one per interval: a burst of creates
 * becomes one event, and the final state is always the last one sent.
 */
function progressOf(migration: Migration, signal: AbortSignal | undefined): Repeater<Migration> {
  return new Repeater<Migration>(async (push, stop) => {
    let last = '';
    let sentAt = -Infinity;
    let timer: NodeJS.Timeout | undefined;
    const send = () => {
      timer = undefined;
      sentAt = performance.now();
      // Read before the progress, so the event sent last is never older than the end it reports.
      const running = migration.isRunning();
      const { state, done, targetCalls } = migration.progress();
      const seen = `${state}:${done}:${targetCalls}`;
      if (seen !== last) {
        last = seen;
        void push(migration);
      }
      if (!running) stop();
    };
    const changed = () => {
      timer ??= setTimeout(send, Math.max(0, sentAt + PROGRESS_INTERVAL_MS - performance.now()));
    };
    const unsubscribe = migration.subscribe(changed);
    const leave = () => stop();
    signal?.addEventListener('abort', leave, { once: true });
    send();
    await stop;
    unsubscribe();
    clearTimeout(timer);
    signal?.removeEventListener('abort', leave);
  });
}

export function migrationById(migrations: MigrationManager, id: string): Migration {
  const migration = migrations.get(id);
  if (!migration) {
    throw new ProviderError({
      provider: 'usergraph',
      code: 'NOT_FOUND',
      message: `this server knows no migration ${id}`,
    });
  }
  return migration;
}

function camel(outcome: string): string {
  return outcome.toLowerCase().replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase());
}
