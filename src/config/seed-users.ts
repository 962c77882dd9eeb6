/**
 * Users the emulator seeds per provider unless told otherwise. It lives outside the emulator
 * because the server's configuration reads it too, and the server loads the emulator only when
 * it embeds it.
 */
export const DEFAULT_SEED_USERS = 50;
