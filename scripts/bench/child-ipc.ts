/**
 * The protocol between `scripts/bench/run.ts` and each server it starts in a process of its own
 * (usergraph-child.ts, reference-child.ts): the child listens on 127.0.0.1, says where, and
 * answers `mark` (start counting CPU and peak RSS), `read` (the counts since the mark) and
 * `stop`. CPU is `process.cpuUsage` (user + system), so it is the server's alone. `ready` carries
 * the idle RSS: after start-up and a garbage collection, before any request.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Parent → child. */
export type ParentMessage = { type: 'mark' } | { type: 'read' } | { type: 'stop' };

/** Child → parent. */
export type ChildMessage =
  | { type: 'ready'; url: string; idleRssBytes: number }
  | { type: 'marked' }
  | { type: 'stats'; cpuMs: number; peakRssBytes: number };

/** Listens, reports to the parent, and closes `http` and then `close()` on `stop`. */
export async function serveToParent(http: Server, close: () => Promise<void>): Promise<void> {
  http.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));

  let cpuBase = process.cpuUsage();
  let peakRss = process.memoryUsage.rss();
  // Sampled a few times a second: reading RSS is a system call, and every 20 ms it showed in the
  // server's own CPU profile, charged to the operations measured.
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 250);
  const send = (message: ChildMessage) => process.send?.(message);

  let stopping = false;
  async function stop() {
    // Asked to stop, then disconnected: stop once.
    if (stopping) return;
    stopping = true;
    clearInterval(sampler);
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
    await close();
    process.exit(0);
  }

  process.on('message', (message: ParentMessage) => {
    switch (message.type) {
      case 'mark':
        cpuBase = process.cpuUsage();
        peakRss = process.memoryUsage.rss();
        send({ type: 'marked' });
        break;
      case 'read': {
        const cpu = process.cpuUsage(cpuBase);
        peakRss = Math.max(peakRss, process.memoryUsage.rss());
        send({ type: 'stats', cpuMs: (cpu.user + cpu.system) / 1000, peakRssBytes: peakRss });
        break;
      }
      case 'stop':
        void stop();
        break;
    }
  });
  // The parent went away (crashed, or was interrupted): never outlive it.
  process.on('disconnect', () => void stop());

  // Idle: started, listening, nothing served yet, garbage collected (the child runs with
  // --expose-gc for this one call).
  (globalThis as { gc?: () => void }).gc?.();
  send({
    type: 'ready',
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`,
    idleRssBytes: process.memoryUsage.rss(),
  });
}
