/**
 * Romanisation of Ge'ez script (Tigrinya, Amharic). Each syllable is a consonant row and a vowel
 * order; the block U+1200–U+137F lays most rows out as eight code points (seven orders and a
 * labialised form). Orders: 1st e (ä), 2nd u, 3rd i, 4th a, 5th e (ē), 6th none (ə), 7th o.
 */

const ROWS: Array<[start: number, consonant: string]> = [
  [0x1200, 'h'],
  [0x1208, 'l'],
  [0x1210, 'h'],
  [0x1218, 'm'],
  [0x1220, 's'],
  [0x1228, 'r'],
  [0x1230, 's'],
  [0x1238, 'sh'],
  [0x1240, 'q'],
  [0x1248, 'qw'],
  [0x1250, 'q'],
  [0x1258, 'qw'],
  [0x1260, 'b'],
  [0x1268, 'v'],
  [0x1270, 't'],
  [0x1278, 'ch'],
  [0x1280, 'h'],
  [0x1288, 'hw'],
  [0x1290, 'n'],
  [0x1298, 'ny'],
  [0x12a0, ''],
  [0x12a8, 'k'],
  [0x12b0, 'kw'],
  [0x12b8, 'kh'],
  [0x12c0, 'khw'],
  [0x12c8, 'w'],
  [0x12d0, ''],
  [0x12d8, 'z'],
  [0x12e0, 'zh'],
  [0x12e8, 'y'],
  [0x12f0, 'd'],
  [0x12f8, 'd'],
  [0x1300, 'j'],
  [0x1308, 'g'],
  [0x1310, 'gw'],
  [0x1318, 'g'],
  [0x1320, 't'],
  [0x1328, 'ch'],
  [0x1330, 'p'],
  [0x1338, 'ts'],
  [0x1340, 'ts'],
  [0x1348, 'f'],
  [0x1350, 'p'],
];

const ORDERS = ['e', 'u', 'i', 'a', 'e', '', 'o', 'wa'];

function syllable(codePoint: number): string | null {
  if (codePoint < 0x1200 || codePoint > 0x1357) return null;
  let row: [number, string] | undefined;
  for (const candidate of ROWS) {
    if (candidate[0] <= codePoint) row = candidate;
    else break;
  }
  if (!row) return null;
  const order = codePoint - row[0];
  const consonant = row[1];
  // The glottal and pharyngeal rows (አ, ዐ) carry only their vowel; the 1st order reads as a.
  if (consonant === '') return order === 0 ? 'a' : order === 5 ? 'e' : (ORDERS[order] ?? '');
  return consonant + (ORDERS[order] ?? '');
}

export function romaniseEthiopicWord(word: string): string {
  let out = '';
  for (const ch of word) {
    const cp = ch.codePointAt(0) ?? 0;
    const latin = syllable(cp);
    if (latin !== null) out += latin;
    else if (/[0-9a-z]/.test(ch)) out += ch;
  }
  return out;
}
