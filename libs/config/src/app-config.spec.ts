import { ConfigError, loadConfig } from './app-config';
import { nestLogLevels } from './log-levels';

describe('configuration', () => {
  test('fails fast naming every bad variable', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'not a url', PORT: 'eighty' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((i) => i.split(':')[0])).toEqual([
      'DATABASE_URL',
      'PORT',
    ]);
  });

  test('applies the documented defaults', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://a@127.0.0.1:5432/b' })).toMatchObject({
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'after-sales',
      HOST: '127.0.0.1',
      PORT: 3000,
    });
  });

  test('LOG_LEVEL maps to the Nest levels it enables', () => {
    expect(nestLogLevels('warn')).toEqual(['fatal', 'error', 'warn']);
    expect(nestLogLevels('info')).toEqual(['fatal', 'error', 'warn', 'log']);
  });
});
