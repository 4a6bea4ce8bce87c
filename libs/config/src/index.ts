export * from './app-config';
export * from './tokens';
