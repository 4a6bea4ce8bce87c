import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig, nestLogLevels } from '@aso/config';
import { WorkerModule } from './worker.module';

/** The Temporal worker: a Nest application context (no HTTP) hosting workflows + activities. */
async function bootstrap(): Promise<void> {
  const config = loadConfig(); // fail fast, naming the bad variable
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: nestLogLevels(config.LOG_LEVEL),
  });
  app.enableShutdownHooks();
}

bootstrap().catch((e: unknown) => {
  process.stderr.write(`worker failed to start: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
