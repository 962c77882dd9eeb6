/**
 * The emulator sends Clerk's webhooks: for every user change it serves, a `user.created`,
 * `user.updated` or `user.deleted` event in Clerk's payload shape, signed the way Svix signs
 * (with Svix's own library) and posted with Svix's headers. Webhook faults (faults.ts) drop,
 * delay or duplicate them. Delivery is one attempt: a real endpoint's retries are Svix's job,
 * and a test scripts a redelivery with `webhook_duplicate`.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Webhook } from 'svix';
import type { FaultInjector } from './faults.js';
import type { UserEvent } from './provider.js';
import type { Random } from './random.js';

export interface WebhookTarget {
  /** Where events are posted, e.g. `http://localhost:4000/webhooks/clerk`. */
  url: string;
  /** The endpoint's signing secret, `whsec_...`. */
  secret: string;
  /** How a request is sent; the embedded emulator hands it to the server in-process. */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
}

export class WebhookSender {
  private target: WebhookTarget | undefined;
  private signer: Webhook | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly faults: FaultInjector,
    private readonly random: Random,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Where to send from now on; undefined sends nothing. */
  configure(target: WebhookTarget | undefined): void {
    this.target = target;
    this.signer = target && new Webhook(target.secret);
  }

  /** Sends one event in the background, as Clerk does after answering. */
  send(event: UserEvent): void {
    const { target, signer } = this;
    if (!target || !signer) return;
    const decision = this.faults.decideWebhook(event.type);
    if (decision.drop) return;
    const id = `msg_${this.random.token(27)}`;
    const payload = JSON.stringify({
      data: event.data,
      object: 'event',
      type: event.type,
      timestamp: Date.now(),
    });
    const deliver = async () => {
      if (decision.delayMs > 0) await sleep(decision.delayMs);
      for (let copy = 0; copy < (decision.duplicate ? 2 : 1); copy += 1) {
        await this.post(target, signer, id, payload);
      }
    };
    const delivery = deliver().catch(this.onError);
    this.inFlight.add(delivery);
    void delivery.finally(() => this.inFlight.delete(delivery));
  }

  /** Resolves when every webhook sent so far was delivered (or failed). */
  async settled(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  private async post(target: WebhookTarget, signer: Webhook, id: string, payload: string): Promise<void> {
    const sentAt = new Date();
    const response = await (target.fetch ?? fetch)(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'svix-id': id,
        'svix-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
        'svix-signature': signer.sign(id, sentAt, payload),
      },
      body: payload,
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`webhook ${id} to ${target.url} answered ${response.status}`);
  }
}
