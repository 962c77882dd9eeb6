import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getNamedType, isUnionType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../../src/schema/index.js';
import { checkNames } from '../../../src/schema/mutations/define.js';

/** Every TypeScript file under src/, as one text to search. */
function sourceText(dir = 'src'): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceText(path);
      return entry.name.endsWith('.ts') ? readFileSync(path, 'utf8') : '';
    })
    .join('\n');
}

describe('mutation type names', () => {
  it('writes every type a mutation takes or answers in the source, so a search finds it', () => {
    const source = sourceText();
    const mutation = schema.getMutationType();
    const names = new Set<string>();
    for (const field of Object.values(mutation?.getFields() ?? {})) {
      const result = getNamedType(field.type);
      names.add(result.name);
      if (isUnionType(result)) for (const member of result.getTypes()) names.add(member.name);
      for (const arg of field.args) names.add(getNamedType(arg.type).name);
    }
    const scalars = ['ID', 'String', 'Int', 'Boolean'];
    const unwritten = [...names].filter((name) => !scalars.includes(name) && !source.includes(`'${name}'`));
    expect(unwritten).toEqual([]);
    expect(names).toContain('BanUserPayload');
  });

  it.each([
    [
      'input',
      { name: 'banUser', input: 'BanUserInputs', payload: 'BanUserPayload', result: 'BanUserResult' },
    ],
    ['payload', { name: 'banUser', input: 'BanUserInput', payload: 'BanPayload', result: 'BanUserResult' }],
    [
      'result',
      { name: 'banUser', input: 'BanUserInput', payload: 'BanUserPayload', result: 'banUserResult' },
    ],
  ])('refuses to build a mutation whose %s type name drifts from its name', (kind, names) => {
    expect(() => checkNames(names)).toThrow(`mutation banUser: its ${kind} type must be named`);
  });

  it('accepts names that follow the mutation', () => {
    expect(() =>
      checkNames({
        name: 'banUser',
        input: 'BanUserInput',
        payload: 'BanUserPayload',
        result: 'BanUserResult',
      }),
    ).not.toThrow();
  });
});
