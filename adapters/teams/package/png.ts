/**
 * Reads a PNG's header: enough for the packager to check the committed icons' size and
 * transparency without an image library. The icons themselves are drawn once and committed.
 */
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOR_TYPE_RGBA = 6;

export type PngHeader = { width: number; height: number; colorType: number; hasAlpha: boolean };

/** Reads the IHDR of a PNG; null when the bytes are not a PNG. */
export function readPngHeader(bytes: Uint8Array): PngHeader | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 29 || !buffer.subarray(0, 8).equals(SIGNATURE)) return null;
  if (buffer.toString('ascii', 12, 16) !== 'IHDR') return null;
  const colorType = buffer[25]!;
  return {
    width: buffer.readUInt32BE(16),
    height: buffer.readUInt32BE(20),
    colorType,
    // Grey+alpha (4) and RGBA (6) carry an alpha channel; palettes may via tRNS, which we do not read.
    hasAlpha: colorType === 4 || colorType === COLOR_TYPE_RGBA,
  };
}
