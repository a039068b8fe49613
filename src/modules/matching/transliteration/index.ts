export { compareNames, compareTokens, matchQuery, type NameComparison, type NameLevel } from './compare.js';
export { detectScript, foldName, type Script } from './fold.js';
export { jaroWinkler } from './jaro-winkler.js';
export { canonicalToken, type NameKeys, nameKeys, phoneticKey, skeletonKey } from './keys.js';
export { analyseName, type NameToken, nameTokens } from './tokens.js';
