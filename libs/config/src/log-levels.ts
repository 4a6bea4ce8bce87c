import type { AppConfig } from './app-config';

type NestLevel = 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose';
const ORDER: NestLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
const MAP: Record<AppConfig['LOG_LEVEL'], NestLevel> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  info: 'log',
  debug: 'debug',
  trace: 'verbose',
};

/** LOG_LEVEL as the list of Nest logger levels it enables. */
export const nestLogLevels = (level: AppConfig['LOG_LEVEL']): NestLevel[] =>
  ORDER.slice(0, ORDER.indexOf(MAP[level]) + 1);
