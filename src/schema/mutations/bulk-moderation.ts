/**
 * Ban or unban many users at once (Clerk's `POST /users/ban|unban`, a few dozen per call, chunks run
 * concurrently). Every id is checked and routed before any call, so a malformed id or a user of a
 * provider without bulk bans changes nobody. A failed chunk fails the mutation; chunks that went
 * through stay applied (a ban repeated is harmless, so sending the same list again is the retry).
 */
import type { OptionalOperation, Provider, User } from '../../providers/types.js';
import { largestLimit } from '../../providers/catalog.js';
import { operation } from '../../providers/registry.js';
import { refusedField } from '../../providers/errors.js';
import type { Context } from '../../context.js';
import { builder } from '../builder.js';
import { UserRef } from '../user.js';
import { offeredBy, unsupportedOn } from '../support.js';
import type { UpstreamCost } from '../cost.js';
import { defineMutation } from './define.js';
import { requireId } from './validate.js';

const PER_CALL = largestLimit('maxBulkModerationIds');
/** The most ids one mutation takes: ten bulk calls. */
const MAX_IDS = 10 * PER_CALL;

function bulkInput(typeName: string, verb: string) {
  return builder.inputType(typeName, {
    description: `The users to ${verb}.`,
    fields: (t) => ({
      userIds: t.idList({
        required: true,
        description: `1–${MAX_IDS} user ids, as \`User.id\` returns them; repeats count once.`,
      }),
    }),
  });
}

function bulkPayload(typeName: string, description: string) {
  return builder.objectRef<{ users: User[] }>(typeName).implement({
    description,
    fields: (t) => ({
      users: t.field({
        type: [UserRef],
        description: 'The users after the change.',
        resolve: (p) => p.users,
      }),
    }),
  });
}

/** One call per `PER_CALL` ids of a provider; the ids' providers are not known before running. */
const BULK_COST: UpstreamCost = {
  weight: Math.ceil(MAX_IDS / PER_CALL),
  calls: (_provider, args) => {
    const ids = (args.input as { userIds?: readonly unknown[] } | undefined)?.userIds ?? [];
    return Math.max(1, Math.ceil(ids.length / PER_CALL));
  },
};

async function runBulk(
  name: OptionalOperation & ('banUsers' | 'unbanUsers'),
  userIds: readonly (string | number)[],
  ctx: Context,
): Promise<{ users: User[] }> {
  if (userIds.length < 1 || userIds.length > MAX_IDS) {
    throw refusedField('userIds', `must hold 1–${MAX_IDS} ids, got ${userIds.length}`);
  }
  const byProvider = new Map<Provider, string[]>();
  for (const raw of userIds) {
    const id = requireId('userIds', raw);
    const provider = ctx.providers.forUserId(id);
    byProvider.set(provider, [...(byProvider.get(provider) ?? []), id]);
  }
  // Every provider's operation first: one without it refuses before any user changes.
  const runs = [...byProvider].map(([provider, ids]) => [operation(provider, name), ids] as const);
  const answered = await Promise.all(runs.map(([run, ids]) => run(ids, ctx.call)));
  return { users: answered.flat() };
}

defineMutation({
  name: 'banUsers',
  result: 'BanUsersResult',
  description: `Ban many users at once (${offeredBy('banUsers')}): as \`banUser\` for each, ${PER_CALL} users per upstream call, calls concurrent. ${unsupportedOn('banUsers')} (for any of its users, before anything changes): use \`deactivateUser\`.`,
  input: bulkInput('BanUsersInput', 'ban'),
  payload: bulkPayload('BanUsersPayload', 'The result of `banUsers`.'),
  changes: 'users',
  cost: BULK_COST,
  resolve: ({ userIds }, ctx) => runBulk('banUsers', userIds, ctx),
});

defineMutation({
  name: 'unbanUsers',
  result: 'UnbanUsersResult',
  description: `Unban many users at once (${offeredBy('unbanUsers')}): as \`unbanUser\` for each, ${PER_CALL} users per upstream call, calls concurrent. ${unsupportedOn('unbanUsers')} (for any of its users, before anything changes): use \`activateUser\`.`,
  input: bulkInput('UnbanUsersInput', 'unban'),
  payload: bulkPayload('UnbanUsersPayload', 'The result of `unbanUsers`.'),
  changes: 'users',
  cost: BULK_COST,
  resolve: ({ userIds }, ctx) => runBulk('unbanUsers', userIds, ctx),
});
