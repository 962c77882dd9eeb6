import type { Random } from '../random.js';

/** A Clerk-looking id: `user_` + 27 base62 characters. */
export const clerkId = (random: Random, prefix: string) => `${prefix}_${random.token(27)}`;
