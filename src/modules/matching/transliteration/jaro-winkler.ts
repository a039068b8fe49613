// Scratch flags reused across calls: names are compared millions of times in a batch run.
let scratchA = new Uint8Array(64);
let scratchB = new Uint8Array(64);

/** Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, prefix up to 4 characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 1 : 1;
  const lenA = a.length;
  const lenB = b.length;
  if (lenA === 0 || lenB === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(lenA, lenB) / 2) - 1);
  if (lenA > scratchA.length) scratchA = new Uint8Array(lenA * 2);
  if (lenB > scratchB.length) scratchB = new Uint8Array(lenB * 2);
  const matchedA = scratchA;
  const matchedB = scratchB;
  matchedA.fill(0, 0, lenA);
  matchedB.fill(0, 0, lenB);
  let matches = 0;
  for (let i = 0; i < lenA; i += 1) {
    const from = Math.max(0, i - window);
    const to = Math.min(lenB - 1, i + window);
    for (let j = from; j <= to; j += 1) {
      if (matchedB[j] || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      matchedA[i] = 1;
      matchedB[j] = 1;
      matches += 1;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < lenA; i += 1) {
    if (!matchedA[i]) continue;
    while (!matchedB[k]) k += 1;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions += 1;
    k += 1;
  }
  const jaro = (matches / lenA + matches / lenB + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < lenA && prefix < lenB && a.charCodeAt(prefix) === b.charCodeAt(prefix))
    prefix += 1;
  return jaro + prefix * 0.1 * (1 - jaro);
}
