/**
 * `POST /webhooks/clerk`: Clerk's `user.created`, `user.updated` and `user.deleted` webhooks,
 * verified with Svix's own library against `CLERK_WEBHOOK_SIGNING_SECRET`. The signature is the
 * authentication, so no caller token is asked for, and no GraphQL runs: a verified event drops
 * the user from the cache and tells `userChanged` subscribers. Served in `onRequest`, before any
 * other plugin looks at the request.
 *
 * Svix redelivers until it gets a 2xx, so an event whose `svix-id` was already acted on (by this
 * replica, or by any other with `REDIS_URL`) is acknowledged and ignored. Refusals (400, 401)
 * change nothing.
 */
import { Webhook, WebhookVerificationError } from 'svix';
import type { Plugin } from 'graphql-yoga';
import { MemoryDeliveryLog, type DeliveryLog } from './deliveries.js';
import type { UserChanges } from './user-changes.js';
import type { UserChangeType } from './user-events.js';

export const CLERK_WEBHOOK_PATH = '/webhooks/clerk';

/** The largest body accepted: a user's JSON with its metadata fits many times over. */
export const MAX_WEBHOOK_BYTES = 256 * 1024;

export interface ClerkWebhookOptions {
  /** `whsec_...`, from the endpoint's page in Clerk's dashboard. */
  signingSecret: string;
  changes: UserChanges;
  /** The message ids already acted on. @default this process's (MemoryDeliveryLog) */
  deliveries?: DeliveryLog;
}

const EVENT_TYPES: Record<string, UserChangeType> = {
  'user.created': 'CREATED',
  'user.updated': 'UPDATED',
  'user.deleted': 'DELETED',
};

export function useClerkWebhooks(options: ClerkWebhookOptions): Plugin {
  const webhook = new Webhook(options.signingSecret);
  const deliveries = options.deliveries ?? new MemoryDeliveryLog();

  async function receive(request: Request): Promise<Response> {
    if (request.method !== 'POST') return answer(405, 'POST only', { allow: 'POST' });
    const declared = Number(request.headers.get('content-length') ?? 0);
    if (declared > MAX_WEBHOOK_BYTES) return answer(400, `body over ${MAX_WEBHOOK_BYTES} bytes`);
    const body = await readAtMost(request, MAX_WEBHOOK_BYTES);
    if (body === undefined) return answer(400, `body over ${MAX_WEBHOOK_BYTES} bytes`);
    const headers = {
      'svix-id': request.headers.get('svix-id') ?? '',
      'svix-timestamp': request.headers.get('svix-timestamp') ?? '',
      'svix-signature': request.headers.get('svix-signature') ?? '',
    };
    try {
      webhook.verify(body, headers);
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      // Missing headers and a stale timestamp are malformed; a signature that does not match is not us.
      const status = /signature/i.test(error.message) && headers['svix-signature'] ? 401 : 400;
      return answer(status, `webhook refused: ${error.message}`);
    }
    const id = headers['svix-id'];
    const event = parseEvent(body);
    if (!event) return answer(400, 'not a Clerk event');
    const type = EVENT_TYPES[event.type];
    if (!type) return answer(200, `ignored: ${event.type}`);
    // Claimed before acting, so a duplicate arriving meanwhile is not acted on twice.
    if (!(await deliveries.claim(id))) return answer(200, 'already processed');
    try {
      await options.changes.changed({
        provider: 'clerk',
        userId: event.userId,
        type,
        source: 'webhook',
        version: event.version,
      });
    } catch (error) {
      await deliveries.release(id);
      throw error;
    }
    return answer(200, 'ok');
  }

  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== CLERK_WEBHOOK_PATH) return;
      endResponse(await receive(request));
    },
  };
}

function answer(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ message }, { status, headers });
}

/** The body as text, or undefined once it grows past `limit` bytes (it is not read further). */
async function readAtMost(request: Request, limit: number): Promise<string | undefined> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `{ type, data: { id, updated_at } }`, Clerk's event envelope; anything else is not an event.
 * `updated_at` (ms) is the user's version, absent on a deletion.
 */
function parseEvent(body: string): { type: string; userId: string; version?: number } | undefined {
  try {
    const value = JSON.parse(body) as { type?: unknown; data?: { id?: unknown; updated_at?: unknown } };
    if (typeof value.type !== 'string' || typeof value.data?.id !== 'string') return undefined;
    const version = value.data.updated_at;
    return {
      type: value.type,
      userId: value.data.id,
      version: typeof version === 'number' && Number.isFinite(version) ? version : undefined,
    };
  } catch {
    return undefined;
  }
}
