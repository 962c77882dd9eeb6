/**
 * The instance's sign-up allowlist and blocklist (Clerk), and the `allowlistIdentifiers` and
 * `blocklistIdentifiers` lists. Passage has no equivalent: its apps decide who may register in
 * their own settings, outside the Management API.
 */
import type { ListedIdentifier, OptionalOperation } from '../providers/types.js';
import { builder } from './builder.js';
import { upstreamCost } from './cost.js';
import { instanceOperation } from './instance-provider.js';
import { connectionFor, DEFAULT_PAGE_SIZE, PAGE_SIZE_DESCRIPTION, pageRequest } from './pagination.js';
import { offeredBy, withoutEquivalent } from './support.js';

const ListedIdentifierType = builder.enumType('ListedIdentifierType', {
  description: 'What an allowlist or blocklist entry is.',
  values: {
    EMAIL_ADDRESS: { description: 'An e-mail address, or every address at a domain (`*@example.com`).' },
    PHONE_NUMBER: { description: 'A phone number in E.164.' },
    WEB3_WALLET: { description: 'A Web3 wallet address.' },
  } as const,
});

/** The fields both kinds of entry share. */
function listedIdentifierType(name: string, description: string, invitation: boolean) {
  return builder.objectRef<ListedIdentifier>(name).implement({
    description,
    fields: (t) => ({
      id: t.exposeID('id', { description: "Clerk's id of the entry." }),
      identifier: t.exposeString('identifier', {
        description: 'The address, domain (`*@example.com`), number or wallet listed.',
      }),
      identifierType: t.field({
        type: ListedIdentifierType,
        description: 'What it is.',
        resolve: (e) => e.type,
      }),
      ...(invitation && {
        invitationId: t.exposeID('invitationId', {
          nullable: true,
          description:
            'The invitation to sign up sent when it was added with `notify` (an `InstanceInvitation` id), if any.',
        }),
      }),
      createdAt: t.field({
        type: 'DateTime',
        description: 'When it was listed.',
        resolve: (e) => e.createdAt,
      }),
      updatedAt: t.field({
        type: 'DateTime',
        description: 'When it last changed.',
        resolve: (e) => e.updatedAt,
      }),
    }),
  });
}

export const AllowlistIdentifierRef = listedIdentifierType(
  'AllowlistIdentifier',
  'An entry of the sign-up allowlist (Clerk): when the instance restricts sign-up to its allowlist, only what matches an entry may sign up.',
  true,
);

export const BlocklistIdentifierRef = listedIdentifierType(
  'BlocklistIdentifier',
  'An entry of the blocklist (Clerk): what matches it can neither sign up nor sign in.',
  false,
);

function listField(options: {
  field: 'allowlistIdentifiers' | 'blocklistIdentifiers';
  ref: typeof AllowlistIdentifierRef;
  typeName: string;
  /** The list, as a noun phrase: `the blocklist`. */
  noun: string;
  /** What it decides. */
  who: string;
  list: Extract<OptionalOperation, 'listAllowlistIdentifiers' | 'listBlocklistIdentifiers'>;
}) {
  const { field, ref, typeName, noun, who, list } = options;
  const connection = builder.connectionObject(
    {
      type: ref,
      name: `${typeName}Connection`,
      description: `A page of ${noun}, newest first.`,
      fields: (t) => ({
        totalCount: t.int({
          nullable: true,
          description: 'How many entries the list holds in all.',
          resolve: (c) => (c as { totalCount?: number }).totalCount ?? null,
        }),
      }),
    },
    { name: `${typeName}Edge`, description: 'An entry in a page, with its cursor.' },
  );
  builder.queryField(field, (t) =>
    t.field({
      type: connection,
      description: `${noun[0]!.toUpperCase()}${noun.slice(1)} (${who}), newest first (${offeredBy(list)} only; ${withoutEquivalent(list)}, so the field is a \`PROVIDER_UNSUPPORTED\` error when no configured provider has it). One upstream call per page.`,
      args: {
        first: t.arg.int({ description: PAGE_SIZE_DESCRIPTION }),
        after: t.arg.string({ description: 'The cursor after which the page starts (an `endCursor`).' }),
      },
      ...upstreamCost({
        weight: 1,
        size: { assumedSize: DEFAULT_PAGE_SIZE, slicingArguments: ['first'], sizedFields: ['edges'] },
      }),
      resolve: async (_root, args, ctx) => {
        const request = pageRequest(args);
        return connectionFor(request, await instanceOperation(ctx.providers, list)(request, ctx.call));
      },
    }),
  );
}

listField({
  field: 'allowlistIdentifiers',
  ref: AllowlistIdentifierRef,
  typeName: 'AllowlistIdentifier',
  noun: 'the sign-up allowlist',
  who: 'who may sign up when the instance restricts sign-up to it',
  list: 'listAllowlistIdentifiers',
});

listField({
  field: 'blocklistIdentifiers',
  ref: BlocklistIdentifierRef,
  typeName: 'BlocklistIdentifier',
  noun: 'the blocklist',
  who: 'who may neither sign up nor sign in',
  list: 'listBlocklistIdentifiers',
});
