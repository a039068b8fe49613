import { createHash } from 'node:crypto';

/*
 * HMAC-SHA256 (RFC 2104, FIPS 180-4) for blind indexes, with the key's inner and outer blocks
 * compressed once per key. Blind indexes hash short strings (one block) under a handful of fixed
 * keys, and there the per-call cost of node:crypto (a native object per call, key import, buffer
 * copies) is several times the hashing itself: createHmac gives ~150-300k calls/s on a busy core,
 * this gives ~1M. It is byte-for-byte the same function: the tests check it against createHmac
 * on random keys and messages and against the RFC 4231 vectors. Only 32-bit integer operations
 * with no data-dependent branches or table indexes, so its timing does not depend on the key.
 * Not for anything else: use createHmac elsewhere.
 */

const BLOCK = 64;
// Initial state and round constants of SHA-256 (FIPS 180-4, 5.3.3 and 4.2.2).
const INITIAL = Int32Array.from([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);
const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

// Scratch shared by all calls: everything here is synchronous, so calls cannot interleave.
const W = new Int32Array(64);
const state = new Int32Array(8);
const outerBlock = new Uint8Array(BLOCK);
let messageBlocks = new Uint8Array(4 * BLOCK);

function compress(h: Int32Array, data: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i++) {
    const j = offset + i * 4;
    W[i] = (data[j]! << 24) | (data[j + 1]! << 16) | (data[j + 2]! << 8) | data[j + 3]!;
  }
  for (let i = 16; i < 64; i++) {
    const x = W[i - 15]!;
    const y = W[i - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
  }
  let a = h[0]!;
  let b = h[1]!;
  let c = h[2]!;
  let d = h[3]!;
  let e = h[4]!;
  let f = h[5]!;
  let g = h[6]!;
  let hh = h[7]!;
  for (let i = 0; i < 64; i++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (hh + s1 + ch + K[i]! + W[i]!) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (s0 + maj) | 0;
    hh = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  h[0] = (h[0]! + a) | 0;
  h[1] = (h[1]! + b) | 0;
  h[2] = (h[2]! + c) | 0;
  h[3] = (h[3]! + d) | 0;
  h[4] = (h[4]! + e) | 0;
  h[5] = (h[5]! + f) | 0;
  h[6] = (h[6]! + g) | 0;
  h[7] = (h[7]! + hh) | 0;
}

/** Padding of FIPS 180-4 5.1.1: 0x80, zeros, then the total length in bits as 64-bit big-endian. */
function pad(blocks: Uint8Array, used: number, totalBytes: number): number {
  const end = Math.ceil((used + 9) / BLOCK) * BLOCK;
  blocks.fill(0, used, end);
  blocks[used] = 0x80;
  const bits = totalBytes * 8;
  const high = Math.floor(bits / 0x1_0000_0000);
  const low = bits >>> 0;
  for (let i = 0; i < 4; i++) {
    blocks[end - 8 + i] = (high >>> (24 - 8 * i)) & 0xff;
    blocks[end - 4 + i] = (low >>> (24 - 8 * i)) & 0xff;
  }
  return end;
}

function writeState(h: Int32Array, out: Uint8Array): void {
  for (let i = 0; i < 8; i++) {
    const word = h[i]!;
    out[i * 4] = word >>> 24;
    out[i * 4 + 1] = (word >>> 16) & 0xff;
    out[i * 4 + 2] = (word >>> 8) & 0xff;
    out[i * 4 + 3] = word & 0xff;
  }
}

const encoder = new TextEncoder();

/** Returns HMAC-SHA256(key, UTF-8 of message) as a new 32-byte Buffer. */
export function preparedHmacSha256(key: Uint8Array): (message: string) => Buffer {
  const k = key.length > BLOCK ? createHash('sha256').update(key).digest() : key;
  const pads = new Uint8Array(2 * BLOCK);
  for (let i = 0; i < BLOCK; i++) {
    const byte = i < k.length ? k[i]! : 0;
    pads[i] = byte ^ 0x36;
    pads[BLOCK + i] = byte ^ 0x5c;
  }
  const inner = Int32Array.from(INITIAL);
  const outer = Int32Array.from(INITIAL);
  compress(inner, pads, 0);
  compress(outer, pads, BLOCK);
  pads.fill(0);

  return (message: string): Buffer => {
    // A UTF-16 code unit never takes more than 3 UTF-8 bytes; +72 leaves room for padding.
    const room = message.length * 3 + 72;
    if (room > messageBlocks.length) messageBlocks = new Uint8Array(Math.max(room, 2 * messageBlocks.length));
    const { written } = encoder.encodeInto(message, messageBlocks);
    const end = pad(messageBlocks, written, BLOCK + written);
    state.set(inner);
    for (let offset = 0; offset < end; offset += BLOCK) compress(state, messageBlocks, offset);

    writeState(state, outerBlock);
    pad(outerBlock, 32, BLOCK + 32);
    state.set(outer);
    compress(state, outerBlock, 0);
    const digest = Buffer.allocUnsafe(32);
    writeState(state, digest);
    return digest;
  };
}
