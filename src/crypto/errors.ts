/**
 * The one error type of the crypto module. Messages never contain key material or plaintext,
 * so they are safe to log; callers map this to a generic server error.
 */
export class CryptoError extends Error {
  override readonly name = 'CryptoError';

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
