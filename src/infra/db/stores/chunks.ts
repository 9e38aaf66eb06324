/** Rows per statement: a few parameters each, far below PostgreSQL's 65,535 limit. */
export const CHUNK = 1000;

/** `items` in slices of `size`, one statement each: a fixed number of statements per chunk. */
export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}
