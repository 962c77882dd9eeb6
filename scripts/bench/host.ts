/**
 * How much of this machine's CPU time its host gave to others (Linux's "steal" in /proc/stat).
 * On a shared virtual machine the same code measures slower when the host is busy, and a run's
 * CPU per operation cannot be read without knowing it.
 */
import { readFileSync } from 'node:fs';

export interface CpuTimes {
  steal: number;
  total: number;
}

/** The machine's CPU times so far, in clock ticks; undefined where there is no /proc/stat. */
export function cpuTimes(): CpuTimes | undefined {
  try {
    const [line] = readFileSync('/proc/stat', 'utf8').split('\n', 1);
    // user nice system idle iowait irq softirq steal (guest and guest_nice are inside user and nice)
    const ticks = (line ?? '').trim().split(/\s+/).slice(1, 9).map(Number);
    if (ticks.length < 8 || ticks.some(Number.isNaN)) return undefined;
    return { steal: ticks[7]!, total: ticks.reduce((sum, n) => sum + n, 0) };
  } catch {
    return undefined;
  }
}

/** The share of the machine's time stolen between two readings, in %. */
export function stolenPercent(from: CpuTimes | undefined, to: CpuTimes | undefined): number | undefined {
  if (!from || !to || to.total <= from.total) return undefined;
  return (100 * (to.steal - from.steal)) / (to.total - from.total);
}
