import { isInputObjectType, isInterfaceType, isObjectType, isEnumType } from 'graphql';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';

/** What the Federation spec defines for gateways (and documents): not usergraph's API. */
const FEDERATION = new Set(['_Any', '_Entity', '_Service', '_entities', '_service']);

/** GraphiQL is the manual frontend teams read: nothing in it may be undocumented. */
describe('schema documentation', () => {
  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))
        continue;
      if (FEDERATION.has(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (FEDERATION.has(field.name)) continue;
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues())
          if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('docs/schema.md, the map of the API, names every query and every mutation', async () => {
    const map = await readFile(new URL('../../docs/schema.md', import.meta.url), 'utf8');
    // The migration's own fields are mapped in docs/migration.md, which schema.md links to.
    const elsewhere = /Migration|^migrations?$/;
    const roots = [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
      Object.keys(type?.getFields() ?? {}),
    );
    const unnamed = roots
      .filter((name) => !FEDERATION.has(name) && !elsewhere.test(name))
      .filter((name) => !map.includes(`\`${name}`));
    expect(unnamed).toEqual([]);
  });
});
