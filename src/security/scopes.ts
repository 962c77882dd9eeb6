/**
 * What a caller may do: `read` queries, `write` admin mutations, `secrets` read or check secrets.
 * Credentials grant them (`src/config/caller-auth.ts`); `src/schema/scopes.ts` enforces them.
 */
export const SCOPES = ['read', 'write', 'secrets'] as const;
export type Scope = (typeof SCOPES)[number];
