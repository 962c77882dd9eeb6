/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query TrustedFirstUsers($first: Int) {\n    users(provider: CLERK, first: $first) {\n      __typename\n      ... on UserConnection {\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.TrustedFirstUsersDocument,
    "\n  query Invitations($id: ID!, $status: InvitationStatus, $first: Int, $after: String) {\n    user(id: $id) {\n      organizationInvitations(status: $status, first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            emailAddress\n            role\n            status\n            createdAt\n            updatedAt\n            expiresAt\n            organization {\n              id\n              name\n              slug\n              imageUrl\n              membersCount\n              createdAt\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.InvitationsDocument,
    "\n  query Memberships($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      organizationMemberships(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            role\n            roleName\n            permissions\n            createdAt\n            updatedAt\n            organization {\n              id\n              name\n              slug\n              imageUrl\n              membersCount\n              createdAt\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.MembershipsDocument,
    "\n  mutation SetImage($input: SetProfileImageInput!) {\n    setProfileImage(input: $input) {\n      __typename\n      ... on SetProfileImagePayload {\n        user {\n          id\n          imageUrl\n        }\n      }\n      ... on Error {\n        message\n        provider\n      }\n      ... on InvalidInputError {\n        fields {\n          field\n          message\n        }\n      }\n    }\n  }\n": typeof types.SetImageDocument,
    "\n  query Node($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on User {\n        provider\n        email\n      }\n    }\n  }\n": typeof types.NodeDocument,
    "\n  query Nodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n      ... on User {\n        provider\n      }\n    }\n  }\n": typeof types.NodesDocument,
    "\n  query Tokens($id: ID!, $provider: String!) {\n    user(id: $id) {\n      oauthAccessTokens(provider: $provider) {\n        provider\n        externalAccountId\n        token\n        expiresAt\n        scopes\n        label\n      }\n    }\n  }\n": typeof types.TokensDocument,
    "\n  query Page($provider: Provider, $first: Int, $after: String, $filter: UserFilter, $orderBy: UserOrder) {\n    users(provider: $provider, first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      __typename\n      edges {\n        cursor\n        node {\n          id\n          provider\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.PageDocument,
    "\n  query User($id: ID!) {\n    user(id: $id) {\n      __typename\n      id\n      provider\n      email\n      status\n      createdAt\n      devices {\n        id\n        name\n        kind\n      }\n    }\n  }\n": typeof types.UserDocument,
};
const documents: Documents = {
    "\n  query TrustedFirstUsers($first: Int) {\n    users(provider: CLERK, first: $first) {\n      __typename\n      ... on UserConnection {\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.TrustedFirstUsersDocument,
    "\n  query Invitations($id: ID!, $status: InvitationStatus, $first: Int, $after: String) {\n    user(id: $id) {\n      organizationInvitations(status: $status, first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            emailAddress\n            role\n            status\n            createdAt\n            updatedAt\n            expiresAt\n            organization {\n              id\n              name\n              slug\n              imageUrl\n              membersCount\n              createdAt\n            }\n          }\n        }\n      }\n    }\n  }\n": types.InvitationsDocument,
    "\n  query Memberships($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      organizationMemberships(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            role\n            roleName\n            permissions\n            createdAt\n            updatedAt\n            organization {\n              id\n              name\n              slug\n              imageUrl\n              membersCount\n              createdAt\n            }\n          }\n        }\n      }\n    }\n  }\n": types.MembershipsDocument,
    "\n  mutation SetImage($input: SetProfileImageInput!) {\n    setProfileImage(input: $input) {\n      __typename\n      ... on SetProfileImagePayload {\n        user {\n          id\n          imageUrl\n        }\n      }\n      ... on Error {\n        message\n        provider\n      }\n      ... on InvalidInputError {\n        fields {\n          field\n          message\n        }\n      }\n    }\n  }\n": types.SetImageDocument,
    "\n  query Node($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on User {\n        provider\n        email\n      }\n    }\n  }\n": types.NodeDocument,
    "\n  query Nodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n      ... on User {\n        provider\n      }\n    }\n  }\n": types.NodesDocument,
    "\n  query Tokens($id: ID!, $provider: String!) {\n    user(id: $id) {\n      oauthAccessTokens(provider: $provider) {\n        provider\n        externalAccountId\n        token\n        expiresAt\n        scopes\n        label\n      }\n    }\n  }\n": types.TokensDocument,
    "\n  query Page($provider: Provider, $first: Int, $after: String, $filter: UserFilter, $orderBy: UserOrder) {\n    users(provider: $provider, first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      __typename\n      edges {\n        cursor\n        node {\n          id\n          provider\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.PageDocument,
    "\n  query User($id: ID!) {\n    user(id: $id) {\n      __typename\n      id\n      provider\n      email\n      status\n      createdAt\n      devices {\n        id\n        name\n        kind\n      }\n    }\n  }\n": types.UserDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrustedFirstUsers($first: Int) {\n    users(provider: CLERK, first: $first) {\n      __typename\n      ... on UserConnection {\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TrustedFirstUsers($first: Int) {\n    users(provider: CLERK, first: $first) {\n      __typename\n      ... on UserConnection {\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invitations($id: ID!, $status: InvitationStatus, $first: Int, $after: String) {\n    user(id: $id) {\n      organizationInvitations(status: $status, first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            emailAddress\n            role\n            status\n            createdAt\n            updatedAt\n            expiresAt\n            organization {\n              id\n              name\n              slug\n              imageUrl\n              membersCount\n              createdAt\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Invitations($id: ID!, $status: InvitationStatus, $first: Int, $after: String) {\n    user(id: $id) {\n      organizationInvitations(status: $status, first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            emailAddress\n            role\n            status\n            createdAt\n            updatedAt\n            expiresAt\n            organization {\n              id\n              name\n              slug\n              imageUrl\n              membersCount\n              createdAt\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Memberships($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      organizationMemberships(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            role\n            roleName\n            permissions\n            createdAt\n            updatedAt\n            organization {\n              id\n              name\n              slug\n              imageUrl\n              membersCount\n              createdAt\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Memberships($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      organizationMemberships(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            role\n            roleName\n            permissions\n            createdAt\n            updatedAt\n            organization {\n              id\n              name\n              slug\n              imageUrl\n              membersCount\n              createdAt\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetImage($input: SetProfileImageInput!) {\n    setProfileImage(input: $input) {\n      __typename\n      ... on SetProfileImagePayload {\n        user {\n          id\n          imageUrl\n        }\n      }\n      ... on Error {\n        message\n        provider\n      }\n      ... on InvalidInputError {\n        fields {\n          field\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetImage($input: SetProfileImageInput!) {\n    setProfileImage(input: $input) {\n      __typename\n      ... on SetProfileImagePayload {\n        user {\n          id\n          imageUrl\n        }\n      }\n      ... on Error {\n        message\n        provider\n      }\n      ... on InvalidInputError {\n        fields {\n          field\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Node($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on User {\n        provider\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  query Node($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on User {\n        provider\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Nodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n      ... on User {\n        provider\n      }\n    }\n  }\n"): (typeof documents)["\n  query Nodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n      ... on User {\n        provider\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tokens($id: ID!, $provider: String!) {\n    user(id: $id) {\n      oauthAccessTokens(provider: $provider) {\n        provider\n        externalAccountId\n        token\n        expiresAt\n        scopes\n        label\n      }\n    }\n  }\n"): (typeof documents)["\n  query Tokens($id: ID!, $provider: String!) {\n    user(id: $id) {\n      oauthAccessTokens(provider: $provider) {\n        provider\n        externalAccountId\n        token\n        expiresAt\n        scopes\n        label\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Page($provider: Provider, $first: Int, $after: String, $filter: UserFilter, $orderBy: UserOrder) {\n    users(provider: $provider, first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      __typename\n      edges {\n        cursor\n        node {\n          id\n          provider\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Page($provider: Provider, $first: Int, $after: String, $filter: UserFilter, $orderBy: UserOrder) {\n    users(provider: $provider, first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      __typename\n      edges {\n        cursor\n        node {\n          id\n          provider\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query User($id: ID!) {\n    user(id: $id) {\n      __typename\n      id\n      provider\n      email\n      status\n      createdAt\n      devices {\n        id\n        name\n        kind\n      }\n    }\n  }\n"): (typeof documents)["\n  query User($id: ID!) {\n    user(id: $id) {\n      __typename\n      id\n      provider\n      email\n      status\n      createdAt\n      devices {\n        id\n        name\n        kind\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;