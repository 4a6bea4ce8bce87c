import { ERROR_CODES } from '@aso/domain';
import { ALL_ERROR_CODES, API_ERROR_CODES } from '../common/api-error';
import doc from '../../../web/src/api/openapi.json';
import { ERROR_MESSAGES } from '../../../web/src/i18n/errors';

/**
 * The web app's one table of error messages covers the closed list of codes: every domain code
 * (libs/domain ERROR_CODES), every API code (API_ERROR_CODES) and every code the OpenAPI
 * document's ErrorBody enum names, each in zh-CN and en-US; and it names no code the API
 * does not know.
 */
const documented = (
  doc as unknown as {
    components: { schemas: { ErrorBody: { properties: { code: { enum: string[] } } } } };
  }
).components.schemas.ErrorBody.properties.code.enum;

describe('web error messages (apps/web/src/i18n/errors.ts)', () => {
  it.each([...new Set([...ERROR_CODES, ...API_ERROR_CODES, ...documented])])(
    '%s has a zh-CN and an en-US message',
    (code) => {
      const m = (ERROR_MESSAGES as Record<string, { 'zh-CN'?: string; 'en-US'?: string }>)[code];
      expect({ code, zh: m?.['zh-CN']?.trim() || null, en: m?.['en-US']?.trim() || null }).toEqual({
        code,
        zh: expect.any(String),
        en: expect.any(String),
      });
      // zh-CN really is Chinese (a copy of the English text would pass the check above).
      expect(m?.['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    },
  );

  it('names only codes of the closed list', () => {
    const known = new Set<string>(ALL_ERROR_CODES);
    expect(Object.keys(ERROR_MESSAGES).filter((c) => !known.has(c))).toEqual([]);
  });

  it('the OpenAPI document lists the same closed list', () => {
    expect([...documented].sort()).toEqual([...ALL_ERROR_CODES].sort());
  });
});
