import { describe, expect, it } from 'vitest';
import { useUsergraph } from '../../helpers/server.js';
import { useMutations } from './helpers.js';

const ENTRY = 'id identifier identifierType createdAt updatedAt';

describe('the sign-up allowlist and blocklist', () => {
  const { mutate, clerk, emulator, routes, upstream, gql } = useMutations();

  /** Walks a list field page by page; answers the ids and the upstream query of each page. */
  async function walk(field: string, first: number) {
    const ids: string[] = [];
    let after: string | null = null;
    emulator().control.clearRequests();
    for (let page = 0; page < 20; page++) {
      const { body }: { body: any } = await gql(
        `query($first: Int, $after: String) { list: ${field}(first: $first, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
        { first, after },
      );
      expect(body.errors).toBeUndefined();
      ids.push(...body.data.list.edges.map((e: any) => e.node.id));
      if (!body.data.list.pageInfo.hasNextPage) break;
      after = body.data.list.pageInfo.endCursor;
    }
    return { ids, queries: upstream().map((r) => r.query) };
  }

  it('allowlistIdentifiers answers what Clerk holds, newest first, one paginated call per page', async () => {
    const held = (await clerk('GET', '/allowlist_identifiers?limit=500')).body;
    const { body } = await gql(
      `{ allowlistIdentifiers(first: 50) { totalCount edges { node { ${ENTRY} invitationId } } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.allowlistIdentifiers.totalCount).toBe(held.length);
    expect(body.data.allowlistIdentifiers.edges.map((e: any) => e.node)).toEqual(
      held.map((e: any) => ({
        id: e.id,
        identifier: e.identifier,
        identifierType: e.identifier_type.toUpperCase(),
        createdAt: new Date(e.created_at).toISOString(),
        updatedAt: new Date(e.updated_at).toISOString(),
        invitationId: e.invitation_id ?? null,
      })),
    );
    const { ids, queries } = await walk('allowlistIdentifiers', 2);
    expect(ids).toEqual(held.map((e: any) => e.id));
    expect(queries).toEqual(
      Array.from({ length: Math.ceil(held.length / 2) }, (_, i) => `paginated=true&limit=2&offset=${2 * i}`),
    );
  });

  it('blocklistIdentifiers pages a list Clerk answers whole: every entry once, one call per page', async () => {
    const held = (await clerk('GET', '/blocklist_identifiers')).body.data;
    expect(held.length).toBeGreaterThan(2);
    const { ids, queries } = await walk('blocklistIdentifiers', 2);
    expect(ids).toEqual(held.map((e: any) => e.id));
    expect(queries).toHaveLength(Math.ceil(held.length / 2));
    expect(routes().every((r) => r === 'GET /blocklist_identifiers')).toBe(true);
  });

  it('createAllowlistIdentifier sends the identifier and notify; the entry is listed, and its invitation', async () => {
    emulator().control.clearRequests();
    const { result, errors } = await mutate(
      'createAllowlistIdentifier',
      { identifier: 'new.hire@partner.example.com', notify: true },
      `allowlistIdentifier { ${ENTRY} invitationId }`,
    );
    expect(errors).toBeUndefined();
    expect(result.allowlistIdentifier).toMatchObject({
      identifier: 'new.hire@partner.example.com',
      identifierType: 'EMAIL_ADDRESS',
      invitationId: expect.stringMatching(/^inv_/),
    });
    expect(upstream().map((r) => [r.method, r.route, r.body])).toEqual([
      ['POST', '/allowlist_identifiers', { identifier: 'new.hire@partner.example.com', notify: true }],
    ]);
    const listed = (await clerk('GET', '/allowlist_identifiers?limit=500')).body.map((e: any) => e.id);
    expect(listed[0]).toBe(result.allowlistIdentifier.id);
    const invited = await gql(
      `{ invitations(query: "new.hire@partner.example.com") { edges { node { id } } } }`,
    );
    expect(invited.body.data.invitations.edges).toEqual([
      { node: { id: result.allowlistIdentifier.invitationId } },
    ]);
  });

  it('createBlocklistIdentifier blocks a whole domain; listing it again is a ConflictError', async () => {
    const first = await mutate(
      'createBlocklistIdentifier',
      { identifier: '*@burner.example.net' },
      `blocklistIdentifier { ${ENTRY} }`,
    );
    expect(first.result.blocklistIdentifier).toMatchObject({
      identifier: '*@burner.example.net',
      identifierType: 'EMAIL_ADDRESS',
    });
    const again = await mutate('createBlocklistIdentifier', { identifier: '*@burner.example.net' });
    expect(again.result).toMatchObject({ __typename: 'ConflictError', provider: 'clerk' });
  });

  it.each([
    ['createAllowlistIdentifier', 'not an identifier'],
    ['createBlocklistIdentifier', '0x1234'],
    ['createBlocklistIdentifier', `${'a'.repeat(300)}@example.com`],
  ])('%s refuses %j before any upstream call', async (name, identifier) => {
    emulator().control.clearRequests();
    const { result } = await mutate(name, { identifier });
    expect(result).toMatchObject({
      __typename: 'InvalidInputError',
      fields: [{ field: 'identifier', message: expect.any(String) }],
    });
    expect(upstream()).toEqual([]);
  });

  it('deleteAllowlistIdentifier and deleteBlocklistIdentifier remove one entry each; a missing one is NotFoundError', async () => {
    const [allowed] = (await clerk('GET', '/allowlist_identifiers')).body;
    const [blocked] = (await clerk('GET', '/blocklist_identifiers')).body.data;
    emulator().control.clearRequests();
    const a = await mutate(
      'deleteAllowlistIdentifier',
      { allowlistIdentifierId: allowed.id },
      'deletedAllowlistIdentifierId',
    );
    const b = await mutate(
      'deleteBlocklistIdentifier',
      { blocklistIdentifierId: blocked.id },
      'deletedBlocklistIdentifierId',
    );
    expect(a.result.deletedAllowlistIdentifierId).toBe(allowed.id);
    expect(b.result.deletedBlocklistIdentifierId).toBe(blocked.id);
    expect(routes()).toEqual([
      'DELETE /allowlist_identifiers/{identifier_id}',
      'DELETE /blocklist_identifiers/{identifier_id}',
    ]);
    expect((await clerk('GET', '/allowlist_identifiers?limit=500')).body.map((e: any) => e.id)).not.toContain(
      allowed.id,
    );
    expect((await clerk('GET', '/blocklist_identifiers')).body.data.map((e: any) => e.id)).not.toContain(
      blocked.id,
    );
    const missing = await mutate('deleteBlocklistIdentifier', { blocklistIdentifierId: blocked.id });
    expect(missing.result).toMatchObject({ __typename: 'NotFoundError', provider: 'clerk' });
  });
});

describe('the allowlist and blocklist with only Passage configured', () => {
  const { gql, emulator } = useUsergraph({ users: 3 }, { env: { CLERK_SECRET_KEY: '' } });

  it('reads are UNSUPPORTED errors and mutations UnsupportedError, with no upstream call', async () => {
    emulator().control.clearRequests();
    const read = await gql('{ allowlistIdentifiers { totalCount } blocklistIdentifiers { totalCount } }');
    expect(read.body.data).toBeNull();
    expect(read.body.errors?.[0]?.extensions).toMatchObject({ code: 'PROVIDER_UNSUPPORTED' });
    const write = await gql(
      `mutation { createBlocklistIdentifier(input: { identifier: "*@spam.example.com" }) { __typename ... on Error { provider } } }`,
    );
    expect(write.body.data.createBlocklistIdentifier).toEqual({
      __typename: 'UnsupportedError',
      provider: 'passage',
    });
    expect(emulator().control.requests()).toEqual([]);
  });
});
