export interface ChaosOptions {
  cases: number;
  injections: number;
  concurrency: number;
  seed: number;
  /** how long one command (or one wait for a task) is retried before the case is called stuck */
  maxWaitS: number;
  /**
   * Seconds after which no further complaint is started and no further fault injected (the
   * started ones are finished and checked); 0 = no budget.
   */
  budgetS: number;
}

const DEFAULTS: ChaosOptions = {
  cases: 100,
  injections: 40,
  concurrency: 8,
  seed: 1,
  maxWaitS: 420,
  budgetS: 0,
};

const FLAGS: Record<string, keyof ChaosOptions> = {
  '--cases': 'cases',
  '--injections': 'injections',
  '--concurrency': 'concurrency',
  '--seed': 'seed',
  '--max-wait': 'maxWaitS',
  '--budget': 'budgetS',
};

/** `--cases N --injections N --concurrency N --seed N --max-wait S --budget S` (defaults meet issue 8). */
export function parseOptions(argv: string[]): ChaosOptions {
  const options = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const name = FLAGS[flag];
    if (!name) throw new Error(`unknown flag ${flag} (known: ${Object.keys(FLAGS).join(', ')})`);
    const raw = inline ?? argv[++i];
    const value = Number(raw);
    if (
      !Number.isInteger(value) ||
      value < (['seed', 'injections', 'budgetS'].includes(name) ? 0 : 1)
    )
      throw new Error(`${flag} needs a whole number, got ${raw}`);
    options[name] = value;
  }
  return options;
}
