import { authenticator } from 'otplib';
import type { Page } from 'playwright-core';

/** The code an authenticator app shows at `at` (the app's clock may be moved by the test). */
export function totpCode(secret: string, at: Date): string {
  return authenticator.clone({ epoch: at.getTime() }).generate(secret);
}

/**
 * Completes the enrolment page: reads the key shown for manual entry, types the current code,
 * confirms, reads the recovery codes and acknowledges them. Returns the secret and the codes.
 */
export async function enrolSecondFactor(
  page: Page,
  now: () => Date,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  await page.getByRole('heading', { name: 'Set up your second factor' }).waitFor();
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').trim();
  if (!/^[A-Z2-7]+=*$/.test(secret)) throw new Error(`unexpected TOTP secret on the page: ${secret}`);
  await page.getByLabel('Authentication code', { exact: true }).fill(totpCode(secret, now()));
  await page.getByRole('button', { name: 'Confirm', exact: true }).click();
  const list = page.getByTestId('recovery-codes');
  await list.waitFor();
  const recoveryCodes = (await list.locator('li').allTextContents()).map((code) => code.trim());
  await page.getByRole('button', { name: 'I have saved these codes' }).click();
  return { secret, recoveryCodes };
}
