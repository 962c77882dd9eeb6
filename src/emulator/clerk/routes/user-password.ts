/**
 * The password as an admin manages it: `POST /users/{id}/remove_password`
 * (`{sign_out_of_other_sessions?}`; a user without one is answered unchanged) and
 * `POST /users/{id}/password/set_compromised` (`{revoke_all_sessions?}`) / `unset_compromised`,
 * each answering the User.
 */
import * as z from 'zod';
import type { Route } from '../../provider.js';
import { readJsonBody } from '../body.js';
import { ClerkApiError } from '../errors.js';
import { serializeUser } from '../serialize.js';
import { changeUser } from '../user-record.js';
import { ok, requireUser, type ClerkContext } from './context.js';
import { revokeLiveSessions } from './sessions.js';

const removeSchema = z.strictObject({ sign_out_of_other_sessions: z.boolean().nullish() });
const compromisedSchema = z.strictObject({ revoke_all_sessions: z.boolean().nullish() });

const noPassword = () =>
  new ClerkApiError(400, [
    {
      code: 'no_password_set',
      message: 'no password set',
      long_message: 'The user does not have a password set.',
      meta: {},
    },
  ]);

export function userPasswordRoutes({ state, now }: ClerkContext): Route[] {
  return [
    {
      method: 'POST',
      template: '/users/{user_id}/remove_password',
      handle: (req) => {
        const user = requireUser(state, req.params.user_id!);
        const body = readJsonBody(req, removeSchema);
        if (user.password === null) return ok(serializeUser(user));
        const at = now();
        changeUser(user, at, (u) => {
          u.password = null;
          u.passwordCompromised = false;
        });
        if (body.sign_out_of_other_sessions === true) revokeLiveSessions(state, user.id, at);
        return ok(serializeUser(user));
      },
    },
    {
      method: 'POST',
      template: '/users/{user_id}/password/set_compromised',
      handle: (req) => {
        const user = requireUser(state, req.params.user_id!);
        const body = readJsonBody(req, compromisedSchema);
        if (user.password === null) throw noPassword();
        const at = now();
        changeUser(user, at, (u) => (u.passwordCompromised = true));
        if (body.revoke_all_sessions === true) revokeLiveSessions(state, user.id, at);
        return ok(serializeUser(user));
      },
    },
    {
      method: 'POST',
      template: '/users/{user_id}/password/unset_compromised',
      handle: ({ params }) => {
        const user = requireUser(state, params.user_id!);
        if (user.password === null) throw noPassword();
        changeUser(user, now(), (u) => (u.passwordCompromised = false));
        return ok(serializeUser(user));
      },
    },
  ];
}
