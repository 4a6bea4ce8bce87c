import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@aso/config';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { hardenHttp } from './common/http-hardening';
import { methodNotAllowed } from './common/method-not-allowed.middleware';
import { requestId } from './common/request-id.middleware';
import { serveWebApp } from './web/serve-web';

async function bootstrap(): Promise<void> {
  const config = loadConfig(); // fail fast, naming the bad variable, before anything starts
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
  hardenHttp(app, config); // security headers, no-store, trusted proxy: common/http-hardening.ts
  // Structured JSON logs (pino) with redaction: see common/logging.ts.
  app.useLogger(app.get(Logger));
  app.use(requestId);
  app.use(methodNotAllowed());
  // The built web app at / (web/serve-web.ts); admins' workflow links point at the Temporal UI.
  serveWebApp(app, undefined, {
    temporalWorkflowsUrl: `${config.TEMPORAL_UI_URL.replace(/\/$/, '')}/namespaces/${encodeURIComponent(config.TEMPORAL_NAMESPACE)}/workflows`,
  });
  app.enableShutdownHooks();
  await app.listen(config.PORT, config.HOST);
  const url = await app.getUrl();
  process.stdout.write(`API listening on ${url}\n`);
  // The docs are a controller (openapi/), public; printed so a developer finds them.
  process.stdout.write(`Web app at ${url}/\n`);
  process.stdout.write(`API docs at ${url}/docs (OpenAPI: ${url}/docs/openapi.json)\n`);
}

bootstrap().catch((e: unknown) => {
  process.stderr.write(`api failed to start: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
