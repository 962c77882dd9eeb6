/**
 * What an upload really is, by its first bytes (what an image decoder reads), not by the name or
 * type the client gave it: the formats Clerk's image service takes.
 */
const SIGNATURES: { type: string; at: number; bytes: readonly number[] }[][] = [
  [{ type: 'image/png', at: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }],
  [{ type: 'image/jpeg', at: 0, bytes: [0xff, 0xd8, 0xff] }],
  [{ type: 'image/gif', at: 0, bytes: [0x47, 0x49, 0x46, 0x38] }],
  // RIFF, a four-byte length, then WEBP.
  [
    { type: 'image/webp', at: 0, bytes: [0x52, 0x49, 0x46, 0x46] },
    { type: 'image/webp', at: 8, bytes: [0x57, 0x45, 0x42, 0x50] },
  ],
];

export const IMAGE_FORMATS = 'PNG, JPEG, GIF or WebP';

/** `image/png`, `image/jpeg`, `image/gif` or `image/webp`; undefined for anything else. */
export function imageTypeOf(data: Uint8Array): string | undefined {
  const found = SIGNATURES.find((parts) =>
    parts.every(({ at, bytes }) => bytes.every((byte, i) => data[at + i] === byte)),
  );
  return found?.[0]?.type;
}
