// How far apart two names are, for "did you mean" hints on commands, fields and options.

/** Edit distance, for names of a few letters: insertions, deletions, substitutions, swaps. */
export function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The name in `names` closest to a mistyped one (`srcip` → `src_ip`), or null when none is close. */
export function closestName(typed: string, names: readonly string[]): string | null {
  let best: { name: string; d: number } | null = null;
  for (const name of names) {
    const d = distance(typed.toLowerCase(), name);
    if (d <= Math.max(1, Math.floor(name.length / 3)) && (best === null || d < best.d)) best = { name, d };
  }
  return best?.name ?? null;
}
