import { authenticator } from 'otplib';
import QRCode from 'qrcode';

const STEP_SECONDS = 30;

export function generateTotpSecret(): string {
  return authenticator.generateSecret(20);
}

export function totpUri(email: string, secret: string): string {
  return authenticator.keyuri(email, 'Passerelle', secret);
}

export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}

/**
 * Checks a code against the current step ±1 and returns the step it belongs to, or null.
 * The caller stores the step and refuses any code of that step or earlier: a code is used once.
 */
export function matchTotpStep(
  secret: string,
  code: string,
  now: Date,
  lastUsedStep: number | null,
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const checker = authenticator.clone({ epoch: now.getTime(), window: 1, step: STEP_SECONDS });
  const delta = checker.checkDelta(code, secret);
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / STEP_SECONDS) + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return null;
  return step;
}

/** For tests and the demo: the code an authenticator app would show at `now`. */
export function totpCodeAt(secret: string, now: Date): string {
  return authenticator.clone({ epoch: now.getTime(), step: STEP_SECONDS }).generate(secret);
}
