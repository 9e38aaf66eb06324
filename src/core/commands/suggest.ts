/**
 * Damerau–Levenshtein distance (optimal string alignment): a swapped pair of letters counts
 * as one typo, which is the most common slip when typing a command quickly.
 */
export function editDistance(a: string, b: string): number {
  const cols = b.length + 1;
  // Three rows of the table suffice: the one being filled and the two before it (for a swap).
  let before = new Array<number>(cols).fill(0);
  let previous = Array.from({ length: cols }, (_, j) => j);
  let current = new Array<number>(cols).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, before[j - 2]! + 1);
      }
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/**
 * The closest candidate, if it is close enough to be what the person meant: at most one typo
 * for words up to six letters, two for longer ones, or a clear start of the word (`instel` → `instellingen`).
 */
export function suggestClosest(input: string, candidates: readonly string[]): string | null {
  const word = input.toLowerCase();
  if (word.length === 0) return null;
  const allowed = word.length <= 6 ? 1 : 2;
  let best: { candidate: string; distance: number } | null = null;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: skip what cannot be close enough or closer.
    const atLeast = Math.abs(word.length - candidate.length);
    if (atLeast > allowed || (best !== null && atLeast >= best.distance)) continue;
    const distance = editDistance(word, candidate);
    if (distance <= allowed && (best === null || distance < best.distance)) best = { candidate, distance };
  }
  if (best) return best.candidate;
  if (word.length >= 3) return candidates.find((candidate) => candidate.startsWith(word)) ?? null;
  return null;
}
