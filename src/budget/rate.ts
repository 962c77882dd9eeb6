/** A budget of calls per window, as operators write it: `900/10s`. */
export interface Rate {
  requests: number;
  intervalMs: number;
}

const RATE = /^(\d{1,7})\/(\d{1,5})s$/;

/** `900/10s` → 900 per 10 000 ms; undefined for anything else (or a zero). */
export function parseRate(text: string): Rate | undefined {
  const match = RATE.exec(text);
  if (!match) return undefined;
  const requests = Number(match[1]);
  const seconds = Number(match[2]);
  return requests > 0 && seconds > 0 ? { requests, intervalMs: seconds * 1000 } : undefined;
}

export const formatRate = (rate: Rate): string => `${rate.requests}/${rate.intervalMs / 1000}s`;
