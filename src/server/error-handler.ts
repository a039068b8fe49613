import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorDetail } from './errors.js';

/** The one place where errors become HTTP answers. Nothing internal leaks into a 5xx body. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'overloaded') {
      reply.header('retry-after', '5');
    } else if (appError.status >= 500) {
      request.log.error({ err: error, requestId: request.id }, 'unhandled error');
    } else if (appError.code === 'forbidden' || appError.code === 'field_forbidden') {
      request.log.info({ requestId: request.id, code: appError.code }, 'denied');
    }
    if (appError.code === 'unauthenticated') reply.header('www-authenticate', 'Bearer realm="passerelle"');
    return reply.status(appError.status).send({
      error: {
        code: appError.code,
        message: appError.message,
        details: appError.details,
        requestId: request.id,
      },
    });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      error: {
        code: 'not_found',
        message: `No route ${request.method} ${request.url.split('?')[0]}`,
        details: [],
      },
    });
  });
}

export function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fastifyError = error as FastifyError & { validationContext?: string };
    const details: ErrorDetail[] = error.validation.map((v) => {
      const segments = v.instancePath.split('/').filter(Boolean);
      const params = v.params as { keys?: string[] };
      // An unknown field is named by its key, so the message says which field to remove.
      if (v.keyword === 'unrecognized_keys' && params.keys?.[0]) segments.push(params.keys[0]);
      const field = segments.join('.') || fastifyError.validationContext || 'body';
      return { field, message: readableMessage(v.keyword, v.message) };
    });
    const first = details[0];
    return new AppError(
      'validation_failed',
      first ? `${first.field}: ${first.message}` : 'invalid request',
      details,
    );
  }
  const fastifyError = error as FastifyError;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 'Send the request body as application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('validation_failed', 'body: Required', [{ field: 'body', message: 'Required' }]);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('bad_request', 'body: is not valid JSON', [
        { field: 'body', message: 'is not valid JSON' },
      ]);
    default:
      break;
  }
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return new AppError('bad_request', 'body: is not valid JSON', [
      { field: 'body', message: 'is not valid JSON' },
    ]);
  }
  if (fastifyError.statusCode === 429) return new AppError('rate_limited');
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new AppError('bad_request', 'The request could not be processed; check its format.');
  }
  return new AppError('internal');
}

function readableMessage(code: string, message: string | undefined): string {
  if (code === 'invalid_type' && /received undefined/.test(message ?? '')) return 'Required';
  return message ?? 'is invalid';
}
