/** The Svix signing secret both the server and the emulator read: checked once, here. */
import { Webhook } from 'svix';
import { ConfigError } from './env.js';

/** `whsec_` and base64, as Clerk's dashboard shows it; the message never repeats the value. */
export function signingSecret(value: string, name: string): string {
  const refused = new ConfigError(
    `${name} must be the endpoint's signing secret as Clerk shows it (whsec_ followed by base64)`,
  );
  if (!value.startsWith('whsec_') || value.length > 200) throw refused;
  try {
    new Webhook(value);
  } catch {
    throw refused;
  }
  return value;
}
