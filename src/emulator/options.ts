/** What the emulator can be started with; every field has a documented default. */
import type { FaultSpec } from './faults.js';
import type { EmulatorKeys, ProviderName } from './provider.js';
import type { RateLimitSpec } from './rate-limit.js';
import type { WebhookTarget } from './webhooks.js';
import { DEFAULT_SEED_USERS } from '../config/seed-users.js';

export { DEFAULT_SEED_USERS };

export interface EmulatorOptions {
  /** Users seeded per provider: one count for both, or `{clerk, passage}`. @default 50 */
  users?: SeedUsers;
  /** Seed of all generated data and of probabilistic faults. @default 1 */
  seed?: number;
  /** Accepted credentials; any not given falls back to the fixed demo keys. */
  keys?: Partial<EmulatorKeys>;
  /** Faults installed at start (and again after a reset). */
  faults?: FaultSpec[];
  /** Per-provider request budgets installed at start (and again after a reset). */
  rateLimits?: Partial<Record<ProviderName, RateLimitSpec>>;
  /**
   * What Clerk's `GET /instance` answers as `environment_type`. `development` rehearses a
   * development instance's 100-user cap. @default 'production', whatever the key's prefix
   */
  clerkEnvironment?: 'development' | 'production';
  /** Where Clerk's `user.*` webhooks are sent; none are sent without it. */
  webhooks?: WebhookTarget;
  /** Where unexpected handler errors are reported. @default console.error */
  onError?: (error: unknown) => void;
}

/** The fixed demo credentials the emulator accepts when none are configured. */
export const DEMO_KEYS: EmulatorKeys = {
  clerkSecretKey: 'sk_test_usergraph_emulator_demo_key',
  passageAppId: 'usergraph-demo-app',
  passageApiKey: 'passage_usergraph_emulator_demo_key',
};

export type SeedUsers = number | Partial<Record<ProviderName, number>>;

/** How many users `provider` is seeded with. */
export function seededUsersOf(users: SeedUsers, provider: ProviderName): number {
  return typeof users === 'number' ? users : (users[provider] ?? DEFAULT_SEED_USERS);
}
