import { join } from 'node:path';
import { AppModule } from '../app.module';
import { readWebClient, renderWebDocument } from './web-client';

void AppModule;

describe('the web app’s generated API client (apps/web/src/api)', () => {
  test('its openapi.json is the document the API serves: run `npm run web:client` when this fails', () => {
    const checkedIn = readWebClient(join(__dirname, '..', '..', '..', '..'));
    expect(checkedIn.json).toBe(renderWebDocument());
  });
});
