/**
 * Clerk's dated API versions ([CD] versioning.mdx): chosen by the `Clerk-API-Version` header or
 * the `__clerk_api_version` query parameter, never both. Clerk does not document the version used
 * when neither is sent; the emulator assumes the newest, which is what @clerk/backend sends.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { apiVersionInvalid } from './errors.js';

export const API_VERSIONS = ['2021-02-05', '2024-10-01', '2025-04-10', '2025-11-10', '2026-05-12'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];
export const LATEST_API_VERSION: ApiVersion = '2026-05-12';

/** The version a request asks for; throws Clerk's 400 `api_version_invalid` for anything else. */
export function apiVersionOf(headers: IncomingHttpHeaders, query: URLSearchParams): ApiVersion {
  const header = headers['clerk-api-version'];
  const fromHeader = Array.isArray(header) ? header.join(',') : header;
  const fromQuery = query.get('__clerk_api_version') ?? undefined;
  if (fromHeader !== undefined && fromQuery !== undefined) {
    throw apiVersionInvalid(
      'use either the Clerk-API-Version header or the __clerk_api_version query parameter, not both',
    );
  }
  const requested = fromHeader ?? fromQuery;
  if (requested === undefined) return LATEST_API_VERSION;
  if (!(API_VERSIONS as readonly string[]).includes(requested)) {
    throw apiVersionInvalid(
      `${JSON.stringify(requested.slice(0, 40))} is not a supported version; use one of ${API_VERSIONS.join(', ')}`,
    );
  }
  return requested as ApiVersion;
}

/** Version 2026-05-12 removed `*_metadata` from `PATCH /users/{user_id}`. */
export const patchUserTakesMetadata = (version: ApiVersion) => version < '2026-05-12';
