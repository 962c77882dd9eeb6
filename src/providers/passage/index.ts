/**
 * Passage (by 1Password) behind the provider port: the Management API at `PASSAGE_API_URL`,
 * every call under `/apps/{PASSAGE_APP_ID}` with the app's API key as bearer token.
 *
 * Passage has no batch read, filters one value per parameter and pages by page number;
 * request.ts refuses what it cannot express before any call. Its limits and optional operations
 * are in traits.ts.
 */
import { baseUrl, ConfigError, nonEmpty } from '../../config/env.js';
import { ProviderError } from '../errors.js';
import { HttpClient } from '../http.js';
import { instanceIdentity, type ProviderModule, type ProviderSettings } from '../module.js';
import type { Provider } from '../types.js';
import { createPassageClient } from './client.js';
import { decodePassageError } from './errors.js';
import { toDevices, toUser, toUserPage } from './map.js';
import {
  pagesCovering,
  toCreateUserRequest,
  toListFilterQuery,
  toMetadataRequest,
  toUpdateUserRequest,
} from './request.js';
import { passageTraits } from './traits.js';

/** The app, its API key, the API base (`https://api.passage.id/v1`) and HTTP tuning. */
export interface PassageProviderOptions extends ProviderSettings {
  appId: string;
  apiKey: string;
}

declare module '../types.js' {
  interface KnownProviders {
    passage: PassageProviderOptions;
  }
}

/** Passage as the programs know it: configured by `PASSAGE_APP_ID` with `PASSAGE_API_KEY`. */
export const passage: ProviderModule<'passage'> = {
  traits: passageTraits,
  // Passage documents no rate limit and no spec lists a 429: see createPassageProvider.
  defaultRateLimit: undefined,
  settingsFromEnv(env) {
    const appId = nonEmpty(env.PASSAGE_APP_ID);
    const apiKey = nonEmpty(env.PASSAGE_API_KEY);
    if ((appId === undefined) !== (apiKey === undefined)) {
      throw new ConfigError(
        `PASSAGE_APP_ID and PASSAGE_API_KEY go together: set both or neither (only ${appId ? 'PASSAGE_APP_ID' : 'PASSAGE_API_KEY'} is set)`,
      );
    }
    if (appId === undefined || apiKey === undefined) return undefined;
    return { appId, apiKey, apiUrl: baseUrl(env, 'PASSAGE_API_URL', 'https://api.passage.id/v1') };
  },
  create: (settings) => createPassageProvider(settings),
  identity: ({ apiUrl, appId }) => instanceIdentity(apiUrl, appId),
  embedded: (emulator) => ({
    appId: emulator.keys.passageAppId,
    apiKey: emulator.keys.passageApiKey,
    apiUrl: emulator.passageUrl,
  }),
};

export function createPassageProvider(options: PassageProviderOptions): Provider {
  const http = new HttpClient({
    provider: 'passage',
    baseUrl: options.apiUrl,
    headers: { authorization: `Bearer ${options.apiKey}` },
    decodeError: decodePassageError,
    // Passage documents no rate limit and no spec lists a 429, so any budget would be a guess
    // that either slows us for nothing or still misses their limit. None by default: the pool
    // bounds concurrency (256 connections) and a 429 is retried honouring Retry-After.
    rateLimit: undefined,
    ...options.http,
  });
  const passage = createPassageClient(http, options.appId);

  return {
    ...passageTraits,
    // Passage ids are 24 alphanumerics; everything that is not a Clerk id is routed here.
    ownsUserId: (id) => id !== '' && !id.startsWith('user_'),

    async getUsers(ids, call = {}) {
      // Blank ids name no user (and could not be put in a path).
      const distinct = [...new Set(ids)].filter((id) => id.trim() !== '');
      const found = await Promise.all(
        distinct.map((id) =>
          passage.getUser(id, call).then(toUser, (error: unknown) => {
            if (error instanceof ProviderError && error.code === 'NOT_FOUND') return undefined;
            throw error;
          }),
        ),
      );
      return new Map(found.filter((user) => user !== undefined).map((user) => [user.id, user]));
    },

    async findUserByIdentifier(identifier, call = {}) {
      // One call: the list item is the user. The official SDKs follow it with `GET /users/{id}`
      // for the full object; devices and connections load on their own when asked for.
      if (identifier.trim() === '') return null; // Passage would read `identifier=` as no filter
      const page = toUserPage(
        await passage.listUsers({ identifier: identifier.toLowerCase(), page: 1, limit: 1 }, call),
      );
      return page.items[0] ?? null;
    },

    async listUsers(filter, page, order, { signal, charge, observer } = {}) {
      // Passage counts with every page: `withTotal` asks for nothing more.
      const call = { signal, charge, observer };
      const query = toListFilterQuery(filter, order);
      const { first, skip } = pagesCovering(page);
      const fetchPage = async (number: number, anchor: number | undefined) =>
        toUserPage(
          await passage.listUsers(
            { ...query, page: number, limit: page.limit, created_before: anchor },
            call,
          ),
        );
      const firstPage = await fetchPage(first, page.anchor);
      const isLastPage = first * page.limit >= firstPage.totalCount;
      if (skip === 0 || isLastPage) return { ...firstPage, items: firstPage.items.slice(skip) };
      // The offset falls inside a page and Passage pages by number: two calls, the page holding
      // the offset and the next, the second anchored where the first was so both see the same
      // users. (Pages that are not full stop after the first call.)
      const next = await fetchPage(first + 1, firstPage.anchor);
      return { ...firstPage, items: [...firstPage.items.slice(skip), ...next.items.slice(0, skip)] };
    },

    async countUsers(filter, call = {}) {
      const query = toListFilterQuery(filter, undefined);
      return toUserPage(await passage.listUsers({ ...query, page: 1, limit: 1 }, call)).totalCount;
    },

    // Passage's Management API says nothing about its app's limits.
    instanceLimits: async () => ({ environment: null, maxUsers: null }),

    async createUser(input, call = {}) {
      return toUser(await passage.createUser(toCreateUserRequest(input), call));
    },

    async updateUser(id, input, call = {}) {
      return toUser(await passage.updateUser(id, toUpdateUserRequest(input), call));
    },

    async updateUserMetadata(id, patch, call = {}) {
      return toUser(await passage.updateUser(id, toMetadataRequest(patch), call));
    },

    async deleteUser(id, call = {}) {
      await passage.deleteUser(id, call);
    },

    async listDevices(userId, call = {}) {
      return toDevices(userId, await passage.listDevices(userId, call));
    },

    async deleteDevice(userId, deviceId, call = {}) {
      await passage.deleteDevice(userId, deviceId, call);
    },

    async activateUser(id, call = {}) {
      return toUser(await passage.activateUser(id, call));
    },

    async deactivateUser(id, call = {}) {
      return toUser(await passage.deactivateUser(id, call));
    },

    async signOutUser(id, call = {}) {
      await passage.revokeRefreshTokens(id, call);
    },

    close: () => http.close(),
  };
}
