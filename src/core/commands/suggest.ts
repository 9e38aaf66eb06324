/**
 * Damerau–Levenshtein distance (optimal string alignment): a swapped pair of letters counts
 * as one typo, which is the most common slip when typing a command quickly.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
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
    const distance = editDistance(word, candidate);
    if (distance <= allowed && (best === null || distance < best.distance)) best = { candidate, distance };
  }
  if (best) return best.candidate;
  if (word.length >= 3) return candidates.find((candidate) => candidate.startsWith(word)) ?? null;
  return null;
}
