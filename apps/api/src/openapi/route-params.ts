import { apiRegistry } from './registry';

/**
 * The name of the path parameter that holds `rawSegment` in a request to `rawPath`, found by
 * matching the documented route templates (`/cases/{caseNumber}`): Express refuses a segment
 * whose percent-escapes are not UTF-8 (a lone surrogate's CESU-8 bytes, %ED%A0%80) before any
 * route runs, and says only the value; this names the field for the 400.
 */
export function pathParamNameOf(
  method: string,
  rawPath: string,
  rawSegment: string,
): string | null {
  const segments = rawPath.split('?')[0]!.split('/').filter(Boolean);
  for (const d of apiRegistry.definitions) {
    if (d.type !== 'route' || d.route.method !== method.toLowerCase()) continue;
    const template = d.route.path.split('/').filter(Boolean);
    if (template.length !== segments.length) continue;
    let name: string | null = null;
    const fits = template.every((t, i) => {
      const param = /^\{(.+)\}$/.exec(t)?.[1];
      if (param === undefined) return t === segments[i];
      if (name === null && segments[i] === rawSegment) name = param;
      return true;
    });
    if (fits && name !== null) return name;
  }
  return null;
}
