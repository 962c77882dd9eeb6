/**
 * usergraph over the emulator, for the mutation tests: `mutate(name, input, selection)` sends
 * `name(input: $input)` selecting every typed error and the payload, and `clerk`/`passage` read
 * and arrange upstream state directly, as a provider's own client would.
 */
import type { StartOptions } from '../../../src/emulator/index.js';
import { call } from '../../helpers/emulator.js';
import { useUsergraph } from '../../helpers/server.js';

const ERRORS = `
  ... on Error { message provider }
  ... on InvalidInputError { fields { field message } }
  ... on RateLimitedError { retryAfterSeconds }
`;

export const UNKNOWN_IDS = { clerk: 'user_2zzzzzzzzzzzzzzzzzzzzzzzzzz', passage: 'AAAAAAAAAAAAAAAAAAAAAAAA' };

export function useMutations(options: StartOptions = {}) {
  const server = useUsergraph({ users: 40, ...options });
  const { emulator, gql } = server;

  const pascal = (name: string) => `${name[0]?.toUpperCase()}${name.slice(1)}`;

  /** Runs one mutation; answers its result (payload or typed error) and the GraphQL errors. */
  async function mutate(name: string, input: Record<string, unknown>, selection = '__typename') {
    const document = `mutation($input: ${pascal(name)}Input!) {
      result: ${name}(input: $input) { __typename ${ERRORS} ... on ${pascal(name)}Payload { ${selection} } }
    }`;
    const { body } = await gql(document, { input });
    return { result: body.data?.result, errors: body.errors, body };
  }

  const clerk = (method: string, path: string, body?: unknown) =>
    call(`${emulator().clerkUrl}${path}`, {
      method,
      body,
      headers: { authorization: `Bearer ${emulator().keys.clerkSecretKey}` },
    });
  const passage = (method: string, path: string, body?: unknown) =>
    call(`${emulator().passageUrl}/apps/${emulator().keys.passageAppId}${path}`, {
      method,
      body,
      headers: { authorization: `Bearer ${emulator().keys.passageApiKey}` },
    });

  /** The seeded users as each provider lists them (Clerk's carry passkeys, wallets, MFA flags). */
  const clerkUsers = async (): Promise<any[]> => (await clerk('GET', '/users?limit=500')).body;
  const passageUsers = async (): Promise<any[]> => (await passage('GET', '/users?limit=500')).body.users;

  /** A user id of each provider, the first that matches (any seeded user by default). */
  async function userIds(
    clerkMatch: (user: any) => boolean = () => true,
    passageMatch: (user: any) => boolean = () => true,
  ): Promise<{ clerk: string; passage: string }> {
    const [c, p] = [(await clerkUsers()).find(clerkMatch), (await passageUsers()).find(passageMatch)];
    if (!c || !p) throw new Error('no seeded user matches: seed more users');
    return { clerk: c.id, passage: p.id };
  }

  /** What reached the providers since the last `clearRequests()`, reads included. */
  const upstream = () => emulator().control.requests();
  /** Calls that could change something upstream. */
  const writes = () => upstream().filter((request) => request.method !== 'GET');
  /** `METHOD route` of each logged request, e.g. `POST /users/{user_id}/ban`. */
  const routes = () => upstream().map((request) => `${request.method} ${request.route}`);

  return { ...server, mutate, clerk, passage, clerkUsers, passageUsers, userIds, upstream, writes, routes };
}
