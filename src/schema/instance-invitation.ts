/** Invitations to sign up to the application itself (Clerk), and the `invitations` list. */
import type { InstanceInvitation } from '../providers/types.js';
import { builder } from './builder.js';
import { instanceOperation } from './instance-provider.js';
import { upstreamCost } from './cost.js';
import { connectionFor, DEFAULT_PAGE_SIZE, PAGE_SIZE_DESCRIPTION, pageRequest } from './pagination.js';
import { offeredBy } from './support.js';

export const InstanceInvitationStatus = builder.enumType('InstanceInvitationStatus', {
  description: 'Where an invitation to sign up stands.',
  values: {
    PENDING: { description: 'Sent and not yet used.' },
    ACCEPTED: { description: 'The invitee signed up with it.' },
    REVOKED: { description: 'Withdrawn by an admin (`revokeInvitation`).' },
    EXPIRED: { description: 'Not used in time.' },
  } as const,
});

export const InstanceInvitationRef = builder.objectRef<InstanceInvitation>('InstanceInvitation').implement({
  description:
    'An invitation to sign up to the application (Clerk), sent to an e-mail address; not an organization invitation (`Invitation`).',
  fields: (t) => ({
    id: t.exposeID('id', { description: "Clerk's invitation id (`inv_...`)." }),
    emailAddress: t.exposeString('emailAddress', { description: 'The address it was sent to.' }),
    status: t.field({
      type: InstanceInvitationStatus,
      description: 'Where it stands.',
      resolve: (i) => i.status,
    }),
    publicMetadata: t.field({
      type: 'JSONObject',
      description: "What becomes the user's public metadata when they sign up with it.",
      resolve: (i) => i.publicMetadata,
    }),
    url: t.exposeString('url', { nullable: true, description: 'The link the invitee follows, if given.' }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was sent.', resolve: (i) => i.createdAt }),
    updatedAt: t.field({
      type: 'DateTime',
      description: 'When it last changed.',
      resolve: (i) => i.updatedAt,
    }),
    expiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it stops being valid.',
      resolve: (i) => i.expiresAt,
    }),
  }),
});

const InstanceInvitationConnection = builder.connectionObject(
  {
    type: InstanceInvitationRef,
    name: 'InstanceInvitationConnection',
    description: 'A page of invitations to sign up, newest first.',
    fields: (t) => ({
      totalCount: t.int({
        nullable: true,
        description: 'How many invitations match in all, when the provider says.',
        resolve: (connection) => (connection as { totalCount?: number }).totalCount ?? null,
      }),
    }),
  },
  { name: 'InstanceInvitationEdge', description: 'An invitation in a page, with its cursor.' },
);

builder.queryFields((t) => ({
  invitations: t.field({
    type: InstanceInvitationConnection,
    description: `Invitations to sign up to the application, newest first (${offeredBy('listInstanceInvitations')}; a \`PROVIDER_UNSUPPORTED\` error when no configured provider has them). Revoked ones only when asked for by \`status\`. One upstream call per page.`,
    args: {
      status: t.arg({
        type: InstanceInvitationStatus,
        description: 'Only invitations in this state (default: all but revoked).',
      }),
      query: t.arg.string({
        description: 'Only invitations whose e-mail address contains this text, or with this id.',
      }),
      first: t.arg.int({ description: PAGE_SIZE_DESCRIPTION }),
      after: t.arg.string({ description: 'The cursor after which the page starts (an `endCursor`).' }),
    },
    ...upstreamCost({
      weight: 1,
      size: { assumedSize: DEFAULT_PAGE_SIZE, slicingArguments: ['first'], sizedFields: ['edges'] },
    }),
    resolve: async (_root, args, ctx) => {
      const request = pageRequest(args);
      const filter = { status: args.status ?? undefined, query: args.query ?? undefined };
      const list = instanceOperation(ctx.providers, 'listInstanceInvitations');
      return connectionFor(request, await list(filter, request, ctx.call));
    },
  }),
}));
