/**
 * Builds the Nest application (Fastify adapter, validation, versioned REST, OpenAPI, offline GraphiQL) without
 * listening, so main.ts and the e2e tests create exactly the same app.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController } from 'fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import { SERVICE_ERROR_REGISTRIES } from './app/error-codes.js';
import { AppConfig } from './platform/config/app-config.service.js';
import { toOpenApi31 } from './platform/http/openapi-document.js';
import { registerBodyMediaTypeCheck } from './platform/http/body-media-type.hook.js';
import { registerAuthentication } from './platform/auth/auth.hook.js';
import { Authenticator } from './platform/auth/authenticator.js';
import { InvalidInputError } from './domain/errors/planning-error.js';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from './domain/json/json-depth.js';
import { answerClientError, answerFrameworkError } from './platform/errors/error-body.js';
import { parseJsonBody } from './platform/http/json-body.parser.js';
import { strictValidationPipe } from './platform/validation/strict-validation.pipe.js';
import { validateEnvironment } from './platform/config/environment.js';
import { registerGraphiql } from './platform/graphql/graphiql.page.js';
import { MetricsService } from './platform/metrics/metrics.service.js';
import { ShutdownState } from './platform/health/shutdown-state.js';
import { registerCachedAnswers } from './platform/http/cached-answer.hook.js';
import { ImmutableResponseCache } from './platform/http/immutable-response-cache.js';
import { RateLimitGuard } from './platform/rate-limit/rate-limit.guard.js';
import { createRootLogger, logRequest, PinoNestLogger } from './platform/logging/logger.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
export const YAML_CONTENT_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml', 'text/plain'];

export async function createApp(): Promise<NestFastifyApplication> {
  const environment = validateEnvironment(process.env);
  const rootLogger = createRootLogger(environment.LOG_LEVEL);
  const adapter = new FastifyAdapter({
    loggerInstance: rootLogger,
    // One access-log line per request is written by logRequest(); Fastify's own two lines are switched off.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    bodyLimit: environment.BODY_LIMIT_BYTES,
    // Honour a caller's x-request-id (Backstage, portal) so one id follows the call through both systems' logs.
    genReqId: (req: IncomingMessage) => {
      const header = req.headers['x-request-id'];
      return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
    // Errors raised before a route runs answer the documented error body too (error-body.ts).
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(environment), adapter, {
    bufferLogs: true,
    abortOnError: false,
    // A failed start is reported once, by the caller (main.ts prints one sentence): flushing the buffered logs on
    // failure would print Nest's ExceptionHandler line with the error's stack before it.
    autoFlushLogs: false,
  });
  app.useLogger(new PinoNestLogger(rootLogger));
  app.flushLogs();
  app.useGlobalPipes(strictValidationPipe());
  app.useBodyParser('application/json', { bodyLimit: environment.BODY_LIMIT_BYTES }, parseJsonBody);
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });

  const fastify = app.getHttpAdapter().getInstance();
  // What SIGTERM waits for before the listener closes (main.ts).
  app.get(ShutdownState).track(fastify.server);
  // Synchronous hooks take the callback form: an async hook costs a promise on every request. The request id is set
  // first, so every answer carries it, refusals included (an error keeps the headers set before it; a framework error,
  // raised before any hook, sets it in answerFrameworkError); one onSend hook fewer is 1 % of a cached answer.
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  const metrics = app.get(MetricsService);
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.recordHttp(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
    logRequest(request, reply);
    done();
  });
  registerAuthentication(fastify, app.get(Authenticator), environment.DOCS_PUBLIC);
  registerCachedAnswers(fastify, app.get(ImmutableResponseCache), app.get(RateLimitGuard));
  fastify.addHook('preValidation', (request, _reply, done) => {
    done(
      exceedsJsonDepth(request.body)
        ? new InvalidInputError('BODY_TOO_DEEP', `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`)
        : undefined,
    );
  });
  registerBodyMediaTypeCheck(fastify);
  fastify.addContentTypeParser(YAML_CONTENT_TYPES, { parseAs: 'string' }, (_request, body, done) => done(null, body));
  if (environment.GRAPHQL_IDE) registerGraphiql(fastify);

  SwaggerModule.setup('docs', app, () => openApiDocument(app), { jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
  return app;
}

export function openApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = app.get(AppConfig);
  const builder = new DocumentBuilder()
    .setTitle('eks-network-planner')
    .setDescription(
      'Plan Amazon EKS networking before you build it: max pods per node, subnet IPs, service exposure and traffic paths. Errors: `{"error":{"code","message","details"},"requestId"}` (the `Error` schema).',
    )
    .setVersion('1.0.0')
    .setLicense('UNLICENSED (private)', 'https://docs.npmjs.com/cli/configuring-npm/package-json#license')
    .addServer(config.publicUrl, 'This service (PUBLIC_URL, else http://HOST:PORT).')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'static API token or JWT',
      description:
        'A static API token (API_TOKENS / API_TOKENS_FILE, stored as its SHA-256) or a JWT verified against JWT_JWKS_URL; scopes read, write, admin.',
    })
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, builder, { operationIdFactory: (_controller, method) => method });
  return toOpenApi31(withErrorCodes(document));
}

/** The Error schema's `code` lists every code the service answers (the platform's model cannot import the app's registries). */
function withErrorCodes(document: OpenAPIObject): OpenAPIObject {
  const body = document.components?.schemas?.ErrorBody;
  if (body && 'properties' in body && body.properties?.code) {
    const codes = Object.values(SERVICE_ERROR_REGISTRIES).flatMap((registry) => Object.keys(registry));
    body.properties.code = { ...body.properties.code, type: 'string', enum: [...new Set(codes)].sort() };
  }
  return document;
}
