import { composeServices } from '@apollo/composition';
import {
  buildASTSchema,
  graphql,
  isInterfaceType,
  isObjectType,
  parse,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type GraphQLSchema,
} from 'graphql';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { upstreamCostOf } from '../../src/schema/cost.js';
import { schema } from '../../src/schema/index.js';
import { ORDERS_SDL } from '../helpers/supergraph.js';

/** The SDL usergraph serves to gateways, as `_service { sdl }` answers a caller with `read`. */
async function servedSdl(): Promise<string> {
  const contextValue = { caller: { kind: 'open', scopes: new Set(['read']) } };
  const served = await graphql({ schema, source: '{ _service { sdl } }', contextValue });
  return (served.data?._service as { sdl: string }).sdl;
}

/** `Type.field` → its cost-spec directives, as `{ name: args }`. */
function costDirectives(target: GraphQLSchema): Map<string, Record<string, unknown>> {
  const found = new Map<string, Record<string, unknown>>();
  for (const type of Object.values(target.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const directives = (field.astNode?.directives ?? []).filter((directive) =>
        ['cost', 'listSize'].includes(directive.name.value),
      );
      if (directives.length > 0) found.set(`${type.name}.${field.name}`, argsOf(directives));
    }
  }
  return found;
}

function argsOf(directives: readonly ConstDirectiveNode[]): Record<string, unknown> {
  return Object.fromEntries(
    directives.map((directive) => [
      directive.name.value,
      Object.fromEntries(
        (directive.arguments ?? []).map((arg) => [arg.name.value, valueFromASTUntyped(arg.value)]),
      ),
    ]),
  );
}

/** What the schema declares, in the directives' shape: the one source the SDL is printed from. */
function declaredCosts(): Map<string, Record<string, unknown>> {
  const declared = new Map<string, Record<string, unknown>>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const cost = upstreamCostOf(field);
      // `_entities` never reaches a supergraph: gateways call it, clients cannot.
      if (!cost || field.name === '_entities') continue;
      const directives: Record<string, unknown> = {};
      if (cost.weight > 0) directives.cost = { weight: cost.weight };
      if (cost.size) {
        directives.listSize = {
          assumedSize: cost.size.assumedSize,
          ...(cost.size.slicingArguments && {
            slicingArguments: [...cost.size.slicingArguments],
            requireOneSlicingArgument: false,
          }),
          ...(cost.size.sizedFields && { sizedFields: [...cost.size.sizedFields] }),
        };
      }
      declared.set(`${type.name}.${field.name}`, directives);
    }
  }
  return declared;
}

describe('upstream cost in the supergraph (@cost, @listSize)', () => {
  it('imports @cost and @listSize through Federation 2.9', async () => {
    expect(await servedSdl()).toContain(
      '@link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@cost", "@key", "@listSize", "@shareable"])',
    );
  });

  it('survive composition with another subgraph, exactly as the schema declares them', async () => {
    const composed = composeServices([
      { name: 'usergraph', typeDefs: parse(await servedSdl()) },
      { name: 'orders', typeDefs: parse(ORDERS_SDL) },
    ]);
    expect(composed.errors).toBeUndefined();
    const supergraph = buildASTSchema(parse(composed.supergraphSdl ?? ''), { assumeValidSDL: true });
    const read = costDirectives(supergraph);
    expect(Object.fromEntries(read)).toEqual(Object.fromEntries(declaredCosts()));
    expect(read.get('Query.users')).toEqual({
      cost: { weight: 2 },
      listSize: {
        assumedSize: 20,
        slicingArguments: ['first', 'last'],
        requireOneSlicingArgument: false,
        sizedFields: ['edges'],
      },
    });
    expect(read.get('Query.nodes')).toEqual({ cost: { weight: 1 }, listSize: { assumedSize: 100 } });
    expect(read.get('User.devices')).toEqual({ cost: { weight: 1 } });
    expect(read.get('User.organizationMemberships')).toMatchObject({
      cost: { weight: 1 },
      listSize: { slicingArguments: ['first'], sizedFields: ['edges'] },
    });
  });

  it('are on every field that calls a provider: every read of users, every admin mutation', async () => {
    const read = costDirectives(buildASTSchema(parse(await servedSdl()), { assumeValidSDL: true }));
    for (const field of [
      'user',
      'node',
      'nodes',
      'users',
      'userCount',
      'userByIdentifier',
      'invitations',
      'allowlistIdentifiers',
      'blocklistIdentifiers',
    ]) {
      expect(read.get(`Query.${field}`), field).toHaveProperty('cost');
    }
    for (const field of [
      'devices',
      'organizationMemberships',
      'organizationInvitations',
      'oauthAccessTokens',
      'sessions',
      'trustedDevices',
    ]) {
      expect(read.get(`User.${field}`), field).toHaveProperty('cost');
    }
    // Starting and cancelling a migration only touch this process; the run calls at its own pace.
    const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {}).filter(
      (name) => !['startPassageMigration', 'cancelMigration'].includes(name),
    );
    expect(mutations.length).toBeGreaterThan(20);
    for (const name of mutations) {
      // One call each, but for bulk moderation (one per 50 ids, up to 500 ids) and a Clerk
      // sign-out (one list, then a revoke per active session, up to 100).
      const weight = ['banUsers', 'unbanUsers'].includes(name) ? 10 : name === 'signOutUser' ? 101 : 1;
      expect(read.get(`Mutation.${name}`), name).toEqual({ cost: { weight } });
    }
  });

  it('stay out of schema.graphql, the schema clients query', async () => {
    const clientSchema = await readFile(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(clientSchema).not.toMatch(/@cost|@listSize/);
    expect(await readFile(new URL('../../subgraph.graphql', import.meta.url), 'utf8')).toContain(
      '@cost(weight: 2) @listSize(',
    );
  });
});
