/**
 * Impersonation: `POST /actor_tokens` `{user_id, actor: {sub, ...}, expires_in_seconds?,
 * session_max_duration_in_seconds?}` answers an ActorToken with its token and sign-in URL;
 * `POST /actor_tokens/{id}/revoke` revokes a pending one.
 */
import * as z from 'zod';
import type { Route } from '../../provider.js';
import { metadataSchema, readJsonBody } from '../body.js';
import { ClerkApiError, notFound } from '../errors.js';
import type { ActorTokenRecord } from '../records.js';
import { ok, requireUser, type ClerkContext } from './context.js';

const createSchema = z.strictObject({
  user_id: z.string(),
  actor: metadataSchema.refine((actor) => typeof actor.sub === 'string' && actor.sub !== '', {
    message: 'actor.sub is required',
  }),
  expires_in_seconds: z.int().positive().nullish(),
  session_max_duration_in_seconds: z.int().positive().nullish(),
});

function serializeActorToken(token: ActorTokenRecord, withSecret: boolean) {
  return {
    object: 'actor_token',
    id: token.id,
    status: token.status,
    user_id: token.userId,
    actor: token.actor,
    // The token and its URL are shown when it is created, as Clerk does.
    ...(withSecret && {
      token: token.token,
      url: `https://accounts.emulator.clerk.test/v1/tickets/accept?ticket=${token.token}`,
    }),
    created_at: token.created_at,
    updated_at: token.updated_at,
  };
}

export function actorTokenRoutes({ state, now }: ClerkContext): Route[] {
  return [
    {
      method: 'POST',
      template: '/actor_tokens',
      handle: (req) => {
        const body = readJsonBody(req, createSchema);
        requireUser(state, body.user_id);
        const at = now();
        const token: ActorTokenRecord = {
          id: state.newId('act'),
          userId: body.user_id,
          actor: body.actor as ActorTokenRecord['actor'],
          status: 'pending',
          token: state.random.token(64),
          expires_at: at + (body.expires_in_seconds ?? 3600) * 1000,
          created_at: at,
          updated_at: at,
        };
        state.actorTokens.set(token.id, token);
        return ok(serializeActorToken(token, true));
      },
    },
    {
      method: 'POST',
      template: '/actor_tokens/{actor_token_id}/revoke',
      handle: ({ params }) => {
        const token = state.actorTokens.get(params.actor_token_id!);
        if (!token) throw notFound('actor token', params.actor_token_id!);
        if (token.status !== 'pending') {
          throw new ClerkApiError(400, [
            {
              code: 'actor_token_cannot_be_revoked',
              message: 'cannot be revoked',
              long_message: `Only pending actor tokens can be revoked; this one is ${token.status}.`,
              meta: {},
            },
          ]);
        }
        token.status = 'revoked';
        token.updated_at = now();
        return ok(serializeActorToken(token, false));
      },
    },
  ];
}
