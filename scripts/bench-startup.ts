/**
 * `npm run bench:startup`: the production process's start alone, the measure `npm run bench` takes
 * once (bench/startup.ts), taken `--starts` times in a row against the same emulator, since idle
 * RSS differs by several MiB from one start to the next. Builds once, prints each start and the
 * medians; writes nothing.
 *
 *   npm run bench:startup [-- --starts 5]
 */
import { startEmulator } from '../src/emulator/index.js';
import { listClerkIds } from './bench/run.js';
import { floorAgent } from './bench/scenarios.js';
import { args, LATENCY, USERS } from './bench/settings.js';
import { buildProduction, measureStartup, type Startup } from './bench/startup.js';

const starts = Number(args.starts);
if (!Number.isInteger(starts) || starts < 1)
  throw new Error(`--starts must be a whole number ≥ 1, got ${args.starts}`);

// The emulator `npm run bench` measures against, so the figures compare.
const emulator = await startEmulator({ users: USERS, seed: 1, faults: [{ kind: 'latency', ...LATENCY }] });
const agent = floorAgent();
try {
  const [userId] = await listClerkIds(emulator, agent);
  buildProduction();
  const measured: Startup[] = [];
  for (let start = 1; start <= starts; start++) {
    const startup = await measureStartup(emulator, userId!);
    measured.push(startup);
    console.log(
      `start ${start}: first answer ${startup.firstAnswerMs.toFixed(0)} ms, idle RSS ${startup.idleRssMb.toFixed(1)} MiB`,
    );
  }
  const firstAnswer = median(measured.map((startup) => startup.firstAnswerMs));
  const idleRss = median(measured.map((startup) => startup.idleRssMb));
  console.log(
    `median of ${starts}: first answer ${firstAnswer.toFixed(0)} ms, idle RSS ${idleRss.toFixed(1)} MiB`,
  );
} finally {
  await agent.close();
  await emulator.stop();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
