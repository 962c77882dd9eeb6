/** Clerk's webhooks as the tests send them. */
import { Webhook } from 'svix';

/** A Clerk event as Svix would post it, signed with `secret` at `sentAt`: the init for `fetch`. */
export function signedWebhook(secret: string, id: string, body: object, sentAt = new Date()) {
  const payload = JSON.stringify(body);
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'svix-id': id,
      'svix-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
      'svix-signature': new Webhook(secret).sign(id, sentAt, payload),
    },
    body: payload,
  };
}
