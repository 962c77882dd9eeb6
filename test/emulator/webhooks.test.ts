/**
 * The emulator's Clerk webhooks, received by a plain HTTP endpoint: Clerk's envelope and Svix's
 * headers, a signature Svix's own library accepts, one event per user change, and the webhook
 * faults.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'svix';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.js';
import { clerkApi, NEW_USER } from './clerk/helpers.js';

const SECRET = `whsec_${Buffer.from('the emulator webhook test secret').toString('base64')}`;

interface Received {
  headers: Record<string, string>;
  body: string;
  at: number;
}

describe('Clerk webhooks', () => {
  const emulator = useEmulator();
  const api = clerkApi(emulator);
  const received: Received[] = [];
  let receiver: Server | undefined;
  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({
          headers: req.headers as Record<string, string>,
          body: Buffer.concat(chunks).toString('utf8'),
          at: performance.now(),
        });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver?.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.address() as AddressInfo;
    emulator().webhooks.configure({ url: `http://127.0.0.1:${port}/hook`, secret: SECRET });
  });
  afterAll(async () => {
    await new Promise((resolve) => receiver?.close(resolve));
  });
  beforeEach(() => {
    received.length = 0;
  });

  /** The events received, verified with Svix's library as a Clerk endpoint would. */
  const events = async () => {
    await emulator().webhooks.settled();
    return received.map(({ headers, body }) => {
      new Webhook(SECRET).verify(body, headers);
      return { id: headers['svix-id'], ...JSON.parse(body) } as Record<string, any>;
    });
  };

  it('sends user.created, user.updated and user.deleted in Clerk’s envelope, signed the Svix way', async () => {
    // Each delivered before the next change: Svix does not promise order, and neither does this.
    const delivered = async <T>(change: Promise<T>) => {
      const answer = await change;
      await emulator().webhooks.settled();
      return answer;
    };
    const created = (await delivered(api.post('/users', NEW_USER))).body;
    await delivered(api.patch(`/users/${created.id}`, { first_name: 'Changed' }));
    await delivered(api.post(`/users/${created.id}/ban`));
    await delivered(api.delete(`/users/${created.id}`));
    const sent = await events();
    expect(sent.map((event) => event.type)).toEqual([
      'user.created',
      'user.updated',
      'user.updated',
      'user.deleted',
    ]);
    for (const event of sent) {
      expect(event).toMatchObject({ object: 'event', timestamp: expect.any(Number) });
      expect(event.id).toMatch(/^msg_[A-Za-z0-9]{27}$/);
    }
    expect(new Set(sent.map((event) => event.id)).size).toBe(4);
    expect(sent[0]!.data).toEqual(created);
    expect(sent[1]!.data).toMatchObject({ id: created.id, object: 'user', first_name: 'Changed' });
    expect(sent[2]!.data).toMatchObject({ id: created.id, banned: true });
    expect(sent[3]!.data).toEqual({ id: created.id, object: 'user', deleted: true });
  });

  it('sends user.updated for an e-mail address or phone number added, changed or deleted, and for each user of a bulk ban', async () => {
    const [owner, other, third] = await api.allUsers();
    // Each delivered before the next change, so they arrive in order.
    const delivered = async (change: Promise<{ body: any }>) => {
      const { body } = await change;
      await emulator().webhooks.settled();
      return body;
    };
    const email = await delivered(
      api.post('/email_addresses', { user_id: owner.id, email_address: 'hook.added@example.com' }),
    );
    await delivered(api.patch(`/email_addresses/${email.id}`, { verified: true }));
    await delivered(api.delete(`/email_addresses/${email.id}`));
    const phone = await delivered(
      api.post('/phone_numbers', { user_id: owner.id, phone_number: '+15555550123' }),
    );
    await delivered(api.patch(`/phone_numbers/${phone.id}`, { primary: true }));
    await delivered(api.delete(`/phone_numbers/${phone.id}`));
    let sent = await events();
    expect(sent.map((event) => [event.type, event.data.id])).toEqual(
      Array.from({ length: 6 }, () => ['user.updated', owner.id]),
    );
    // Each carries the user as it is after the change: the address is there, verified, then gone.
    const addresses = (event: Record<string, any>) =>
      event.data.email_addresses.map((entry: { email_address: string }) => entry.email_address);
    expect(addresses(sent[0]!)).toContain('hook.added@example.com');
    expect(addresses(sent[2]!)).not.toContain('hook.added@example.com');

    received.length = 0;
    await api.post('/users/ban', { user_ids: [other.id, third.id] });
    sent = await events();
    expect(sent.map((event) => [event.type, event.data.id, event.data.banned]).sort()).toEqual(
      [
        ['user.updated', other.id, true],
        ['user.updated', third.id, true],
      ].sort(),
    );
    received.length = 0;
    await api.post('/users/unban', { user_ids: [other.id, third.id] });
    expect((await events()).map((event) => event.data.banned)).toEqual([false, false]);
  });

  it('sends no user event for a session created or revoked: those are not part of the user', async () => {
    const [user] = await api.allUsers();
    const session = (await api.post('/sessions', { user_id: user.id })).body;
    await api.post(`/sessions/${session.id}/revoke`);
    expect(await events()).toEqual([]);
  });

  it('sends nothing for reads, checks, refused writes and Passage', async () => {
    const [user] = await api.allUsers();
    await api.get(`/users/${user.id}`);
    await api.post(`/users/${user.id}/verify_password`, { password: 'wrong-password-here' });
    await api.patch('/users/user_does_not_exist', { first_name: 'Nobody' });
    const { passageUrl, keys } = emulator();
    await fetch(`${passageUrl}/apps/${keys.passageAppId}/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keys.passageApiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'passage.person@example.com' }),
    });
    expect(await events()).toEqual([]);
  });

  it.each([
    [{ kind: 'webhook_drop', times: 1 }, 0],
    [{ kind: 'webhook_duplicate', times: 1 }, 2],
    [{ kind: 'webhook_drop', event: 'user.created' }, 1],
  ] as const)('%j: %i deliveries of one update', async (fault, deliveries) => {
    const [user] = await api.allUsers();
    emulator().control.addFaults(fault);
    await api.patch(`/users/${user.id}`, { first_name: 'Faulty' });
    const sent = await events();
    expect(sent).toHaveLength(deliveries);
    expect(new Set(sent.map((event) => event.id)).size).toBe(Math.min(1, deliveries));
  });

  it('webhook_delay sends it late', async () => {
    const [user] = await api.allUsers();
    emulator().control.addFaults({ kind: 'webhook_delay', ms: 300 });
    const changedAt = performance.now();
    await api.patch(`/users/${user.id}`, { first_name: 'Late' });
    expect(await events()).toHaveLength(1);
    expect(received[0]!.at - changedAt).toBeGreaterThanOrEqual(290);
  });
});
