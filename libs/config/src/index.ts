export * from './app-config';
export * from './tokens';
export * from './log-levels';
export * from './config.module';
