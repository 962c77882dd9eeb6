/**
 * USERGRAPH_MAX_ENTITIES bounds the references one request resolves through `_entities`, however
 * they arrive: a variable, a variable's default, a literal list, a fragment, several aliases.
 * The count is taken per request, while what the document says is found once per document; a
 * refused request reaches no provider.
 */
import { describe, expect, it } from 'vitest';
import { useUsergraph } from '../helpers/server.js';

describe('_entities references per request', () => {
  const { emulator, url } = useUsergraph({ users: 5 }, { env: { USERGRAPH_MAX_ENTITIES: '3' } });

  const refs = (n: number) => ({
    r: Array.from({ length: n }, (_, i) => ({ __typename: 'User', id: `user_${i}` })),
  });
  const literal = (n: number) =>
    `[${Array.from({ length: n }, (_, i) => `{ __typename: "User", id: "user_${i}" }`).join(', ')}]`;

  async function codes(query: string, variables?: Record<string, unknown>) {
    const response = await fetch(url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    return body.errors?.map((error) => error.extensions?.code) ?? [];
  }
  async function expectRefused(query: string, variables?: Record<string, unknown>) {
    emulator().control.clearRequests();
    expect(await codes(query, variables)).toContain('TOO_MANY_ENTITIES');
    expect(emulator().control.requests()).toEqual([]);
  }
  async function expectAllowed(query: string, variables?: Record<string, unknown>) {
    expect(await codes(query, variables)).not.toContain('TOO_MANY_ENTITIES');
  }

  const byVariable = `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`;

  it('counts the list in each request’s variables, not the first one seen for the query text', async () => {
    await expectAllowed(byVariable, refs(3));
    await expectRefused(byVariable, refs(4));
    await expectAllowed(byVariable, refs(1));
    await expectRefused(byVariable, refs(40));
  });

  it('counts a variable’s default when the request leaves the variable out', async () => {
    const withDefault = `query($r: [_Any!]! = ${literal(4)}) { _entities(representations: $r) { __typename } }`;
    await expectRefused(withDefault);
    await expectAllowed(withDefault, refs(2));
  });

  it('counts literal lists, fragments and every alias together', async () => {
    await expectRefused(`{ _entities(representations: ${literal(4)}) { __typename } }`);
    await expectAllowed(`{ _entities(representations: ${literal(3)}) { __typename } }`);
    const inFragment = `query($r: [_Any!]!) { ...E } fragment E on Query { _entities(representations: $r) { __typename } }`;
    await expectRefused(inFragment, refs(4));
    await expectAllowed(inFragment, refs(2));
    const twoAliases = `query($r: [_Any!]!) { a: _entities(representations: $r) { __typename } b: _entities(representations: ${literal(2)}) { __typename } }`;
    await expectRefused(twoAliases, refs(2));
    await expectAllowed(twoAliases, refs(1));
  });
});
