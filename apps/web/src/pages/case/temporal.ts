/**
 * `<Temporal UI>/namespaces/<ns>/workflows`, from the page's meta tag (the API fills it from
 * TEMPORAL_UI_URL and TEMPORAL_NAMESPACE: apps/api/src/web/serve-web.ts). A case's workflow id
 * is its case number.
 */
export function temporalWorkflowUrl(caseNumber: string): string | null {
  const base = document
    .querySelector('meta[name="temporal-workflows-url"]')
    ?.getAttribute('content');
  if (!base || base.startsWith('__')) return null;
  return `${base}/${encodeURIComponent(caseNumber)}`;
}
