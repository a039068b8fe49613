import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { type AdmissionOptions, registerAdmission } from './admission.js';
import { authPlugin } from './auth.plugin.js';
import type { AppDeps } from './deps.js';
import { registerErrorHandler } from './error-handler.js';
import { registerModuleRoutes } from './modules.js';
import { databaseRateLimitStore } from './rate-limit-store.js';
import type { DeclaredRoute } from './route-registry.js';
import { registerStaticWeb } from './static-web.js';

export type App = FastifyInstance;

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  /** Overrides the request queue's limits (default: admissionOptionsFor the engine and environment). */
  admission?: AdmissionOptions;
  /** Receives every declared route (the authorization matrix test reads it). */
  routes?: DeclaredRoute[];
}

// Large enough that an absurd field (a 10 MB name) is parsed and refused with a 400 naming the
// field; a 50 MB body is refused with 413 before it is read.
const BODY_LIMIT = 16 * 1024 * 1024;

export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: process.env.TRUST_PROXY === '1',
    routerOptions: { maxParamLength: 200 },
    // A request Node cannot even parse still gets the API's error body, not a bare text.
    clientErrorHandler: (error, socket) => {
      if (!socket.writable) return;
      const body = JSON.stringify({
        error: { code: 'bad_request', message: 'The request could not be parsed as HTTP.', details: [] },
      });
      socket.end(
        `HTTP/1.1 ${(error as { code?: string }).code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', deps);

  registerErrorHandler(app);
  registerAdmission(app, options.admission);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine writes CSS variables in style attributes; scripts stay strictly 'self'.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    store: databaseRateLimitStore(deps.db, deps.now),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'FST_ERR_RATE_LIMIT',
      message: `Too many attempts; try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
    }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Passerelle API',
        version: '0.1.0',
        description: 'Registration, protection, reception and reunification for people on the move.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'passerelle_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api')) reply.header('cache-control', 'no-store');
  });
  await app.register(authPlugin, { routes: options.routes ?? [] });
  await registerModuleRoutes(app);
  await registerStaticWeb(app, deps.webDir);
  return app;
}
