import { graphql } from './graphql-tag.js';

/**
 * One user's page: the card spreads straight into `user(id:)`, and into `node(id:)` with `@alias`
 * (Relay asks for it on a spread whose type the field's may not be).
 */
export const UserPageQuery = graphql`
  query UserPageQuery($id: ID!) {
    user(id: $id) {
      ...UserCard_user
    }
    node(id: $id) {
      ...UserCard_user @alias
    }
  }
`;

/** The list page: the pagination fragment spread into a query. */
export const UsersPageQuery = graphql`
  query UserPageUsersQuery {
    ...UsersList_query
  }
`;
