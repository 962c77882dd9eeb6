/**
 * An upstream path together with its route template: `endpoint`/users/${id}/ban`` is
 * `{ path: '/users/user_2x/ban', route: '/users/{id}/ban' }`. The template strings of the tagged
 * literal are the route, so logs, metrics and traces label a call by what it is, never by an id.
 */
import { path } from './http.js';

export interface Endpoint {
  /** Every interpolated value encoded as one segment, as `path``` does. */
  path: string;
  /** The same path with each value written `{id}`. */
  route: string;
}

export function endpoint(strings: TemplateStringsArray, ...values: readonly string[]): Endpoint {
  return { path: path(strings, ...values), route: strings.join('{id}') };
}

/** Endpoints and fixed segments (`'/devices'`, which hold no id) one after the other. */
export function join(...parts: readonly (Endpoint | string)[]): Endpoint {
  return parts.reduce<Endpoint>(
    (out, part) =>
      typeof part === 'string'
        ? { path: out.path + part, route: out.route + part }
        : { path: out.path + part.path, route: out.route + part.route },
    { path: '', route: '' },
  );
}
