/** Organization invitations, and `User.organizationInvitations` (Clerk only). */
import type { Invitation } from '../providers/types.js';
import { builder } from './builder.js';
import { oneCallWhereOffered, upstreamCost } from './cost.js';
import { OrganizationRef } from './organization.js';
import { connectionFor, DEFAULT_PAGE_SIZE, PAGE_SIZE_DESCRIPTION, pageRequest } from './pagination.js';
import { UserRef } from './user.js';
import { lackedBy, offeredBy } from './support.js';

const InvitationStatus = builder.enumType('InvitationStatus', {
  description: 'Where an organization invitation stands.',
  values: {
    PENDING: { description: 'Sent and not yet answered.' },
    ACCEPTED: { description: 'The invitee joined the organization.' },
    REVOKED: { description: 'Withdrawn by an admin of the organization.' },
    EXPIRED: { description: 'Not answered in time.' },
  } as const,
});

export const InvitationRef = builder.objectRef<Invitation>('Invitation').implement({
  description: 'An invitation to join a Clerk organization, sent to one of the e-mail addresses of a user.',
  fields: (t) => ({
    id: t.exposeID('id', { description: "Clerk's invitation id (`orginv_...`)." }),
    emailAddress: t.exposeString('emailAddress', { description: 'The address the invitation went to.' }),
    role: t.exposeString('role', { description: 'The role it offers, e.g. `org:member`.' }),
    status: t.field({
      type: InvitationStatus,
      description: 'Where it stands.',
      resolve: (i) => i.status,
    }),
    organization: t.field({
      type: OrganizationRef,
      description: 'The organization, public data only (no member count or creation time).',
      resolve: (i) => i.organization,
    }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was sent.', resolve: (i) => i.createdAt }),
    updatedAt: t.field({
      type: 'DateTime',
      description: 'When its status last changed.',
      resolve: (i) => i.updatedAt,
    }),
    expiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it stops being valid, if it expires.',
      resolve: (i) => i.expiresAt,
    }),
  }),
});

const InvitationConnection = builder.connectionObject(
  {
    type: InvitationRef,
    name: 'InvitationConnection',
    description: "A page of a user's organization invitations, newest first.",
    fields: (t) => ({
      totalCount: t.int({
        nullable: true,
        description: 'How many invitations match in all (Clerk always says).',
        resolve: (connection) => (connection as { totalCount?: number }).totalCount ?? null,
      }),
    }),
  },
  { name: 'InvitationEdge', description: 'An invitation in a page, with its cursor.' },
);

builder.objectFields(UserRef, (t) => ({
  organizationInvitations: t.field({
    type: InvitationConnection,
    nullable: true,
    description: `Invitations to organizations sent to any of the user's e-mail addresses, newest first (${offeredBy('listInvitations')} only: null for ${lackedBy('listInvitations')} users, with no upstream call). One call per user, status and page, all users' calls concurrent.`,
    args: {
      status: t.arg({
        type: InvitationStatus,
        description: 'Only invitations in this state (default: all).',
      }),
      first: t.arg.int({ description: PAGE_SIZE_DESCRIPTION }),
      after: t.arg.string({ description: 'The cursor after which the page starts (an `endCursor`).' }),
    },
    ...upstreamCost({
      weight: 1,
      calls: oneCallWhereOffered('listInvitations'),
      size: { assumedSize: DEFAULT_PAGE_SIZE, slicingArguments: ['first'], sizedFields: ['edges'] },
    }),
    resolve: async (user, args, ctx) => {
      const { offset, limit } = pageRequest(args);
      const status = args.status ?? undefined;
      const invitations = await ctx.loaders.invitations.load({ user, offset, limit, status });
      return invitations && connectionFor({ offset, limit }, invitations);
    },
  }),
}));
