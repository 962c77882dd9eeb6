import { graphql } from './graphql-tag.js';

/** A user card that refetches itself: needs `User implements Node` and `Query.node(id:)`. */
export const UserCardUser = graphql`
  fragment UserCard_user on User @refetchable(queryName: "UserCardRefetchQuery") {
    id
    provider
    email
    status
  }
`;
