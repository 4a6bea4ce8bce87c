import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Figures of one Schemathesis run, read from its NDJSON event stream (`--report ndjson`): every
 * finished scenario carries its requests ("interactions") and each check's verdict per case.
 */
export interface Finding {
  check: string;
  operation: string;
  title: string;
  message: string;
}

export interface RunFigures {
  requests: number;
  serverErrors: number;
  /** Failed check verdicts by check name (one per failing test case). */
  failuresByCheck: Record<string, number>;
  /** Distinct failures: (check, operation, title). */
  findings: Finding[];
}

export interface RoleFigures extends RunFigures {
  role: string;
  username: string;
  exitCode: number;
  seconds: number;
  output: string;
}

/** Checks whose failure fails the tier: the issue's standing rule (0 server errors, 0 violations). */
export const BLOCKING_CHECKS = ['not_a_server_error', 'response_schema_conformance'];

interface CheckVerdict {
  name: string;
  status: string;
  failure_info?: { failure?: { operation?: string; title?: string; message?: string } };
}
interface ScenarioFinished {
  recorder?: {
    label?: string;
    checks?: Record<string, CheckVerdict[]>;
    interactions?: Record<string, { response?: { status_code?: number } | null }>;
  };
}

export function failuresFrom(reportDir: string): RunFigures {
  const figures: RunFigures = { requests: 0, serverErrors: 0, failuresByCheck: {}, findings: [] };
  const seen = new Set<string>();
  for (const file of readdirSync(reportDir).filter((f) => f.endsWith('.ndjson'))) {
    for (const line of readFileSync(join(reportDir, file), 'utf8').split('\n')) {
      if (!line.startsWith('{"ScenarioFinished"')) continue;
      const recorder = (JSON.parse(line) as { ScenarioFinished: ScenarioFinished }).ScenarioFinished
        .recorder;
      for (const interaction of Object.values(recorder?.interactions ?? {})) {
        figures.requests += 1;
        if ((interaction.response?.status_code ?? 0) >= 500) figures.serverErrors += 1;
      }
      for (const verdicts of Object.values(recorder?.checks ?? {})) {
        for (const v of verdicts) {
          if (v.status !== 'failure') continue;
          figures.failuresByCheck[v.name] = (figures.failuresByCheck[v.name] ?? 0) + 1;
          const failure = v.failure_info?.failure ?? {};
          const operation = failure.operation ?? recorder?.label ?? '?';
          const title = failure.title ?? '?';
          const key = `${v.name}|${operation}|${title}`;
          if (seen.has(key)) continue;
          seen.add(key);
          figures.findings.push({
            check: v.name,
            operation,
            title,
            message: (failure.message ?? '').split('\n')[0] ?? '',
          });
        }
      }
    }
  }
  return figures;
}

/** Whether a role's run must fail the tier (blocking checks, or any 5xx seen at all). */
export function blockingFindings(f: RunFigures): Finding[] {
  const strict = process.env.FUZZ_STRICT === '1';
  return f.findings.filter((x) => strict || BLOCKING_CHECKS.includes(x.check));
}

export function formatFigures(figures: RoleFigures[]): string {
  const lines: string[] = ['', '=== fuzz tier (Schemathesis) ==='];
  for (const f of figures) {
    lines.push(
      `${f.role} (${f.username}): ${f.requests} requests in ${f.seconds.toFixed(0)} s, ` +
        `${f.serverErrors} server errors (5xx), schemathesis exit ${f.exitCode}`,
    );
    const checks = Object.entries(f.failuresByCheck).sort((a, b) => b[1] - a[1]);
    lines.push(
      checks.length
        ? `  failures by check: ${checks.map(([c, n]) => `${c}=${n}`).join(', ')}`
        : '  failures by check: none',
    );
    for (const x of f.findings) {
      const mark = BLOCKING_CHECKS.includes(x.check) ? '!!' : '  ';
      lines.push(`  ${mark} ${x.check}: ${x.operation} — ${x.title}: ${x.message}`);
    }
  }
  const total = (pick: (f: RoleFigures) => number) => figures.reduce((a, f) => a + pick(f), 0);
  lines.push(
    `total: ${total((f) => f.requests)} requests, ${total((f) => f.serverErrors)} server errors, ` +
      `${total((f) => f.failuresByCheck.response_schema_conformance ?? 0)} response-schema violations`,
  );
  return lines.join('\n');
}
