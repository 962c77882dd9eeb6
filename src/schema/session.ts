/** Sessions, and `User.sessions` (Clerk only). */
import type { Session, SessionActivity } from '../providers/types.js';
import { builder } from './builder.js';
import { oneCallWhereOffered, upstreamCost } from './cost.js';
import { connectionFor, DEFAULT_PAGE_SIZE, PAGE_SIZE_DESCRIPTION, pageRequest } from './pagination.js';
import { lackedBy, offeredBy } from './support.js';
import { UserRef } from './user.js';

export const SessionStatus = builder.enumType('SessionStatus', {
  description: 'Where a session stands.',
  values: {
    ACTIVE: { description: 'Signed in: its client can act as the user.' },
    PENDING: { description: 'Signed in, with a task left to do (e.g. choosing an organization).' },
    REVOKED: { description: 'Ended by an admin (`revokeSession`, `signOutUser`, a ban).' },
    ENDED: { description: 'The user signed out.' },
    EXPIRED: { description: 'Its lifetime ran out.' },
    REMOVED: { description: 'The user removed it from their client.' },
    ABANDONED: { description: 'Not used for too long.' },
    REPLACED: { description: 'A newer session on the same client took its place.' },
  } as const,
});

const SessionActivityRef = builder.objectRef<SessionActivity>('SessionActivity').implement({
  description: "The session's most recent request, as the provider recorded it.",
  fields: (t) => ({
    browserName: t.exposeString('browserName', { nullable: true, description: 'e.g. `Chrome`.' }),
    browserVersion: t.exposeString('browserVersion', { nullable: true, description: 'e.g. `126.0.0.0`.' }),
    deviceType: t.exposeString('deviceType', { nullable: true, description: 'e.g. `iPhone`, `Macintosh`.' }),
    isMobile: t.exposeBoolean('isMobile', { description: 'Whether the device is a phone or tablet.' }),
    ipAddress: t.exposeString('ipAddress', { nullable: true, description: 'The IP address it came from.' }),
    city: t.exposeString('city', { nullable: true, description: 'The city that address places it in.' }),
    country: t.exposeString('country', { nullable: true, description: 'The country, ISO 3166 alpha-2.' }),
  }),
});

export const SessionRef = builder.objectRef<Session>('Session').implement({
  description: 'A signed-in session of a user on one client (a browser or an app). Clerk only.',
  fields: (t) => ({
    id: t.exposeID('id', { description: "Clerk's session id (`sess_...`)." }),
    userId: t.exposeID('userId', { description: 'The user it signs in.' }),
    clientId: t.exposeID('clientId', { description: 'The client (browser or app) it lives on.' }),
    status: t.field({ type: SessionStatus, description: 'Where it stands.', resolve: (s) => s.status }),
    lastActiveAt: t.field({
      type: 'DateTime',
      description: 'When it was last used.',
      resolve: (s) => s.lastActiveAt,
    }),
    expireAt: t.field({
      type: 'DateTime',
      description: 'When it ends unless used again.',
      resolve: (s) => s.expireAt,
    }),
    abandonAt: t.field({
      type: 'DateTime',
      description: 'When it ends however much it is used.',
      resolve: (s) => s.abandonAt,
    }),
    createdAt: t.field({ type: 'DateTime', description: 'When it began.', resolve: (s) => s.createdAt }),
    updatedAt: t.field({
      type: 'DateTime',
      description: 'When it last changed.',
      resolve: (s) => s.updatedAt,
    }),
    latestActivity: t.field({
      type: SessionActivityRef,
      nullable: true,
      description: 'Where and on what it was last used, if recorded.',
      resolve: (s) => s.latestActivity,
    }),
  }),
});

const SessionConnection = builder.connectionObject(
  {
    type: SessionRef,
    name: 'SessionConnection',
    description: "A page of a user's sessions, newest first.",
    fields: (t) => ({
      totalCount: t.int({
        nullable: true,
        description: 'How many sessions match in all, when the provider says (Clerk does not).',
        resolve: (connection) => (connection as { totalCount?: number }).totalCount ?? null,
      }),
    }),
  },
  { name: 'SessionEdge', description: 'A session in a page, with its cursor.' },
);

builder.objectFields(UserRef, (t) => ({
  sessions: t.field({
    type: SessionConnection,
    nullable: true,
    description: `The user's sessions, newest first (${offeredBy('listSessions')} only: null for ${lackedBy('listSessions')} users, with no upstream call; Clerk drops old inactive sessions after a while). One call per user, status and page, all users' calls concurrent.`,
    args: {
      status: t.arg({ type: SessionStatus, description: 'Only sessions in this state (default: all).' }),
      first: t.arg.int({ description: PAGE_SIZE_DESCRIPTION }),
      after: t.arg.string({ description: 'The cursor after which the page starts (an `endCursor`).' }),
    },
    ...upstreamCost({
      weight: 1,
      calls: oneCallWhereOffered('listSessions'),
      size: { assumedSize: DEFAULT_PAGE_SIZE, slicingArguments: ['first'], sizedFields: ['edges'] },
    }),
    resolve: async (user, args, ctx) => {
      const { offset, limit } = pageRequest(args);
      const status = args.status ?? undefined;
      const sessions = await ctx.loaders.sessions.load({ user, offset, limit, status });
      return sessions && connectionFor({ offset, limit }, sessions);
    },
  }),
}));
