/**
 * Organizations, memberships and invitations in the exact shapes of Clerk's spec
 * (`Organization`, `OrganizationMembership` with `public_user_data`,
 * `OrganizationInvitationWithPublicOrganizationData`).
 */
import type { InvitationRecord, MembershipRecord, OrganizationRecord, UserRecord } from './records.js';
import { imageUrls } from './serialize.js';
import type { ClerkState } from './state.js';

const ROLES: Record<string, { name: string; permissions: string[] }> = {
  'org:admin': {
    name: 'Admin',
    permissions: [
      'org:sys_profile:manage',
      'org:sys_profile:delete',
      'org:sys_memberships:read',
      'org:sys_memberships:manage',
      'org:sys_domains:read',
      'org:sys_domains:manage',
    ],
  },
  'org:member': { name: 'Member', permissions: ['org:sys_memberships:read'] },
};
const roleOf = (role: string) => ROLES[role] ?? { name: role, permissions: [] };

export function serializeOrganization(state: ClerkState, org: OrganizationRecord) {
  const invitationIds = state.invitationsByOrganization.get(org.id) ?? [];
  const pending = [...invitationIds].filter((id) => state.invitations.get(id)?.status === 'pending').length;
  return {
    object: 'organization',
    id: org.id,
    name: org.name,
    slug: org.slug,
    image_url: `https://img.clerk.com/${Buffer.from(JSON.stringify({ type: 'default', iid: 'ins_emulator', rid: org.id, initials: org.name.slice(0, 1) })).toString('base64url')}`,
    has_image: false,
    members_count: state.membershipsByOrganization.get(org.id)?.size ?? 0,
    missing_member_with_elevated_permissions: false,
    pending_invitations_count: pending,
    max_allowed_memberships: org.max_allowed_memberships,
    admin_delete_enabled: org.admin_delete_enabled,
    public_metadata: org.public_metadata,
    private_metadata: org.private_metadata,
    ...(org.created_by ? { created_by: org.created_by } : {}),
    created_at: org.created_at,
    updated_at: org.updated_at,
    role_set_key: null,
  };
}

/** The identifier Clerk shows for a user: primary e-mail, else phone, else username. */
function identifierOf(user: UserRecord): string | null {
  const email = user.emails.find((e) => e.id === user.primary_email_address_id);
  const phone = user.phones.find((p) => p.id === user.primary_phone_number_id);
  return email?.email_address ?? phone?.phone_number ?? user.username ?? null;
}

export function serializeMembership(state: ClerkState, membership: MembershipRecord) {
  const user = state.users.get(membership.userId)!;
  const org = state.organizations.get(membership.organizationId)!;
  const role = roleOf(membership.role);
  const images = imageUrls(user);
  return {
    id: membership.id,
    object: 'organization_membership',
    role: membership.role,
    role_name: role.name,
    permissions: role.permissions,
    public_metadata: membership.public_metadata,
    private_metadata: membership.private_metadata,
    organization: serializeOrganization(state, org),
    public_user_data: {
      user_id: user.id,
      first_name: user.first_name,
      last_name: user.last_name,
      profile_image_url: images.profile_image_url,
      image_url: images.image_url,
      has_image: images.has_image,
      identifier: identifierOf(user),
      username: user.username,
      banned: user.banned,
      deprovisioned: false,
    },
    created_at: membership.created_at,
    updated_at: membership.updated_at,
  };
}

export function serializeInvitation(state: ClerkState, invitation: InvitationRecord) {
  const org = state.organizations.get(invitation.organizationId)!;
  const inviter = invitation.inviterId ? state.users.get(invitation.inviterId) : undefined;
  const orgJson = serializeOrganization(state, org);
  return {
    object: 'organization_invitation',
    id: invitation.id,
    email_address: invitation.email_address,
    role: invitation.role,
    role_name: roleOf(invitation.role).name,
    organization_id: invitation.organizationId,
    inviter_id: inviter ? inviter.id : null,
    public_inviter_data: inviter
      ? {
          user_id: inviter.id,
          first_name: inviter.first_name,
          last_name: inviter.last_name,
          image_url: imageUrls(inviter).image_url,
          has_image: imageUrls(inviter).has_image,
          identifier: identifierOf(inviter) ?? inviter.id,
        }
      : null,
    status: invitation.status,
    public_metadata: invitation.public_metadata,
    private_metadata: invitation.private_metadata,
    url: null,
    expires_at: invitation.expires_at,
    created_at: invitation.created_at,
    updated_at: invitation.updated_at,
    public_organization_data: {
      id: org.id,
      name: org.name,
      slug: org.slug,
      image_url: orgJson.image_url,
      has_image: false,
    },
  };
}
