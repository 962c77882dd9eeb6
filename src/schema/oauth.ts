/** OAuth access tokens, and `User.oauthAccessTokens` (Clerk only; secret-bearing). */
import type { OAuthAccessToken } from '../providers/types.js';
import { builder } from './builder.js';
import { oneCallWhereOffered, upstreamCost } from './cost.js';
import { UserRef } from './user.js';
import { lackedBy, offeredBy } from './support.js';

const OAuthAccessTokenRef = builder.objectRef<OAuthAccessToken>('OAuthAccessToken').implement({
  description:
    "SECRET: an access token Clerk holds for a user's account at another identity provider, usable to call that provider's API as the user.",
  fields: (t) => ({
    provider: t.exposeString('provider', { description: 'The identity provider: `google`, `github`...' }),
    externalAccountId: t.exposeString('externalAccountId', {
      description: "The id of the user's external account (`User.externalAccounts`) the token belongs to.",
    }),
    token: t.exposeString('token', {
      description: 'SECRET: the access token itself. Treat it like a password: never log or cache it.',
    }),
    expiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it expires, if the identity provider said.',
      resolve: (token) => token.expiresAt,
    }),
    scopes: t.exposeStringList('scopes', { description: 'The OAuth scopes it was granted.' }),
    label: t.exposeString('label', { nullable: true, description: 'A label Clerk keeps with it, if any.' }),
  }),
});

builder.objectFields(UserRef, (t) => ({
  oauthAccessTokens: t.field({
    type: [OAuthAccessTokenRef],
    nullable: true,
    description: `SECRET-BEARING: the user's OAuth access tokens for one identity provider, one per linked account (${offeredBy('getOAuthAccessTokens')} only: null for ${lackedBy('getOAuthAccessTokens')} users, with no upstream call). Needs the \`secrets\` scope (null with a \`FORBIDDEN\` error without it, and no upstream call). One call per user and identity provider.`,
    authScopes: { secrets: true },
    args: {
      provider: t.arg.string({
        required: true,
        description:
          "The identity provider, e.g. `google` or `github` (Clerk's `oauth_google` is accepted too).",
      }),
    },
    ...upstreamCost({ weight: 1, calls: oneCallWhereOffered('getOAuthAccessTokens') }),
    resolve: (user, { provider }, ctx) => ctx.loaders.oauthTokens.load({ user, provider }),
  }),
}));
