import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

/**
 * Adds `.openapi()` to zod's prototype, once, before any DTO file registers a schema. Every
 * DTO imports the registry, which imports this file first, so the patch is in place whichever
 * module loads first (including zod schemas created earlier, e.g. in @aso/contracts).
 */
extendZodWithOpenApi(z);

export { z };
