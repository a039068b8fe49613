import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../server/errors.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

// argon2id is the library's default algorithm; parameters are OWASP's baseline (m=19 MiB, t=2, p=1).
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password: verifying against it costs the same time as a real user's. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`);
  return decoyHash;
}

/** Throws a validation error naming `password` when the password is weak. */
export function assertStrongPassword(
  password: string,
  context: { email?: string; name?: string } = {},
): void {
  const problem = passwordProblem(password, context);
  if (problem) throw AppError.validation('password', problem);
}

export function passwordProblem(password: string, context: { email?: string; name?: string }): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'is one of the most common passwords; choose another';
  if (new Set(lower).size <= 3) return 'repeats too few characters; choose a passphrase of several words';
  if (isKeyboardWalk(lower)) return 'follows a keyboard or number sequence; choose another';
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && lower.includes(localPart))
    return 'must not contain your email address';
  const nameParts = (context.name ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((p) => p.length >= 4);
  if (nameParts.some((part) => lower.includes(part)) && lower.length < 20)
    return 'must not be built on your name';
  return null;
}

const SEQUENCES = [
  '0123456789',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'azertyuiop',
];

function isKeyboardWalk(lower: string): boolean {
  const stripped = lower.replace(/[^a-z0-9]/g, '');
  if (stripped.length < 8) return false;
  let inSequence = 0;
  for (let i = 1; i < stripped.length; i += 1) {
    const pair = stripped.slice(i - 1, i + 1);
    if (SEQUENCES.some((seq) => seq.includes(pair) || [...seq].reverse().join('').includes(pair)))
      inSequence += 1;
  }
  return inSequence / (stripped.length - 1) > 0.8;
}
