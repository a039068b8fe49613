import { parentPort, workerData } from 'node:worker_threads';
import { computeDuplicatePairs } from './dedupe-compute.js';
import type { MatchInput } from './engine/record.js';

/**
 * The whole-registry comparison off the server's main thread: a million people take minutes of
 * CPU, during which the server must keep answering. Identities stay in memory, as on the main
 * thread; only ids, scores and weights come back.
 */
const { inputs, threshold, trainedAt } = workerData as {
  inputs: MatchInput[];
  threshold: number;
  trainedAt: string;
};
let lastPost = 0;
const result = computeDuplicatePairs(inputs, threshold, trainedAt, (stage, done, total) => {
  const now = Date.now();
  if (now - lastPost < 500 && done < total) return;
  lastPost = now;
  parentPort?.postMessage({ type: 'progress', stage, done, total });
});
parentPort?.postMessage({ type: 'result', result });
