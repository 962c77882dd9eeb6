/**
 * Impersonation (Clerk's actor tokens): let support sign in as a user to see what they see.
 * Creating one hands out a way into the account, so it needs `secrets`; revoking one only takes
 * access away. Every mutation is audited (the token itself never is).
 */
import type { ActorToken, IssuedActorToken } from '../../providers/types.js';
import { operation } from '../../providers/registry.js';
import { refusedField } from '../../providers/errors.js';
import { builder } from '../builder.js';
import { instanceOperation } from '../instance-provider.js';
import { offeredBy, unsupportedOn } from '../support.js';
import { defineMutation } from './define.js';
import { requireId } from './validate.js';

const ActorTokenStatus = builder.enumType('ActorTokenStatus', {
  description: 'Where an actor token stands.',
  values: {
    PENDING: { description: 'Not used yet.' },
    ACCEPTED: { description: 'Used: the actor signed in as the user.' },
    REVOKED: { description: 'Withdrawn before use (`revokeActorToken`).' },
  } as const,
});

const ActorTokenRef = builder.objectRef<ActorToken>('ActorToken').implement({
  description: "A token to sign in as a user (Clerk's impersonation), without its secret.",
  fields: (t) => ({
    id: t.exposeID('id', { description: "Clerk's actor token id." }),
    userId: t.exposeID('userId', { description: 'The user impersonated.' }),
    actorId: t.exposeString('actorId', {
      description: 'Who impersonates (the session token says so in `act.sub`).',
    }),
    status: t.field({ type: ActorTokenStatus, description: 'Where it stands.', resolve: (a) => a.status }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was issued.', resolve: (a) => a.createdAt }),
    updatedAt: t.field({
      type: 'DateTime',
      description: 'When it last changed.',
      resolve: (a) => a.updatedAt,
    }),
  }),
});

const CreateActorTokenInput = builder.inputType('CreateActorTokenInput', {
  description: 'Who impersonates whom with the token `createActorToken` issues.',
  fields: (t) => ({
    userId: t.id({ required: true, description: 'The user to sign in as: the id `User.id` returns.' }),
    actorId: t.string({
      required: true,
      description: "Who impersonates, e.g. the support agent's own user id; sessions carry it as `act.sub`.",
    }),
    expiresInSeconds: t.int({ description: 'How long the token can be used, 60–86400 s (default 3600).' }),
    sessionMaxDurationInSeconds: t.int({
      description: 'How long the session it starts may last, 60–86400 s (default 1800).',
    }),
  }),
});

const CreateActorTokenPayload = builder.objectRef<IssuedActorToken>('CreateActorTokenPayload').implement({
  description:
    'A new actor token. SECRET, SHOWN ONCE: `token` and `url` sign whoever holds them in as the user; hand them only to the actor and do not log or cache this response.',
  fields: (t) => ({
    actorToken: t.field({
      type: ActorTokenRef,
      description: 'The token, without its secret.',
      resolve: (a) => a,
    }),
    token: t.exposeString('token', { description: 'Secret: the token itself. Shown once.' }),
    url: t.exposeString('url', {
      nullable: true,
      description: 'Secret: the link that signs the actor in as the user. Shown once.',
    }),
  }),
});

const SECONDS = { min: 60, max: 86_400 };

defineMutation({
  name: 'createActorToken',
  result: 'CreateActorTokenResult',
  description: `Issue a token to sign in as a user, so support sees what they see (${offeredBy('createActorToken')}): the session it starts is marked as the actor's. The answer holds a secret shown once. One upstream call. ${unsupportedOn('createActorToken')}.`,
  input: CreateActorTokenInput,
  payload: CreateActorTokenPayload,
  // The payload names the user, so what the request cached about them is dropped.
  changes: 'user',
  // Whoever holds the token is the user until it expires: account takeover by design.
  secrets: true,
  resolve: async ({ userId, actorId, expiresInSeconds, sessionMaxDurationInSeconds }, ctx) => {
    const id = requireId('userId', userId);
    const actor = requireId('actorId', actorId);
    for (const [field, value] of Object.entries({ expiresInSeconds, sessionMaxDurationInSeconds })) {
      if (value != null && (value < SECONDS.min || value > SECONDS.max)) {
        throw refusedField(field, `must be ${SECONDS.min}–${SECONDS.max} seconds, got ${value}`);
      }
    }
    const create = operation(ctx.providers.forUserId(id), 'createActorToken');
    const input = {
      actorId: actor,
      expiresInSeconds: expiresInSeconds ?? undefined,
      sessionMaxDurationInSeconds: sessionMaxDurationInSeconds ?? undefined,
    };
    return create(id, input, ctx.call);
  },
});

const RevokeActorTokenInput = builder.inputType('RevokeActorTokenInput', {
  description: 'The actor token `revokeActorToken` withdraws.',
  fields: (t) => ({
    actorTokenId: t.id({ required: true, description: 'The token: the id `ActorToken.id` returns.' }),
  }),
});

const RevokeActorTokenPayload = builder
  .objectRef<{ actorToken: ActorToken }>('RevokeActorTokenPayload')
  .implement({
    description: 'The result of `revokeActorToken`.',
    fields: (t) => ({
      actorToken: t.field({
        type: ActorTokenRef,
        description: 'The token, now `REVOKED`.',
        resolve: (p) => p.actorToken,
      }),
    }),
  });

defineMutation({
  name: 'revokeActorToken',
  result: 'RevokeActorTokenResult',
  description: `Withdraw an actor token that was not used yet (${offeredBy('revokeActorToken')}). One upstream call. ${unsupportedOn('revokeActorToken')}.`,
  input: RevokeActorTokenInput,
  payload: RevokeActorTokenPayload,
  changes: 'nothing',
  resolve: async ({ actorTokenId }, ctx) => {
    const id = requireId('actorTokenId', actorTokenId);
    const revoke = instanceOperation(ctx.providers, 'revokeActorToken');
    return { actorToken: await revoke(id, ctx.call) };
  },
});
