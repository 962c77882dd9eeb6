/**
 * The emulator's control plane: the same operations in-process (for code that started the
 * emulator) and over HTTP under `/__emulator/` (for anything else). It never shares a path with
 * a provider, so nothing a provider client sends can reach it.
 *
 *   GET    /__emulator                      providers, mounts, seeded users, stats
 *   POST   /__emulator/reset                {users?, seed?}: state, log, faults, limits as at start
 *   POST   /__emulator/seed                 {users?, seed?}: state only, reseeded
 *   (`users`: one count, or one per provider: `{"passage": 2000, "clerk": 0}`)
 *   GET    /__emulator/requests             ?provider=&method=&route=  the request log
 *   DELETE /__emulator/requests             empties the log and its counters
 *   GET    /__emulator/counters             requests per `provider METHOD route`
 *   GET    /__emulator/faults               installed faults
 *   POST   /__emulator/faults               one fault spec or an array of them
 *   DELETE /__emulator/faults[/{id}]        all faults, or one
 *   GET    /__emulator/rate-limits          budgets per provider
 *   PUT    /__emulator/rate-limits/{name}   {limit, windowMs}
 *   DELETE /__emulator/rate-limits/{name}   no budget
 */
import * as z from 'zod';
import type { Fault, FaultInjector, FaultSpec } from './faults.js';
import type { EmulatorResponse, ProviderName, ProviderStats } from './provider.js';
import { FixedWindowLimiter, rateLimitSpecSchema, type RateLimitSpec } from './rate-limit.js';
import type { LoggedRequest, RequestFilter, RequestLog } from './request-log.js';
import { DEFAULT_SEED_USERS, seededUsersOf, type EmulatorOptions, type SeedUsers } from './options.js';
import type { MountedProvider, RequestTarget } from './mounted-provider.js';

const userCount = z.number().int().min(0).max(1_000_000);

const seedingSchema = z
  .strictObject({
    users: z
      .union([userCount, z.strictObject({ clerk: userCount.optional(), passage: userCount.optional() })])
      .optional(),
    seed: z.number().int().optional(),
  })
  .default({});

export interface Seeding {
  /** One count for every provider, or a count per provider (a provider left out gets the default). */
  users?: SeedUsers;
  seed?: number;
}

export interface EmulatorControl {
  /** Back to the start: state reseeded, log emptied, faults and rate limits as configured at start. */
  reset(seeding?: Seeding): void;
  /** Reseeds provider state only; faults, limits and the log stay. */
  seed(seeding?: Seeding): void;
  requests(filter?: RequestFilter): LoggedRequest[];
  clearRequests(): void;
  counters(): { total: number; byRoute: Record<string, number> };
  addFaults(specs: FaultSpec | FaultSpec[]): Fault[];
  faults(): Fault[];
  removeFault(id: string): boolean;
  clearFaults(): void;
  setRateLimit(provider: ProviderName, spec: RateLimitSpec | null): void;
  rateLimits(): Partial<Record<ProviderName, RateLimitSpec>>;
  stats(): Record<ProviderName, ProviderStats>;
  /** Serves one control-plane HTTP request. */
  handleHttp(method: string, url: RequestTarget, body: Buffer): EmulatorResponse;
}

interface ControlDeps {
  providers: MountedProvider[];
  faults: FaultInjector;
  log: RequestLog;
  options: EmulatorOptions & { seed: number };
}

export function createControl({ providers, faults, log, options }: ControlDeps): EmulatorControl {
  let seeded = { users: options.users ?? DEFAULT_SEED_USERS, seed: options.seed };

  const providerByName = (name: string) => providers.find((p) => p.emulator.name === name);

  const control: EmulatorControl = {
    reset(seeding = {}) {
      control.seed(seeding);
      log.clear();
      faults.clear();
      if (options.faults?.length) faults.add(options.faults);
      for (const provider of providers) {
        const spec = options.rateLimits?.[provider.emulator.name];
        provider.limiter = spec ? new FixedWindowLimiter(rateLimitSpecSchema.parse(spec)) : undefined;
      }
    },
    seed(seeding = {}) {
      seeded = { users: seeding.users ?? seeded.users, seed: seeding.seed ?? seeded.seed };
      for (const provider of providers) {
        provider.emulator.reset(seededUsersOf(seeded.users, provider.emulator.name), seeded.seed);
      }
    },
    requests: (filter) => log.list(filter),
    clearRequests: () => log.clear(),
    counters: () => log.counts(),
    addFaults: (specs) => faults.add(Array.isArray(specs) ? specs : [specs]),
    faults: () => faults.list(),
    removeFault: (id) => faults.remove(id),
    clearFaults: () => faults.clear(),
    setRateLimit(name, spec) {
      const provider = providerByName(name);
      if (!provider) throw new RangeError(`no emulated provider named ${name}`);
      provider.limiter = spec ? new FixedWindowLimiter(rateLimitSpecSchema.parse(spec)) : undefined;
    },
    rateLimits: () =>
      Object.fromEntries(
        providers.filter((p) => p.limiter).map((p) => [p.emulator.name, p.limiter?.spec]),
      ) as Partial<Record<ProviderName, RateLimitSpec>>,
    stats: () =>
      Object.fromEntries(providers.map((p) => [p.emulator.name, p.emulator.stats()])) as Record<
        ProviderName,
        ProviderStats
      >,
    handleHttp(method, url, body) {
      try {
        return route(method, url.pathname.replace(/\/+$/, ''), url.searchParams, parseBody(body));
      } catch (error) {
        if (error instanceof z.ZodError) return invalid(z.prettifyError(error));
        if (error instanceof SyntaxError) return invalid(`body is not valid JSON: ${error.message}`);
        if (error instanceof RangeError) return invalid(error.message);
        throw error;
      }
    },
  };

  function route(method: string, path: string, query: URLSearchParams, body: unknown): EmulatorResponse {
    const [, , resource, id] = path.split('/'); // ['', '__emulator', resource?, id?]
    switch (`${method} ${resource ?? ''}${id === undefined ? '' : '/:id'}`) {
      case 'GET ':
        return ok({
          providers: providers.map((p) => ({ name: p.emulator.name, mount: p.mount })),
          seededUsers: seeded.users,
          seed: seeded.seed,
          stats: control.stats(),
        });
      case 'POST reset':
        control.reset(seedingSchema.parse(body));
        return ok({ reset: true, ...seeded });
      case 'POST seed':
        control.seed(seedingSchema.parse(body));
        return ok({ seeded: true, ...seeded });
      case 'GET requests': {
        const filter = {
          provider: (query.get('provider') ?? undefined) as ProviderName | undefined,
          method: query.get('method') ?? undefined,
          route: query.get('route') ?? undefined,
        };
        const requests = control.requests(filter);
        return ok({ count: requests.length, requests });
      }
      case 'DELETE requests':
        control.clearRequests();
        return ok({ cleared: true });
      case 'GET counters':
        return ok(control.counters());
      case 'GET faults':
        return ok({ faults: control.faults() });
      case 'POST faults':
        return { status: 201, body: { faults: control.addFaults(body as FaultSpec | FaultSpec[]) } };
      case 'DELETE faults':
        control.clearFaults();
        return ok({ cleared: true });
      case 'DELETE faults/:id':
        return control.removeFault(id as string)
          ? ok({ removed: id })
          : { status: 404, body: { error: `no fault with id ${id}` } };
      case 'GET rate-limits':
        return ok({ rateLimits: control.rateLimits() });
      case 'PUT rate-limits/:id':
        control.setRateLimit(id as ProviderName, rateLimitSpecSchema.parse(body));
        return ok({ rateLimits: control.rateLimits() });
      case 'DELETE rate-limits/:id':
        control.setRateLimit(id as ProviderName, null);
        return ok({ rateLimits: control.rateLimits() });
      default:
        return { status: 404, body: { error: `no control-plane operation ${method} ${path}` } };
    }
  }

  return control;
}

function parseBody(body: Buffer): unknown {
  return body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
}

const ok = (body: unknown): EmulatorResponse => ({ status: 200, body });
const invalid = (error: string): EmulatorResponse => ({ status: 400, body: { error } });
