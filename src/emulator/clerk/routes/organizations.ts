/**
 * Memberships and invitations, as `{data, total_count}` pages:
 *   GET /users/{user_id}/organization_memberships        one user's memberships
 *   GET /users/{user_id}/organization_invitations        invitations to the user's e-mail addresses
 *   GET /organization_memberships                        every membership of the instance
 *   GET /organizations/{organization_id}/memberships     one organization's, with user filters
 * The last one is the only way to ask for memberships of many users at once (`user_id` ×100).
 */
import type { Route } from '../../provider.js';
import { formParamInvalid, notFound } from '../errors.js';
import { paginate, readList, readOrderBy, readPage, readString } from '../query-params.js';
import { serializeInvitation, serializeMembership } from '../serialize-organizations.js';
import type { InvitationStatus, MembershipRecord } from '../records.js';
import type { ClerkState } from '../state.js';
import { readUserFilter, sortUsers } from '../user-filters.js';
import { ok, requireUser, type ClerkContext } from './context.js';

const MEMBERSHIP_ORDER_FIELDS = [
  'created_at',
  'phone_number',
  'email_address',
  'first_name',
  'last_name',
  'username',
] as const;
const INVITATION_STATUSES: readonly InvitationStatus[] = ['pending', 'accepted', 'revoked', 'expired'];

const newestFirst = <T extends { created_at: number; id: string }>(a: T, b: T) =>
  b.created_at - a.created_at || (a.id < b.id ? 1 : -1);

export function organizationRoutes({ state }: ClerkContext): Route[] {
  const page = (memberships: MembershipRecord[], query: URLSearchParams) => {
    const bounds = readPage(query);
    return ok({
      data: paginate(memberships, bounds).map((m) => serializeMembership(state, m)),
      total_count: memberships.length,
    });
  };

  return [
    {
      method: 'GET',
      template: '/users/{user_id}/organization_memberships',
      handle: ({ params, query }) => {
        const user = requireUser(state, params.user_id!);
        return page(state.membershipsOfUser(user.id).sort(newestFirst), query);
      },
    },
    {
      method: 'GET',
      template: '/users/{user_id}/organization_invitations',
      handle: ({ params, query }) => {
        const user = requireUser(state, params.user_id!);
        const bounds = readPage(query);
        const status = readString(query, 'status');
        if (status !== undefined && !(INVITATION_STATUSES as readonly string[]).includes(status)) {
          throw formParamInvalid(
            'status',
            `status must be one of ${INVITATION_STATUSES.join(', ')}, got ${JSON.stringify(status)}.`,
          );
        }
        const invitations = state
          .invitationsOfUser(user)
          .filter((i) => status === undefined || i.status === status)
          .sort(newestFirst);
        return ok({
          data: paginate(invitations, bounds).map((i) => serializeInvitation(state, i)),
          total_count: invitations.length,
        });
      },
    },
    {
      method: 'GET',
      template: '/organization_memberships',
      handle: ({ query }) => page(orderMemberships(state, [...state.memberships.values()], query), query),
    },
    {
      method: 'GET',
      template: '/organizations/{organization_id}/memberships',
      handle: ({ params, query }) => {
        const key = params.organization_id!;
        const org =
          state.organizations.get(key) ?? [...state.organizations.values()].find((o) => o.slug === key);
        if (!org) throw notFound('organization', key);
        const roles = new Set(readList(query, 'role'));
        const matches = readUserFilter(state, query);
        const memberships = state
          .membershipsOfOrganization(org.id)
          .filter((m) => (roles.size === 0 || roles.has(m.role)) && matches(state.users.get(m.userId)!));
        return page(orderMemberships(state, memberships, query), query);
      },
    },
  ];
}

/** Orders memberships by their own created_at, or by a field of their user. */
function orderMemberships(
  state: ClerkState,
  memberships: MembershipRecord[],
  query: URLSearchParams,
): MembershipRecord[] {
  const order = readOrderBy(query, MEMBERSHIP_ORDER_FIELDS, '-created_at');
  if (order.field === 'created_at') {
    const sorted = memberships.sort(newestFirst);
    return order.descending ? sorted : sorted.reverse();
  }
  const byUser = new Map<string, MembershipRecord[]>();
  for (const m of memberships) byUser.set(m.userId, [...(byUser.get(m.userId) ?? []), m]);
  const users = sortUsers(
    [...byUser.keys()].map((id) => state.users.get(id)!),
    order.field,
    order.descending,
  );
  return users.flatMap((user) => byUser.get(user.id)!.sort(newestFirst));
}
