/**
 * A user's other credentials: delete an external account, a passkey or a Web3 wallet (each
 * answering a DeletedObject; an id that is not this user's is a 404), verify a password, and
 * read the OAuth access tokens of a provider.
 */
import * as z from 'zod';
import type { Route } from '../../provider.js';
import { readJsonBody } from '../body.js';
import { ClerkApiError, formParamInvalid, notFound, paramError } from '../errors.js';
import { verifyPassword } from '../password.js';
import { readBoolean, readPage } from '../query-params.js';
import { deletedObject, serializeOAuthAccessToken } from '../serialize.js';
import { changeUser } from '../user-record.js';
import { ok, requireUser, type ClerkContext } from './context.js';

const verifyPasswordSchema = z.strictObject({ password: z.string() });

export function userCredentialRoutes({ state, now }: ClerkContext): Route[] {
  return [
    {
      method: 'DELETE',
      template: '/users/{user_id}/external_accounts/{external_account_id}',
      handle: ({ params }) => {
        const user = requireUser(state, params.user_id!);
        const account = user.externalAccounts.find((a) => a.id === params.external_account_id);
        if (!account) throw notFound('external account', params.external_account_id!);
        changeUser(user, now(), (u) => {
          u.externalAccounts = u.externalAccounts.filter((a) => a !== account);
          // The e-mail address stays; it is just no longer linked to the provider.
          for (const email of u.emails)
            if (email.linkedTo?.id === account.identification_id) email.linkedTo = null;
        });
        return ok(deletedObject('external_account', account.id));
      },
    },
    {
      method: 'DELETE',
      template: '/users/{user_id}/passkeys/{passkey_identification_id}',
      handle: ({ params }) => {
        const user = requireUser(state, params.user_id!);
        const passkey = user.passkeys.find((p) => p.id === params.passkey_identification_id);
        if (!passkey) throw notFound('passkey', params.passkey_identification_id!);
        changeUser(user, now(), (u) => (u.passkeys = u.passkeys.filter((p) => p !== passkey)));
        return ok(deletedObject('passkey', passkey.id));
      },
    },
    {
      method: 'DELETE',
      template: '/users/{user_id}/web3_wallets/{web3_wallet_identification_id}',
      handle: ({ params }) => {
        const user = requireUser(state, params.user_id!);
        const wallet = user.web3Wallets.find((w) => w.id === params.web3_wallet_identification_id);
        if (!wallet) throw notFound('web3 wallet', params.web3_wallet_identification_id!);
        state.updateUser(user, (u) =>
          changeUser(u, now(), () => {
            u.web3Wallets = u.web3Wallets.filter((w) => w !== wallet);
            if (u.primary_web3_wallet_id === wallet.id)
              u.primary_web3_wallet_id = u.web3Wallets[0]?.id ?? null;
          }),
        );
        return ok(deletedObject('web3_wallet', wallet.id));
      },
    },
    {
      method: 'POST',
      template: '/users/{user_id}/verify_password',
      handle: (req) => {
        const user = requireUser(state, req.params.user_id!);
        const { password } = readJsonBody(req, verifyPasswordSchema);
        if (user.password === null) {
          throw new ClerkApiError(400, [
            {
              code: 'no_password_set',
              message: 'no password set',
              long_message: 'The user does not have a password set.',
              meta: {},
            },
          ]);
        }
        if (!verifyPassword(user.password, password)) {
          throw new ClerkApiError(422, [
            paramError(
              'form_password_incorrect',
              'password',
              'Password is incorrect.',
              'The provided password was incorrect.',
            ),
          ]);
        }
        return ok({ verified: true });
      },
    },
    {
      method: 'GET',
      template: '/users/{user_id}/oauth_access_tokens/{provider}',
      handle: ({ params, query }) => {
        const user = requireUser(state, params.user_id!);
        const provider = params.provider!;
        if (!/^oauth_[a-z0-9_]+$/.test(provider)) {
          throw formParamInvalid(
            'provider',
            `provider must be an OAuth provider id such as oauth_google, got ${JSON.stringify(provider)}.`,
          );
        }
        const paginated = readBoolean(query, 'paginated') === true;
        const page = readPage(query);
        const tokens = user.externalAccounts
          .filter((a) => a.provider === provider)
          .map(serializeOAuthAccessToken);
        // @clerk/backend asks with `paginated=true` and expects the `{data, total_count}` envelope.
        if (!paginated) return ok(tokens);
        return ok({ data: tokens.slice(page.offset, page.offset + page.limit), total_count: tokens.length });
      },
    },
  ];
}
