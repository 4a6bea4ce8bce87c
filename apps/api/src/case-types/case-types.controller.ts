import { Controller, Get } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/actor.decorator';
import { buildOpenApiDocument } from '../openapi/document';
import { CASE_TYPE_OFFERS, type CaseTypeView } from './case-types.dto';
import { inlineRefs, type JsonSchemaNode } from './inline-refs';

@Controller()
export class CaseTypesController {
  // Built on first request, when every DTO file has registered its schemas.
  private schemas?: Map<string, Record<string, unknown>>;

  /** Every case type with an opening route, the caller's right to open it, its body's schema. */
  @Get('case-types')
  list(@CurrentUser() user: AuthUser): CaseTypeView[] {
    const schemas = this.bodySchemas();
    return CASE_TYPE_OFFERS.map((o) => ({
      type: o.type,
      path: o.path,
      prefix: o.prefix,
      labels: { ...o.labels },
      mayOpen: mayOpen(o.assertMayOpen, user),
      attachments: o.attachments,
      schema: schemas.get(o.path) ?? {},
    }));
  }

  private bodySchemas(): Map<string, Record<string, unknown>> {
    if (this.schemas) return this.schemas;
    const doc = buildOpenApiDocument();
    const components = (doc.components?.schemas ?? {}) as Record<string, JsonSchemaNode>;
    const map = new Map<string, Record<string, unknown>>();
    for (const o of CASE_TYPE_OFFERS) {
      const op = doc.paths[o.path]?.post as
        { requestBody?: { content?: Record<string, { schema?: JsonSchemaNode }> } } | undefined;
      const body = op?.requestBody?.content?.['application/json']?.schema;
      if (body) map.set(o.path, inlineRefs(body, components) as Record<string, unknown>);
    }
    this.schemas = map;
    return map;
  }
}

const mayOpen = (assert: (u: AuthUser) => void, user: AuthUser): boolean => {
  try {
    assert(user);
    return true;
  } catch {
    return false;
  }
};
