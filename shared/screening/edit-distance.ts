/**
 * Damerau-Levenshtein distance (optimal string alignment: insertions, deletions, substitutions and
 * transpositions of neighbours, the four commonest typing slips). `max` lets the caller stop early:
 * any result above it is reported as max + 1, which keeps matching a whole line cheap.
 */

// Rows and counters are reused between calls: the matcher runs thousands of comparisons per line.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);
const letterCounts = new Int32Array(128);

/**
 * Lower bound from letter counts: every edit adds or removes at most one letter of each string's
 * multiset, so if a has k letters that b lacks, at least k edits are needed. It is linear, and
 * rules out most candidates before the table is built.
 */
function letterBound(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) {
    const code = a.charCodeAt(i) & 127;
    letterCounts[code] = (letterCounts[code] ?? 0) + 1;
  }
  for (let i = 0; i < b.length; i++) {
    const code = b.charCodeAt(i) & 127;
    letterCounts[code] = (letterCounts[code] ?? 0) - 1;
  }
  let onlyA = 0;
  let onlyB = 0;
  const settle = (s: string): void => {
    for (let i = 0; i < s.length; i++) {
      const code = s.charCodeAt(i) & 127;
      const count = letterCounts[code] ?? 0;
      if (count > 0) onlyA += count;
      else onlyB -= count;
      letterCounts[code] = 0;
    }
  };
  settle(a);
  settle(b);
  return Math.max(onlyA, onlyB);
}

export function damerauLevenshtein(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length === 0) return Math.min(b.length, max + 1);
  if (b.length === 0) return Math.min(a.length, max + 1);
  const bounded = Number.isFinite(max);
  if (bounded && letterBound(a, b) > max) return max + 1;

  const width = b.length + 1;
  if (rowA.length < width) {
    rowA = new Int32Array(width * 2);
    rowB = new Int32Array(width * 2);
    rowC = new Int32Array(width * 2);
  }
  // Only cells within `max` of the diagonal can stay under the limit; the rest read as "too far".
  const band = bounded ? max : a.length + b.length;
  const far = bounded ? max + 1 : a.length + b.length + 1;
  let prevPrev = rowA;
  let prev = rowB;
  let curr = rowC;
  prevPrev.fill(far, 0, width);
  for (let j = 0; j < width; j++) prev[j] = j <= band ? j : far;

  for (let i = 1; i <= a.length; i++) {
    curr.fill(far, 0, width);
    if (i <= band) curr[0] = i;
    let rowMin = far;
    const ca = a.charCodeAt(i - 1);
    const lo = Math.max(1, i - band);
    const hi = Math.min(b.length, i + band);
    for (let j = lo; j <= hi; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let value = Math.min(
        (prev[j] ?? far) + 1,
        (curr[j - 1] ?? far) + 1,
        (prev[j - 1] ?? far) + cost,
      );
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        value = Math.min(value, (prevPrev[j - 2] ?? far) + 1);
      }
      curr[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    const spare = prevPrev;
    prevPrev = prev;
    prev = curr;
    curr = spare;
  }
  const result = prev[b.length] ?? far;
  return result > max ? max + 1 : result;
}
