/**
 * What a caller may do: `read` queries, `write` admin mutations, `secrets` read or check secrets,
 * `migrate` start or undo a migration (thousands of creates or deletes in one call).
 * Credentials grant them (`src/config/caller-auth.ts`); `src/schema/scopes.ts` enforces them.
 */
export const SCOPES = ['read', 'write', 'secrets', 'migrate'] as const;
export type Scope = (typeof SCOPES)[number];
