/**
 * Faults on demand, in toxiproxy's vocabulary: each fault matches some requests (by provider,
 * method, route template or exact path) and applies to the next `times` of them (once `after`
 * of them have passed), or to each with a `probability`. Latency faults add up; of the other kinds the first matching one decides what
 * happens to the request, so a list such as [reset ×1, status 500 ×1] scripts a sequence.
 */
import * as z from 'zod';
import type { ProviderName } from './provider.js';
import type { Random } from './random.js';

const match = {
  provider: z.enum(['clerk', 'passage']).optional(),
  method: z
    .string()
    .transform((m) => m.toUpperCase())
    .optional(),
  /** A path template as the provider's spec writes it, e.g. `/users/{user_id}`. */
  route: z.string().optional(),
  /** An exact path below the provider's mount point, e.g. `/users/user_1/organization_memberships`. */
  path: z.string().optional(),
  /** Lets this many matching requests through untouched first, e.g. to fail a second call only. */
  after: z.number().int().min(0).optional(),
  /** Applies to the next `times` matching requests, then retires. Unlimited when absent. */
  times: z.number().int().positive().optional(),
  /** Applies to each matching request with this probability. */
  probability: z.number().min(0).max(1).optional(),
};

/** What a webhook fault matches: an event type (`user.updated`), and how often it applies. */
const webhookMatch = {
  event: z.string().optional(),
  times: match.times,
  probability: match.probability,
};

export const faultSpecSchema = z.discriminatedUnion('kind', [
  /** The webhook for a matching event is never sent. */
  z.strictObject({ kind: z.literal('webhook_drop'), ...webhookMatch }),
  /** The webhook is sent `ms` late. */
  z.strictObject({
    kind: z.literal('webhook_delay'),
    ...webhookMatch,
    ms: z.number().int().min(0).max(60_000),
  }),
  /** The webhook is sent twice with the same `svix-id`, as Svix does when it retries. */
  z.strictObject({ kind: z.literal('webhook_duplicate'), ...webhookMatch }),
  /**
   * Delays the response by `ms` plus a uniform random 0..`jitterMs`. A request whose client hangs
   * up meanwhile is dropped, unless `performIfClosed`: then it is performed when the delay ends,
   * as by a server that does not notice (a create the client gave up on lands late).
   */
  z.strictObject({
    kind: z.literal('latency'),
    ...match,
    ms: z.number().int().min(0).max(60_000),
    jitterMs: z.number().int().min(0).max(60_000).default(0),
    performIfClosed: z.boolean().default(false),
  }),
  /** Answers with this status in the provider's own error envelope; the request is not handled. */
  z.strictObject({
    kind: z.literal('status'),
    ...match,
    status: z.number().int().min(400).max(599),
    retryAfter: z.number().int().min(0).optional(),
  }),
  /**
   * Drops the connection without an answer. With `afterHandler` the request is handled first
   * (a create happens upstream) and only the response is lost.
   */
  z.strictObject({ kind: z.literal('reset'), ...match, afterHandler: z.boolean().default(false) }),
  /** Accepts the request and never answers (until the client gives up or the emulator stops). */
  z.strictObject({ kind: z.literal('timeout'), ...match }),
  /** Handles the request, then answers its status with a body that is not valid JSON. */
  z.strictObject({ kind: z.literal('garbage'), ...match }),
  /** Handles the request, then sends the body in small chunks `chunkDelayMs` apart. */
  z.strictObject({
    kind: z.literal('slow_body'),
    ...match,
    chunkDelayMs: z.number().int().min(1).max(10_000).default(200),
  }),
]);

export type FaultSpec = z.input<typeof faultSpecSchema>;
export type Fault = z.output<typeof faultSpecSchema> & { id: string };
export type FaultKind = Fault['kind'];
export type LatencyFault = Extract<Fault, { kind: 'latency' }>;
export type WebhookFault = Extract<Fault, { kind: `webhook_${string}` }>;
export type RequestFault = Exclude<Fault, WebhookFault>;
export type OutcomeFault = Exclude<RequestFault, LatencyFault>;

const isWebhookFault = (fault: Fault): fault is WebhookFault => fault.kind.startsWith('webhook_');

/** What happens to one webhook: sent after `delayMs`, not at all, or twice. */
export interface WebhookDecision {
  drop: boolean;
  delayMs: number;
  duplicate: boolean;
}

export interface FaultTarget {
  provider: ProviderName;
  method: string;
  route: string | undefined;
  path: string;
}

export interface FaultDecision {
  delayMs: number;
  /** A latency fault that applied performs the request even if the client hangs up during it. */
  performIfClosed: boolean;
  outcome: OutcomeFault | undefined;
}

export class FaultInjector {
  private faults: Fault[] = [];
  private nextId = 1;

  constructor(private readonly random: Random) {}

  /** Validates and installs faults; throws a ZodError that names the bad field. */
  add(specs: readonly FaultSpec[]): Fault[] {
    const parsed = specs.map((spec) => ({ ...faultSpecSchema.parse(spec), id: `fault_${this.nextId++}` }));
    this.faults.push(...parsed);
    return parsed;
  }

  list(): Fault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((fault) => fault.id !== id);
    return this.faults.length !== before;
  }

  clear(): void {
    this.faults = [];
  }

  /** Decides what happens to one request, consuming one use of every fault that applies. */
  decide(target: FaultTarget): FaultDecision {
    let delayMs = 0;
    let performIfClosed = false;
    let outcome: OutcomeFault | undefined;
    for (const fault of this.faults) {
      if (isWebhookFault(fault) || !matches(fault, target)) continue;
      if (fault.kind !== 'latency' && outcome) continue;
      if (fault.after) {
        fault.after -= 1;
        continue;
      }
      if (fault.probability !== undefined && !this.random.chance(fault.probability)) continue;
      if (fault.times !== undefined) fault.times -= 1;
      if (fault.kind === 'latency') {
        delayMs += fault.ms + Math.round(this.random.next() * fault.jitterMs);
        performIfClosed ||= fault.performIfClosed;
      } else outcome = fault;
    }
    this.retireUsedUp();
    return { delayMs, performIfClosed, outcome };
  }

  /** Decides what happens to one webhook of type `event`, consuming a use of each fault that applies. */
  decideWebhook(event: string): WebhookDecision {
    const decision: WebhookDecision = { drop: false, delayMs: 0, duplicate: false };
    for (const fault of this.faults) {
      if (!isWebhookFault(fault) || (fault.event !== undefined && fault.event !== event)) continue;
      if (fault.probability !== undefined && !this.random.chance(fault.probability)) continue;
      if (fault.times !== undefined) fault.times -= 1;
      if (fault.kind === 'webhook_drop') decision.drop = true;
      else if (fault.kind === 'webhook_delay') decision.delayMs += fault.ms;
      else decision.duplicate = true;
    }
    this.retireUsedUp();
    return decision;
  }

  private retireUsedUp(): void {
    this.faults = this.faults.filter((fault) => fault.times === undefined || fault.times > 0);
  }
}

function matches(fault: RequestFault, target: FaultTarget): boolean {
  return (
    (fault.provider === undefined || fault.provider === target.provider) &&
    (fault.method === undefined || fault.method === target.method) &&
    (fault.route === undefined || fault.route === target.route) &&
    (fault.path === undefined || fault.path === target.path)
  );
}
