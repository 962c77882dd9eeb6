/**
 * The contract between the emulator's shared pipeline (server.ts) and each emulated provider
 * (clerk/, passage/). The pipeline owns HTTP, the control plane, faults, rate limits and the
 * request log; a provider owns its state, its routes and its exact error envelope.
 */
import type { IncomingHttpHeaders } from 'node:http';

export type ProviderName = 'clerk' | 'passage';

/** A request as a provider route sees it: already authenticated and routed. */
export interface EmulatorRequest {
  method: string;
  /** Path below the provider's mount point, e.g. `/users/user_123` (still percent-encoded). */
  path: string;
  /** Path parameters, percent-decoded (`a%2Fb` arrives as `a/b`, inside one segment). */
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The raw body; `json()` parses it. */
  body: Buffer;
  /** The parsed JSON body; throws `MalformedBodyError` when the body is not valid JSON. */
  json(): unknown;
}

export class MalformedBodyError extends Error {
  override name = 'MalformedBodyError';
}

/** What a route answers: a JSON value, or nothing (an empty body, as Passage's deletes send). */
export interface EmulatorResponse {
  status: number;
  /** Serialized as JSON unless it is a Buffer; `undefined` sends an empty body. */
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * Users the request changed whom its path does not name (an identifier's owner, the users of a
   * bulk ban): each is told in a `user.updated` webhook. Never sent to the client.
   */
  changedUsers?: readonly string[];
}

export type RouteHandler = (req: EmulatorRequest) => EmulatorResponse | Promise<EmulatorResponse>;

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The path template exactly as the provider's OpenAPI file writes it, e.g. `/users/{user_id}`. */
  template: string;
  handle: RouteHandler;
}

/** A user change a provider reports, which the pipeline sends as that provider's webhook. */
export interface UserEvent {
  type: 'user.created' | 'user.updated' | 'user.deleted';
  data: unknown;
}

/** Counts a test can assert on, e.g. how many users the provider holds. */
export type ProviderStats = Record<string, number>;

export interface ProviderEmulator {
  readonly name: ProviderName;
  readonly routes: readonly Route[];
  /** Checks credentials (and anything else checked before routing, such as the API version). */
  authenticate(req: Omit<EmulatorRequest, 'params' | 'json'>): EmulatorResponse | undefined;
  /** The provider's own 404 for a path it does not serve. */
  notFound(req: Omit<EmulatorRequest, 'params' | 'json'>): EmulatorResponse;
  /** The provider's own envelope for an injected or unexpected status (429, 500, 503...). */
  errorFor(status: number, retryAfterSeconds?: number): EmulatorResponse;
  /** Drops all state and seeds `users` users again, deterministically from `seed`. */
  reset(users: number, seed: number): void;
  stats(): ProviderStats;
  /** The webhooks a served request causes (users created, changed or deleted), for providers that send them. */
  userEvents?(
    route: string,
    req: Pick<EmulatorRequest, 'method' | 'params'>,
    answer: EmulatorResponse,
  ): UserEvent[];
}

/** Credentials the emulator accepts; either the environment's or fixed demo ones. */
export interface EmulatorKeys {
  clerkSecretKey: string;
  passageAppId: string;
  passageApiKey: string;
}
