/**
 * The sign-up allowlist and blocklist (Clerk): add an entry, remove one. They change no user; a
 * blocklist entry stops matching users from signing in, which Clerk enforces at their next
 * sign-in. Passage has no equivalent.
 */
import type { ListedIdentifier, OptionalOperation } from '../../providers/types.js';
import { AllowlistIdentifierRef, BlocklistIdentifierRef } from '../access-list.js';
import { builder } from '../builder.js';
import { instanceOperation } from '../instance-provider.js';
import { offeredBy, unsupportedOn, withoutEquivalent } from '../support.js';
import { defineMutation } from './define.js';
import { checkListedIdentifier, requireId } from './validate.js';

const IDENTIFIER_DESCRIPTION =
  'An e-mail address (`ada@example.com`), every address at a domain (`*@example.com`), an E.164 phone number (`+15005550006`) or a Web3 wallet (`0x` and 40 hex digits).';

const unsupported = (operation: OptionalOperation) =>
  `${unsupportedOn(operation)} (${withoutEquivalent(operation)})`;

const CreateAllowlistIdentifierInput = builder.inputType('CreateAllowlistIdentifierInput', {
  description: 'What `createAllowlistIdentifier` adds to the sign-up allowlist.',
  fields: (t) => ({
    identifier: t.string({ required: true, description: IDENTIFIER_DESCRIPTION }),
    notify: t.boolean({
      description:
        'Send the address or number an invitation to sign up (default: false); a domain or a wallet gets none.',
    }),
  }),
});

const CreateAllowlistIdentifierPayload = builder
  .objectRef<{ allowlistIdentifier: ListedIdentifier }>('CreateAllowlistIdentifierPayload')
  .implement({
    description: 'The result of `createAllowlistIdentifier`.',
    fields: (t) => ({
      allowlistIdentifier: t.field({
        type: AllowlistIdentifierRef,
        description: 'The new entry.',
        resolve: (p) => p.allowlistIdentifier,
      }),
    }),
  });

defineMutation({
  name: 'createAllowlistIdentifier',
  result: 'CreateAllowlistIdentifierResult',
  description: `Add an address, a domain, a number or a wallet to the sign-up allowlist (${offeredBy('createAllowlistIdentifier')}): when the instance restricts sign-up to its allowlist, what matches may sign up. An entry already listed is a \`ConflictError\`. One upstream call. ${unsupported('createAllowlistIdentifier')}.`,
  input: CreateAllowlistIdentifierInput,
  payload: CreateAllowlistIdentifierPayload,
  changes: 'nothing',
  resolve: async ({ identifier, notify }, ctx) => {
    checkListedIdentifier('identifier', identifier);
    const create = instanceOperation(ctx.providers, 'createAllowlistIdentifier');
    return { allowlistIdentifier: await create({ identifier, notify: notify ?? undefined }, ctx.call) };
  },
});

const CreateBlocklistIdentifierInput = builder.inputType('CreateBlocklistIdentifierInput', {
  description: 'What `createBlocklistIdentifier` adds to the blocklist.',
  fields: (t) => ({ identifier: t.string({ required: true, description: IDENTIFIER_DESCRIPTION }) }),
});

const CreateBlocklistIdentifierPayload = builder
  .objectRef<{ blocklistIdentifier: ListedIdentifier }>('CreateBlocklistIdentifierPayload')
  .implement({
    description: 'The result of `createBlocklistIdentifier`.',
    fields: (t) => ({
      blocklistIdentifier: t.field({
        type: BlocklistIdentifierRef,
        description: 'The new entry.',
        resolve: (p) => p.blocklistIdentifier,
      }),
    }),
  });

defineMutation({
  name: 'createBlocklistIdentifier',
  result: 'CreateBlocklistIdentifierResult',
  description: `Block an address, a whole domain, a number or a wallet (${offeredBy('createBlocklistIdentifier')}): what matches can neither sign up nor sign in. Existing sessions are not ended: \`signOutUser\` does that. An entry already listed is a \`ConflictError\`. One upstream call. ${unsupported('createBlocklistIdentifier')}.`,
  input: CreateBlocklistIdentifierInput,
  payload: CreateBlocklistIdentifierPayload,
  changes: 'nothing',
  resolve: async ({ identifier }, ctx) => {
    checkListedIdentifier('identifier', identifier);
    const create = instanceOperation(ctx.providers, 'createBlocklistIdentifier');
    return { blocklistIdentifier: await create({ identifier }, ctx.call) };
  },
});

const DeleteAllowlistIdentifierInput = builder.inputType('DeleteAllowlistIdentifierInput', {
  description: 'The entry `deleteAllowlistIdentifier` removes.',
  fields: (t) => ({
    allowlistIdentifierId: t.id({
      required: true,
      description: 'The entry: the id `allowlistIdentifiers` returns.',
    }),
  }),
});

const DeleteAllowlistIdentifierPayload = builder
  .objectRef<{ deletedAllowlistIdentifierId: string }>('DeleteAllowlistIdentifierPayload')
  .implement({
    description: 'The result of `deleteAllowlistIdentifier`.',
    fields: (t) => ({
      deletedAllowlistIdentifierId: t.exposeID('deletedAllowlistIdentifierId', {
        description: 'The id of the entry removed.',
      }),
    }),
  });

defineMutation({
  name: 'deleteAllowlistIdentifier',
  result: 'DeleteAllowlistIdentifierResult',
  description: `Remove an entry from the sign-up allowlist (${offeredBy('deleteAllowlistIdentifier')}): when sign-up is restricted to the allowlist, what it matched may no longer sign up; users who already did keep their accounts. One upstream call. ${unsupported('deleteAllowlistIdentifier')}.`,
  input: DeleteAllowlistIdentifierInput,
  payload: DeleteAllowlistIdentifierPayload,
  changes: 'nothing',
  resolve: async (input, ctx) => {
    const id = requireId('allowlistIdentifierId', input.allowlistIdentifierId);
    await instanceOperation(ctx.providers, 'deleteAllowlistIdentifier')(id, ctx.call);
    return { deletedAllowlistIdentifierId: id };
  },
});

const DeleteBlocklistIdentifierInput = builder.inputType('DeleteBlocklistIdentifierInput', {
  description: 'The entry `deleteBlocklistIdentifier` removes.',
  fields: (t) => ({
    blocklistIdentifierId: t.id({
      required: true,
      description: 'The entry: the id `blocklistIdentifiers` returns.',
    }),
  }),
});

const DeleteBlocklistIdentifierPayload = builder
  .objectRef<{ deletedBlocklistIdentifierId: string }>('DeleteBlocklistIdentifierPayload')
  .implement({
    description: 'The result of `deleteBlocklistIdentifier`.',
    fields: (t) => ({
      deletedBlocklistIdentifierId: t.exposeID('deletedBlocklistIdentifierId', {
        description: 'The id of the entry removed.',
      }),
    }),
  });

defineMutation({
  name: 'deleteBlocklistIdentifier',
  result: 'DeleteBlocklistIdentifierResult',
  description: `Remove an entry from the blocklist (${offeredBy('deleteBlocklistIdentifier')}): what it matched may sign up and sign in again. One upstream call. ${unsupported('deleteBlocklistIdentifier')}.`,
  input: DeleteBlocklistIdentifierInput,
  payload: DeleteBlocklistIdentifierPayload,
  changes: 'nothing',
  resolve: async (input, ctx) => {
    const id = requireId('blocklistIdentifierId', input.blocklistIdentifierId);
    await instanceOperation(ctx.providers, 'deleteBlocklistIdentifier')(id, ctx.call);
    return { deletedBlocklistIdentifierId: id };
  },
});
