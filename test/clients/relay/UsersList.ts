import { graphql } from './graphql-tag.js';

/** A paginated list of Clerk users: needs `users` to return a connection type. */
export const UsersListQuery = graphql`
  fragment UsersList_query on Query
  @argumentDefinitions(count: { type: "Int", defaultValue: 20 }, cursor: { type: "String" })
  @refetchable(queryName: "UsersListPaginationQuery") {
    users(provider: CLERK, first: $count, after: $cursor) @connection(key: "UsersList_users") {
      totalCount
      edges {
        node {
          ...UserCard_user
        }
      }
    }
  }
`;
