/** Reading and deleting users: `GET /users`, `GET /users/count`, `GET|DELETE /users/{user_id}`. */
import type { Route } from '../../provider.js';
import { formParamInvalid } from '../errors.js';
import { readOrderBy, readPage, readString } from '../query-params.js';
import { deletedObject, serializeUser } from '../serialize.js';
import type { UserRecord } from '../records.js';
import { candidateUsers, readUserFilter, sortUsers, USER_ORDER_FIELDS } from '../user-filters.js';
import { ok, requireUser, type ClerkContext } from './context.js';

export function userReadRoutes({ state }: ClerkContext): Route[] {
  return [
    {
      method: 'GET',
      template: '/users',
      handle: ({ query }) => {
        const page = readPage(query);
        const order = readOrderBy(query, USER_ORDER_FIELDS, '-created_at');
        const matches = readUserFilter(state, query);
        const cursor = readString(query, 'starting_after');
        let cursorUser: UserRecord | undefined;
        if (cursor !== undefined) {
          if (order.field !== 'created_at') {
            throw formParamInvalid(
              'starting_after',
              `starting_after requires ordering by created_at, got order_by=${query.get('order_by')}.`,
            );
          }
          if (page.offset !== 0)
            throw formParamInvalid(
              'starting_after',
              'starting_after cannot be combined with a non-zero offset.',
            );
          cursorUser = state.users.get(cursor);
          if (!cursorUser)
            throw formParamInvalid(
              'starting_after',
              `starting_after must be the id of an existing user, got ${cursor}.`,
            );
        }

        let users = sortUsers(candidateUsers(state, query).filter(matches), order.field, order.descending);
        if (cursorUser) {
          const start = users.findIndex((user) => follows(user, cursorUser, order.descending));
          users = start < 0 ? [] : users.slice(start);
        }
        const now = Date.now();
        return ok(users.slice(page.offset, page.offset + page.limit).map((user) => serializeUser(user, now)));
      },
    },
    {
      method: 'GET',
      template: '/users/count',
      handle: ({ query }) => {
        const matches = readUserFilter(state, query);
        let total = 0;
        for (const user of candidateUsers(state, query)) if (matches(user)) total++;
        return ok({ object: 'total_count', total_count: total });
      },
    },
    {
      method: 'GET',
      template: '/users/{user_id}',
      handle: ({ params }) => ok(serializeUser(requireUser(state, params.user_id!))),
    },
    {
      method: 'DELETE',
      template: '/users/{user_id}',
      handle: ({ params }) => {
        const user = requireUser(state, params.user_id!);
        state.deleteUser(user);
        return ok(deletedObject('user', user.id));
      },
    },
  ];
}

/** Whether `user` comes after the cursor in created_at order (ties broken by id, as sortUsers). */
function follows(user: UserRecord, cursor: UserRecord, descending: boolean): boolean {
  if (user.created_at !== cursor.created_at)
    return descending ? user.created_at < cursor.created_at : user.created_at > cursor.created_at;
  return descending ? user.id < cursor.id : user.id > cursor.id;
}
