/**
 * Servers that answer scenario 1 (one Clerk user by id) with nothing of usergraph in them,
 * so the benchmark can split usergraph's overhead over the floor into its parts:
 *
 * - `proxy`: node:http reads the POST, makes the same upstream call usergraph makes
 *   (`GET /users?user_id=…&limit=1` over an undici Pool), and writes the JSON answer. What any
 *   process between the client and the provider costs on this machine: a second hop, two more
 *   socket reads and writes, one JSON parse and one stringify.
 * - `yoga`: graphql-yoga with a one-resolver schema of the same shape, making the same call and
 *   set up as usergraph sets up yoga (no body byte counter, no batching, no logging). What the
 *   GraphQL server framework costs with nothing in it.
 * - `yoga, cached`: the same yoga, keeping every user it read in a Map (scenario 6): what a read
 *   served with no upstream call costs the framework, the floor for usergraph's user cache.
 *
 * Started by `scripts/bench/run.ts` like usergraph-child.ts, and measured the same way.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';
import { Pool } from 'undici';
import { serveToParent } from './child-ipc.js';

export interface ReferenceOptions {
  kind: 'proxy' | 'yoga' | 'yoga, cached';
  clerkUrl: string;
  clerkSecretKey: string;
}

interface ClerkUser {
  id: string;
  first_name: string | null;
  last_name: string | null;
  created_at: number;
  banned: boolean;
  locked: boolean;
  primary_email_address_id: string | null;
  email_addresses: { id: string; email_address: string }[];
}

const options = JSON.parse(process.argv[2] ?? '{}') as ReferenceOptions;
const base = new URL(options.clerkUrl);
const pool = new Pool(base.origin, { connections: 256 });

async function userById(id: string) {
  const response = await pool.request({
    method: 'GET',
    path: `${base.pathname}/users?user_id=${encodeURIComponent(id)}&limit=1`,
    headers: { accept: 'application/json', authorization: `Bearer ${options.clerkSecretKey}` },
  });
  const [user] = JSON.parse(await response.body.text()) as ClerkUser[];
  if (response.statusCode !== 200 || !user) throw new Error(`clerk answered ${response.statusCode}`);
  return {
    id: user.id,
    provider: 'CLERK',
    email: user.email_addresses.find((e) => e.id === user.primary_email_address_id)?.email_address ?? null,
    firstName: user.first_name,
    lastName: user.last_name,
    status: user.banned ? 'BANNED' : user.locked ? 'LOCKED' : 'ACTIVE',
    createdAt: new Date(user.created_at).toISOString(),
  };
}

/** For scenario 6: each user read upstream once, then served from a Map for as long as the process lives. */
const cached = new Map<string, ReturnType<typeof userById>>();
function cachedUserById(id: string) {
  let user = cached.get(id);
  if (!user) cached.set(id, (user = userById(id)));
  return user;
}

function proxy(request: IncomingMessage, response: ServerResponse) {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', async () => {
    try {
      const { variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        variables: { id: string };
      };
      const body = JSON.stringify({ data: { user: await userById(variables.id) } });
      response.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } catch (error) {
      response
        .writeHead(502, { 'content-type': 'application/json' })
        .end(JSON.stringify({ errors: [{ message: String(error) }] }));
    }
  });
}

const yoga = createYoga({
  schema: createSchema({
    typeDefs: /* GraphQL */ `
      type Query {
        user(id: ID!): User
      }
      type User {
        id: ID!
        provider: String!
        email: String
        firstName: String
        lastName: String
        status: String!
        createdAt: String!
      }
    `,
    resolvers: {
      Query: {
        user: (_: unknown, { id }: { id: string }) =>
          options.kind === 'yoga, cached' ? cachedUserById(id) : userById(id),
      },
    },
  }),
  maxRequestBodySize: false,
  batching: false,
  logging: false,
  landingPage: false,
  graphiql: false,
});

await serveToParent(createServer(options.kind === 'proxy' ? proxy : yoga), () => pool.close());
