/**
 * Passage → Clerk migrations, write side: start one (from the live Passage app or an uploaded
 * dump or export), cancel it, undo it. Each needs the `write` scope, and starting or undoing
 * also `migrate` (one call writes or deletes every user); the run itself is
 * src/migration/engine.ts, the same engine as `npm run migrate`.
 */
import type { UndoResult } from '../../migration/undo.js';
import { refusedInput } from '../../providers/errors.js';
import { builder } from '../builder.js';
import { upstreamCost } from '../cost.js';
import { Conflict, InvalidInput, NotFound, Unsupported } from '../errors.js';
import { MigrationRef, migrationById, snapshot } from '../migration.js';

const MetadataKindEnum = builder.enumType('MigrationMetadataKind', {
  description: "Which Clerk metadata receives a Passage user's `user_metadata`.",
  values: {
    PUBLIC: { description: '`public_metadata`: readable by the frontend, written by the backend.' },
    PRIVATE: { description: '`private_metadata`: backend only.' },
    UNSAFE: { description: '`unsafe_metadata`: the user may change it from the frontend.' },
  } as const,
});

const InactiveUsersEnum = builder.enumType('MigrationInactiveUsers', {
  description: 'What a Passage user whose status is `inactive` becomes in Clerk.',
  values: {
    KEEP: { description: 'An ordinary, active Clerk user.' },
    BAN: { description: 'Banned (Clerk ends its sessions and refuses sign-ins).' },
    LOCK: { description: 'Locked (needs the lockout feature on the Clerk instance).' },
  } as const,
});

const StartInput = builder.inputType('StartPassageMigrationInput', {
  description: 'Where the users come from and how they are moved. Every field has a safe default.',
  fields: (t) => ({
    file: t.field({
      type: 'File',
      description:
        'A Passage Management API dump (JSON) or dashboard export (CSV), as a multipart upload. Without one, the configured Passage app is read live.',
    }),
    dryRun: t.boolean({
      defaultValue: false,
      description: 'Check everything against Clerk and write nothing.',
    }),
    allowPartial: t.boolean({
      defaultValue: false,
      description:
        'Migrate the valid users even when some are skipped or in conflict (otherwise nothing is written).',
    }),
    metadata: t.field({
      type: MetadataKindEnum,
      defaultValue: 'PUBLIC',
      description: 'Where `user_metadata` goes.',
    }),
    inactiveUsers: t.field({
      type: InactiveUsersEnum,
      defaultValue: 'KEEP',
      description: 'What inactive users become.',
    }),
    requestsPerTenSeconds: t.int({
      defaultValue: 100,
      description:
        "This migration's share of Clerk's budget, 1–1000 (development instances allow 100 per 10 s, production 1000), on top of the server's own.",
    }),
  }),
});

builder.mutationField('startPassageMigration', (t) =>
  t.field({
    type: MigrationRef,
    nullable: true,
    description:
      'Starts moving Passage users to Clerk, or resumes the same migration (same source, same Clerk). Answers at once; follow it with `migrationProgress` or `migration(id:)`. Needs the `write` and `migrate` scopes.',
    authScopes: { migrate: true },
    errors: {
      types: [InvalidInput, Unsupported, Conflict],
      directResult: true,
      union: { name: 'StartPassageMigrationResult' },
    },
    args: { input: t.arg({ type: StartInput, required: true, description: 'The source and the options.' }) },
    resolve: async (_root, { input }, ctx) => {
      const requests = input.requestsPerTenSeconds ?? 100;
      if (!Number.isInteger(requests) || requests < 1 || requests > 1000) {
        throw refusedInput('requestsPerTenSeconds', `requestsPerTenSeconds must be 1–1000, got ${requests}`);
      }
      const file = input.file ? new Uint8Array(await input.file.arrayBuffer()) : undefined;
      const migration = await ctx.migrations.start(file, {
        dryRun: input.dryRun ?? false,
        allowPartial: input.allowPartial ?? false,
        metadata: (input.metadata ?? 'PUBLIC').toLowerCase() as 'public',
        inactiveUsers: (input.inactiveUsers ?? 'KEEP').toLowerCase() as 'keep',
        rate: { requests, intervalMs: 10_000 },
      });
      return snapshot(migration);
    },
  }),
);

builder.mutationField('cancelMigration', (t) =>
  t.field({
    type: MigrationRef,
    nullable: true,
    description:
      'Stops a running migration after the creates in flight; its report is written and starting it again resumes it. Needs the `write` scope.',
    errors: { types: [NotFound], directResult: true, union: { name: 'CancelMigrationResult' } },
    args: { id: t.arg.id({ required: true, description: 'The run id (`Migration.id`).' }) },
    resolve: async (_root, args, ctx) => {
      const migration = migrationById(ctx.migrations, String(args.id));
      migration.cancel();
      await migration.finished;
      return snapshot(migration);
    },
  }),
);

const UndoPayload = builder.objectRef<UndoResult>('UndoMigrationPayload').implement({
  description: 'What undoing a migration did.',
  fields: (t) => ({
    migrationId: t.id({ description: 'The run undone.', resolve: (p) => p.runId }),
    deleted: t.int({
      description: 'Clerk users this migration had created, deleted now.',
      resolve: (p) => p.deleted.length,
    }),
    alreadyGone: t.int({
      description: 'Users it had created that were already deleted.',
      resolve: (p) => p.alreadyGone.length,
    }),
    signedInSourceIds: t.stringList({
      description:
        'Passage ids whose Clerk user has signed in since the migration: kept, unless undone with `force: true`.',
      resolve: (p) => p.signedIn,
    }),
    failedSourceIds: t.stringList({
      description: 'Passage ids whose Clerk user could not be deleted (run undo again).',
      resolve: (p) => p.failed.map((f) => f.sourceId),
    }),
  }),
});

builder.mutationField('undoPassageMigration', (t) =>
  t.field({
    type: UndoPayload,
    nullable: true,
    description:
      "Deletes the Clerk users this migration created, and only those (never an adopted user, nor one another run made), from the run's journal, also after a restart. Users who have signed in to Clerk since are kept and listed unless `force` is true. Can be repeated. Needs the `write` and `migrate` scopes.",
    authScopes: { migrate: true },
    errors: {
      types: [NotFound, Conflict],
      directResult: true,
      union: { name: 'UndoPassageMigrationResult' },
    },
    args: {
      id: t.arg.id({ required: true, description: 'The run id (`Migration.id`).' }),
      force: t.arg.boolean({
        defaultValue: false,
        description: 'Delete users who have signed in to Clerk since the migration too.',
      }),
    },
    // Its deletes are paced by the run's own budget (`requestsPerTenSeconds`), not in one burst.
    ...upstreamCost({ weight: 1 }),
    resolve: (_root, args, ctx) => ctx.migrations.undo(String(args.id), args.force ?? false, ctx.signal),
  }),
);
