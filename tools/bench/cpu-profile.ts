/**
 * Reads the V8 CPU profiles a process wrote with `node --cpu-prof` (one file per thread: the
 * worker's main thread runs activities and the SDK's JS, its workflow threads run the workflow
 * bundle) and splits their self time into what the benchmark asks about: workflow activation,
 * local activities (SQL, hashing, JSON), the SDK's JS, Node itself, GC.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Ordered: the first matching rule names a sample's bucket. */
const BUCKETS: Array<[string, (url: string, fn: string) => boolean]> = [
  ['idle', (_u, fn) => fn === '(idle)'],
  ['gc', (_u, fn) => fn === '(garbage collector)'],
  ['native (program: V8 + Node C++, calls into the Rust core)', (_u, fn) => fn === '(program)'],
  [
    'workflow activation (bundle: workflows + SDK workflow runtime)',
    (u) => /workflow-bundle|webpack|workflow\.js$|\/workflows\//.test(u),
  ],
  [
    'activities: SQL (pg, typeorm, persistence)',
    (u) => /node_modules\/(pg|pg-protocol|pg-pool|typeorm)\/|libs\/persistence\//.test(u),
  ],
  [
    'activities: hashing + canonical JSON',
    (u, fn) =>
      /canonical|hash|audit-chain/.test(u) || /^(stringify|createHash|digest|update)$/.test(fn),
  ],
  ['activities: other app code', (u) => /\/(apps|libs)\//.test(u)],
  [
    'SDK JS (worker, common, proto)',
    (u) => /node_modules\/(@temporalio|protobufjs|long)\//.test(u),
  ],
  ['node internals', (u) => u.startsWith('node:') || u === ''],
  ['other', () => true],
];

export interface ProfileSplit {
  /** ms per bucket, summed over every thread's profile */
  buckets: Map<string, number>;
  threads: number;
}

export function splitProfiles(dir: string): ProfileSplit {
  const buckets = new Map<string, number>(BUCKETS.map(([name]) => [name, 0]));
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  for (const file of files) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const bucketOf = new Map<number, string>();
    for (const node of profile.nodes) {
      const { url, functionName } = node.callFrame;
      bucketOf.set(node.id, BUCKETS.find(([, match]) => match(url, functionName))![0]);
    }
    profile.samples.forEach((nodeId, i) => {
      const bucket = bucketOf.get(nodeId) ?? 'other';
      buckets.set(bucket, buckets.get(bucket)! + (profile.timeDeltas[i] ?? 0) / 1000);
    });
  }
  return { buckets, threads: files.length };
}

/**
 * Table lines: each bucket's share of the non-idle samples, and that share of the process's CPU
 * per case. Sample intervals are wall time (a descheduled thread's interval still lands on its
 * current frame), so the shares are what is meaningful and the process CPU from /proc is what is
 * divided up.
 */
export function formatSplit(split: ProfileSplit, cases: number, processCpuMs: number): string[] {
  const busy = [...split.buckets].filter(([k]) => k !== 'idle');
  const sampled = busy.reduce((sum, [, v]) => sum + v, 0);
  const lines = busy
    .sort((a, b) => b[1] - a[1])
    .map(([name, ms]) => {
      const share = ms / sampled;
      return `  ${name.padEnd(62)} ${((share * processCpuMs) / cases).toFixed(1).padStart(7)} ms/case ${(100 * share).toFixed(0).padStart(4)} %`;
    });
  lines.push(
    `  (${split.threads} thread profiles; JS-thread CPU ${(processCpuMs / cases).toFixed(1)} ms/case; ` +
      "the JS threads' CPU from /proc divided by the profiles' shares)",
  );
  return lines;
}
