/**
 * The one error type of the API. Its codes are a closed list; each maps to one HTTP status here
 * and nowhere else, so the contract stays the same whichever module throws.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  totp_required: 401,
  forbidden: 403,
  field_forbidden: 403,
  csrf_failed: 403,
  totp_enrolment_required: 403,
  consent_required: 403,
  not_found: 404,
  /** The record existed and was erased (article 17): the UI says so rather than "not found". */
  erased: 410,
  conflict: 409,
  invalid_state: 409,
  capacity_exhausted: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  /** Too many requests waiting (src/server/admission.ts); the client should retry shortly. */
  overloaded: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail {
  field?: string;
  message: string;
  code?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];

  constructor(code: ErrorCode, message?: string, details: ErrorDetail[] = []) {
    super(message ?? defaultMessage(code));
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  static validation(field: string, message: string): AppError {
    return new AppError('validation_failed', `${field}: ${message}`, [{ field, message }]);
  }

  static notFound(entity: string): AppError {
    return new AppError('not_found', `${entity} not found`);
  }
}

function defaultMessage(code: ErrorCode): string {
  switch (code) {
    case 'unauthenticated':
      return 'Sign in first.';
    case 'invalid_credentials':
      return 'Email, password or code not accepted. After 5 failed attempts the account is locked for 15 minutes.';
    case 'totp_required':
      return 'Enter the 6-digit code from your authenticator app.';
    case 'forbidden':
      return 'Your role does not allow this action.';
    case 'csrf_failed':
      return 'Missing or wrong X-CSRF-Token header; reload the page and try again.';
    case 'totp_enrolment_required':
      return 'Set up your second factor (authenticator app) before using Passerelle.';
    case 'rate_limited':
      return 'Too many attempts; wait a few minutes and try again.';
    case 'payload_too_large':
      return 'The request is too large.';
    case 'internal':
      return 'Something went wrong on the server. The error was logged; try again, and report the request id if it persists.';
    default:
      return code.replace(/_/g, ' ');
  }
}
