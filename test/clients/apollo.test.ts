/**
 * Apollo Client 4 as a frontend would configure it, against the live server on the emulator:
 * `relayStylePagination()` pages `users` with `fetchMore` into one list in the cache, and a
 * `Query.user` read policy (`toReference`, the documented way) answers `user(id:)` from the cache.
 */
import { ApolloClient, gql, HttpLink, InMemoryCache, type TypedDocumentNode } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { describe, expect, it } from 'vitest';
import { useUsergraph } from '../helpers/server.js';

interface UserFields {
  __typename: 'User';
  id: string;
  email: string | null;
  provider: string;
}
interface UsersPage {
  users: {
    edges: { cursor: string; node: UserFields }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const USERS: TypedDocumentNode<UsersPage, { first: number; after?: string | null }> = gql`
  query ClerkUsers($first: Int!, $after: String) {
    users(provider: CLERK, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          email
          provider
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

const USER: TypedDocumentNode<{ user: UserFields | null }, { id: string }> = gql`
  query OneUser($id: ID!) {
    user(id: $id) {
      id
      email
      provider
    }
  }
`;

describe('Apollo Client 4 with relayStylePagination on users', () => {
  const { url } = useUsergraph({ users: 120 });

  function client() {
    const sent: unknown[] = [];
    const apollo = new ApolloClient({
      link: new HttpLink({
        uri: url(),
        fetch: (input, init) => {
          sent.push(init?.body);
          return fetch(input, init);
        },
      }),
      cache: new InMemoryCache({
        typePolicies: {
          Query: {
            fields: {
              // `provider` is fixed in the query, so one list per set of other arguments.
              users: relayStylePagination(['provider']),
              user: { read: (_, { args, toReference }) => toReference({ __typename: 'User', id: args?.id }) },
            },
          },
        },
      }),
    });
    return { apollo, sent };
  }

  it('pages through 120 users with fetchMore into one cached list, then answers user(id:) from the cache', async () => {
    const { apollo, sent } = client();
    let page = (await apollo.query({ query: USERS, variables: { first: 50 } })).data!;
    // A watched query, as a component holds one: fetchMore merges into what it watches.
    const query = apollo.watchQuery({ query: USERS, variables: { first: 50 } });
    const subscription = query.subscribe(() => undefined);
    try {
      while (page.users.pageInfo.hasNextPage) {
        page = (await query.fetchMore({ variables: { after: page.users.pageInfo.endCursor } })).data!;
      }
      expect(sent).toHaveLength(3);

      const cached = apollo.readQuery({ query: USERS, variables: { first: 50 } })!;
      const ids = cached.users.edges.map((edge) => edge.node.id);
      expect(ids).toHaveLength(120);
      expect(new Set(ids).size).toBe(120);
      const normalized = Object.keys(apollo.cache.extract() as object).filter((key) =>
        key.startsWith('User:'),
      );
      expect(normalized).toHaveLength(120);

      const one = cached.users.edges[77]!.node;
      const answer = await apollo.query({ query: USER, variables: { id: one.id } });
      expect(answer.data?.user).toEqual(one);
      expect(sent).toHaveLength(3);
    } finally {
      subscription.unsubscribe();
      apollo.stop();
    }
  });
});
