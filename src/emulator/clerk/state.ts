/**
 * The Clerk instance's state: records keyed by id, plus the secondary indexes the API's
 * uniqueness rules and filters need (identifier → user, user → memberships, e-mail →
 * invitations). Records hold what Clerk stores (a password hash, a TOTP secret); serialize.ts
 * turns them into the wire shapes, so nothing secret leaks by accident.
 */
import { Random } from '../random.js';
import { clerkId } from './ids.js';
import type {
  ActorTokenRecord,
  InstanceInvitationRecord,
  InvitationRecord,
  ListedIdentifierRecord,
  MembershipRecord,
  OrganizationRecord,
  SessionRecord,
  UserRecord,
} from './records.js';

type Identifier = 'email' | 'phone' | 'username' | 'externalId' | 'web3';

export class ClerkState {
  readonly users = new Map<string, UserRecord>();
  readonly organizations = new Map<string, OrganizationRecord>();
  readonly memberships = new Map<string, MembershipRecord>();
  readonly invitations = new Map<string, InvitationRecord>();
  readonly sessions = new Map<string, SessionRecord>();
  /** Invitations to sign up to the application, by id. */
  readonly instanceInvitations = new Map<string, InstanceInvitationRecord>();
  readonly actorTokens = new Map<string, ActorTokenRecord>();
  /** The sign-up allowlist and blocklist, by id. */
  readonly allowlist = new Map<string, ListedIdentifierRecord>();
  readonly blocklist = new Map<string, ListedIdentifierRecord>();

  /** Identifier (lower-cased) → user id, one map per kind: Clerk keeps each unique per instance. */
  private readonly identifiers: Record<Identifier, Map<string, string>> = {
    email: new Map(),
    phone: new Map(),
    username: new Map(),
    externalId: new Map(),
    web3: new Map(),
  };
  readonly membershipsByUser = new Map<string, Set<string>>();
  readonly membershipsByOrganization = new Map<string, Set<string>>();
  readonly invitationsByEmail = new Map<string, Set<string>>();
  readonly invitationsByOrganization = new Map<string, Set<string>>();
  readonly sessionsByUser = new Map<string, Set<string>>();

  /**
   * Ids and secrets minted after seeding come from this source, itself seeded from the seed, so
   * a replayed test sees the same ids.
   */
  random = new Random(1);

  reset(seed: number): void {
    this.users.clear();
    this.organizations.clear();
    this.memberships.clear();
    this.invitations.clear();
    for (const index of Object.values(this.identifiers)) index.clear();
    this.membershipsByUser.clear();
    this.membershipsByOrganization.clear();
    this.invitationsByEmail.clear();
    this.invitationsByOrganization.clear();
    this.sessions.clear();
    this.sessionsByUser.clear();
    this.instanceInvitations.clear();
    this.actorTokens.clear();
    this.allowlist.clear();
    this.blocklist.clear();
    this.random = new Random(seed ^ 0x5eed_c1e7);
  }

  /** A Clerk-looking id: `user_` + 27 base62 characters. */
  newId(prefix: string): string {
    return clerkId(this.random, prefix);
  }

  userIdFor(kind: Identifier, value: string): string | undefined {
    return this.identifiers[kind].get(value.toLowerCase());
  }

  addUser(user: UserRecord): void {
    this.users.set(user.id, user);
    this.indexUser(user);
  }

  /** Re-indexes a user around a mutation, so identifier indexes never go stale. */
  updateUser(user: UserRecord, mutate: (user: UserRecord) => void): void {
    this.unindexUser(user);
    mutate(user);
    this.indexUser(user);
  }

  deleteUser(user: UserRecord): void {
    this.unindexUser(user);
    this.users.delete(user.id);
    // Memberships go with the user; invitations stay, as they belong to an e-mail address.
    for (const membershipId of [...(this.membershipsByUser.get(user.id) ?? [])]) {
      this.removeMembership(membershipId);
    }
    for (const sessionId of this.sessionsByUser.get(user.id) ?? []) this.sessions.delete(sessionId);
    this.sessionsByUser.delete(user.id);
  }

  addOrganization(organization: OrganizationRecord): void {
    this.organizations.set(organization.id, organization);
    this.membershipsByOrganization.set(organization.id, new Set());
  }

  addMembership(membership: MembershipRecord): void {
    this.memberships.set(membership.id, membership);
    setFor(this.membershipsByUser, membership.userId).add(membership.id);
    setFor(this.membershipsByOrganization, membership.organizationId).add(membership.id);
  }

  addInvitation(invitation: InvitationRecord): void {
    this.invitations.set(invitation.id, invitation);
    setFor(this.invitationsByEmail, invitation.email_address.toLowerCase()).add(invitation.id);
    setFor(this.invitationsByOrganization, invitation.organizationId).add(invitation.id);
  }

  addSession(session: SessionRecord): void {
    this.sessions.set(session.id, session);
    setFor(this.sessionsByUser, session.userId).add(session.id);
  }

  sessionsOfUser(userId: string): SessionRecord[] {
    return [...(this.sessionsByUser.get(userId) ?? [])].map((id) => this.sessions.get(id)!);
  }

  membershipsOfUser(userId: string): MembershipRecord[] {
    return [...(this.membershipsByUser.get(userId) ?? [])].map((id) => this.memberships.get(id)!);
  }

  membershipsOfOrganization(organizationId: string): MembershipRecord[] {
    return [...(this.membershipsByOrganization.get(organizationId) ?? [])].map((id) =>
      this.memberships.get(id)!,
    );
  }

  invitationsOfUser(user: UserRecord): InvitationRecord[] {
    const ids = new Set(
      user.emails.flatMap((e) => [...(this.invitationsByEmail.get(e.email_address.toLowerCase()) ?? [])]),
    );
    return [...ids].map((id) => this.invitations.get(id)!);
  }

  private removeMembership(id: string): void {
    const membership = this.memberships.get(id);
    if (!membership) return;
    this.memberships.delete(id);
    this.membershipsByUser.get(membership.userId)?.delete(id);
    this.membershipsByOrganization.get(membership.organizationId)?.delete(id);
  }

  private indexUser(user: UserRecord): void {
    for (const [kind, value] of identifiersOf(user)) this.identifiers[kind].set(value.toLowerCase(), user.id);
  }

  private unindexUser(user: UserRecord): void {
    for (const [kind, value] of identifiersOf(user)) this.identifiers[kind].delete(value.toLowerCase());
  }
}

function identifiersOf(user: UserRecord): [Identifier, string][] {
  const out: [Identifier, string][] = [];
  for (const email of user.emails) out.push(['email', email.email_address]);
  for (const phone of user.phones) out.push(['phone', phone.phone_number]);
  for (const wallet of user.web3Wallets) out.push(['web3', wallet.web3_wallet]);
  if (user.username !== null) out.push(['username', user.username]);
  if (user.external_id !== null) out.push(['externalId', user.external_id]);
  return out;
}

function setFor<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}
