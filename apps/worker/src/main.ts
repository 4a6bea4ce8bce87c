import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './worker.module';

/** The Temporal worker: a Nest application context (no HTTP) hosting workflows + activities. */
async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: ['log', 'warn', 'error'] });
  app.enableShutdownHooks();
}

bootstrap().catch((e: unknown) => {
  process.stderr.write(`worker failed to start: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
