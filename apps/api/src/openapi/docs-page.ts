import type { OpenApiDocument } from './document';

const escape = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * The page's only inline content. The Content-Security-Policy (common/http-hardening.ts) allows
 * exactly this stylesheet by its hash, and no script at all: the page has none.
 */
export const DOCS_STYLE = `body{font-family:system-ui,sans-serif;margin:2rem;max-width:72rem}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}.m{font-weight:bold}
.get{color:#0a7}.post{color:#07c}.patch{color:#a60}.put{color:#a60}.delete{color:#c22}`;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * A self-contained page (no CDN: Swagger UI/Redoc cannot be fetched offline or in tests) that
 * lists every operation by tag and links the raw document for real tooling.
 */
export function renderDocsPage(doc: OpenApiDocument): string {
  const byTag = new Map<string, string[]>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'other';
      const secured = (op.security ?? []).length > 0 ? ' <small>(bearer)</small>' : '';
      const statuses = Object.keys(op.responses ?? {}).join(' ');
      const row =
        `<tr><td class="m ${method}">${method.toUpperCase()}</td><td><code>${escape(path)}</code>${secured}</td>` +
        `<td>${escape(op.summary ?? '')}</td><td>${escape(statuses)}</td></tr>`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), row]);
    }
  }
  const sections = [...byTag.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([tag, rows]) =>
        `<h2>${escape(tag)}</h2><table><tr><th>method</th><th>path</th><th>summary</th><th>responses</th></tr>${rows.join('')}</table>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(doc.info.title)}</title>
<style>${DOCS_STYLE}</style></head>
<body><h1>${escape(doc.info.title)} <small>${escape(doc.info.version)}</small></h1>
<p>OpenAPI ${escape(doc.openapi)} document: <a href="/docs/openapi.json">/docs/openapi.json</a>
(load it into any OpenAPI viewer or client generator).</p>
${sections}
</body></html>
`;
}
