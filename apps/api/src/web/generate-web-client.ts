import { join } from 'node:path';
import { AppModule } from '../app.module';
import { readWebClient, renderWebDocument, renderWebTypes, writeWebClient } from './web-client';

// Loading the app module loads every controller and so every DTO file that registers routes.
void AppModule;

/**
 * After `npm run build`: `node dist/apps/api/src/web/generate-web-client.js` regenerates
 * apps/web/src/api/ from the API's document (`npm run web:client`); with `--check` it changes
 * nothing and fails when the checked-in files differ (the drift check of `npm run test:browser`).
 */
async function main(): Promise<void> {
  const root = join(__dirname, '..', '..', '..', '..', '..');
  const json = renderWebDocument();
  const files = { json, types: await renderWebTypes(json) };
  const before = readWebClient(root);
  const stale = [
    before.json !== files.json && 'openapi.json',
    before.types !== files.types && 'schema.d.ts',
  ].filter(Boolean);
  if (process.argv.includes('--check')) {
    if (stale.length) {
      process.stderr.write(
        `apps/web/src/api/${stale.join(', ')} drifted from the API's OpenAPI document: run \`npm run web:client\`\n`,
      );
      process.exit(1);
    }
    process.stdout.write('web client matches the OpenAPI document\n');
    return;
  }
  writeWebClient(root, files);
  process.stdout.write(
    `web client ${stale.length ? 'regenerated' : 'unchanged'} (apps/web/src/api)\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
