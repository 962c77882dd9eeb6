/**
 * A real supergraph in-process: usergraph (over a test emulator), a small `orders` subgraph
 * written for the tests, composed with `@apollo/composition` from the SDL each subgraph serves at
 * `_service { sdl }`, and served by `@apollo/gateway` through graphql-yoga, each on a free port.
 * Every fetch the gateway makes to a subgraph is recorded, so a test can assert the query plan.
 */
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { useApolloFederation } from '@envelop/apollo-federation';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { StartOptions } from '../../src/emulator/index.js';
import { useUsergraph, type GraphQLResponse } from './server.js';

export interface Order {
  id: string;
  total: number;
  userId: string;
}

/** What the gateway asked of a subgraph. */
export interface SubgraphFetch {
  subgraph: string;
  query: string;
}

/** The orders subgraph's SDL: it holds user ids, and adds `orders` to usergraph's `User`. */
export const ORDERS_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  type Query {
    orders: [Order!]!
  }

  type Order {
    id: ID!
    total: Float!
    user: User
  }

  extend type User @key(fields: "id") {
    id: ID!
    orders: [Order!]!
  }
`;

export function useSupergraph(emulatorOptions: StartOptions = {}) {
  const usergraph = useUsergraph(emulatorOptions);
  let orders: Order[] = [];
  const fetches: SubgraphFetch[] = [];
  const servers: Server[] = [];
  let gateway: ApolloGateway | undefined;
  let gatewayUrl = '';
  let usergraphSdl = '';

  beforeAll(async () => {
    const ordersSchema = buildSubgraphSchema({
      typeDefs: parse(ORDERS_SDL),
      resolvers: {
        Query: { orders: () => orders },
        Order: { user: (order: Order) => ({ id: order.userId }) },
        User: {
          __resolveReference: (user: { id: string }) => user,
          orders: (user: { id: string }) => orders.filter((order) => order.userId === user.id),
        },
      },
    });
    const ordersUrl = await listen(createYoga({ schema: ordersSchema, logging: false }));

    usergraphSdl = await serviceSdl(usergraph.url());
    const composed = composeServices([
      { name: 'usergraph', url: usergraph.url(), typeDefs: parse(usergraphSdl) },
      { name: 'orders', url: ordersUrl, typeDefs: parse(ORDERS_SDL) },
    ]);
    if (composed.errors) throw new Error(composed.errors.map((error) => error.message).join('\n'));

    gateway = new ApolloGateway({
      supergraphSdl: composed.supergraphSdl,
      buildService: ({ name, url }) =>
        new RemoteGraphQLDataSource<{ request: Request }>({
          url,
          willSendRequest({ request, context }) {
            fetches.push({ subgraph: name, query: request.query ?? '' });
            // What a production gateway must do for usergraph's caller auth (docs/federation.md).
            const authorization = context.request?.headers.get('authorization');
            if (authorization) request.http?.headers.set('authorization', authorization);
          },
        }),
    });
    const { schema } = await gateway.load();
    gatewayUrl = await listen(
      createYoga({ schema, plugins: [useApolloFederation({ gateway })], logging: false }),
    );
  });

  afterAll(async () => {
    await Promise.all(
      servers.map(async (server) => {
        await new Promise((resolve) => server.close(resolve));
        server.closeAllConnections();
      }),
    );
    await gateway?.stop();
  });

  beforeEach(() => {
    orders = [];
    fetches.length = 0;
  });

  async function listen(handler: Parameters<typeof createHttpServer>[1]): Promise<string> {
    const server = createHttpServer(handler);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }

  /** A GraphQL request to the gateway over HTTP. */
  async function query(source: string, variables?: Record<string, unknown>): Promise<GraphQLResponse> {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: source, variables }),
    });
    return { status: response.status, body: (await response.json()) as GraphQLResponse['body'] };
  }

  return {
    ...usergraph,
    query,
    /** Replaces the orders the orders subgraph holds (emptied before every test). */
    setOrders: (next: Order[]) => {
      orders = next;
    },
    /** The gateway's fetches to subgraphs since the test began, in order. */
    fetches: () => [...fetches],
    /** The SDL usergraph served at `_service { sdl }`, as composed. */
    usergraphSdl: () => usergraphSdl,
  };
}

/** A subgraph's SDL, asked the way a gateway asks it. */
export async function serviceSdl(url: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = (await response.json()) as { data?: { _service?: { sdl?: string } }; errors?: unknown };
  const sdl = body.data?._service?.sdl;
  if (!sdl) throw new Error(`no SDL from ${url}: ${JSON.stringify(body.errors)}`);
  return sdl;
}
