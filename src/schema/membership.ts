/** Organization memberships, and `User.organizationMemberships` (Clerk only). */
import type { Membership } from '../providers/types.js';
import { builder } from './builder.js';
import { oneCallWhereOffered, upstreamCost } from './cost.js';
import { OrganizationRef } from './organization.js';
import { connectionFor, DEFAULT_PAGE_SIZE, PAGE_SIZE_DESCRIPTION, pageRequest } from './pagination.js';
import { UserRef } from './user.js';
import { lackedBy, offeredBy } from './support.js';

export const MembershipRef = builder.objectRef<Membership>('Membership').implement({
  description: "A user's membership of a Clerk organization, with the role it gives.",
  fields: (t) => ({
    id: t.exposeID('id', { description: "Clerk's membership id (`orgmem_...`)." }),
    role: t.exposeString('role', { description: 'The role key, e.g. `org:admin` or `org:member`.' }),
    roleName: t.exposeString('roleName', {
      nullable: true,
      description: "The role's display name, e.g. `Admin`, where Clerk sends it.",
    }),
    permissions: t.exposeStringList('permissions', {
      description: 'The permission keys the role grants, e.g. `org:sys_memberships:manage`.',
    }),
    organization: t.field({
      type: OrganizationRef,
      description: 'The organization.',
      resolve: (m) => m.organization,
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When the user joined.',
      resolve: (m) => m.createdAt,
    }),
    updatedAt: t.field({
      type: 'DateTime',
      description: 'When the membership (its role) last changed.',
      resolve: (m) => m.updatedAt,
    }),
  }),
});

const MembershipConnection = builder.connectionObject(
  {
    type: MembershipRef,
    name: 'MembershipConnection',
    description: "A page of a user's organization memberships, newest first.",
    fields: (t) => ({
      totalCount: t.int({
        nullable: true,
        description: 'How many memberships the user has in all (Clerk always says).',
        resolve: (connection) => (connection as { totalCount?: number }).totalCount ?? null,
      }),
    }),
  },
  { name: 'MembershipEdge', description: 'A membership in a page, with its cursor.' },
);

builder.objectFields(UserRef, (t) => ({
  organizationMemberships: t.field({
    type: MembershipConnection,
    nullable: true,
    description: `The user's organization memberships, newest first (${offeredBy('listMemberships')} only: null for ${lackedBy('listMemberships')} users, with no upstream call). One call per user and page, all users' calls concurrent.`,
    args: {
      first: t.arg.int({ description: PAGE_SIZE_DESCRIPTION }),
      after: t.arg.string({ description: 'The cursor after which the page starts (an `endCursor`).' }),
    },
    ...upstreamCost({
      weight: 1,
      calls: oneCallWhereOffered('listMemberships'),
      size: { assumedSize: DEFAULT_PAGE_SIZE, slicingArguments: ['first'], sizedFields: ['edges'] },
    }),
    resolve: async (user, args, ctx) => {
      const { offset, limit } = pageRequest(args);
      const memberships = await ctx.loaders.memberships.load({ user, offset, limit });
      return memberships && connectionFor({ offset, limit }, memberships);
    },
  }),
}));
