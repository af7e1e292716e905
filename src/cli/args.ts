/** Command-line arguments → a validated plan of what to run. Pure: no I/O, so every error case is unit-tested. */
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import type { Overrides } from '../scenarios/setup.js';
import { LIMITS } from '../scenarios/limits.js';
import { MIN_SIZE, type Size } from '../terminal/size.js';

export interface CliOptions {
  readonly scenario: string | undefined;
  readonly list: boolean;
  readonly print: boolean;
  readonly json: boolean;
  readonly style: 'notebook' | 'book';
  readonly overrides: Overrides;
  readonly ascii: boolean;
  readonly help: boolean;
  readonly version: boolean;
  readonly record: string | undefined;
  readonly keys: string | undefined;
  readonly size: Size | undefined;
  /** `--talk FILE|chapter-6`: presenter mode over a talk's stops. */
  readonly talk: string | undefined;
  /** `--theme` as given (the environment and a talk file may choose one too: see run/boot.ts). */
  readonly theme: 'default' | 'high-contrast' | undefined;
  /** `--compare KEY=VALUE,…`: a second run's settings. */
  readonly compare: Overrides | undefined;
  /** `--export-numpy FILE.py`. */
  readonly exportNumpy: string | undefined;
}

const OPTIONS = {
  list: { type: 'boolean' },
  print: { type: 'boolean' },
  json: { type: 'boolean' },
  style: { type: 'string' },
  alpha: { type: 'string' },
  iterations: { type: 'string' },
  seed: { type: 'string' },
  hidden: { type: 'string' },
  activation: { type: 'string' },
  mode: { type: 'string' },
  'batch-size': { type: 'string' },
  ascii: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  record: { type: 'string' },
  keys: { type: 'string' },
  size: { type: 'string' },
  talk: { type: 'string' },
  theme: { type: 'string' },
  compare: { type: 'string' },
  'export-numpy': { type: 'string' },
} as const;

function parseNumber(option: string, text: string, check: (n: number) => boolean, expected: string): number {
  const n = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isFinite(n) || !check(n)) throw new UsageError(`--${option}: expected ${expected}, got '${text}'`);
  return n;
}

function intIn(option: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  return parseNumber(option, text, (n) => Number.isInteger(n) && n >= min && n <= max, `a whole number from ${min} to ${max}`);
}

function oneOf<T extends string>(option: string, text: string | undefined, values: readonly T[]): T | undefined {
  if (text === undefined) return undefined;
  if (!values.includes(text as T)) throw new UsageError(`--${option}: expected ${values.join(' or ')}, got '${text}'`);
  return text as T;
}

/**
 * The training options, each with its check: `--alpha 0.5` on the command line, and `alpha=0.5` in
 * `--compare` (which names the setting in its errors: `--compare alpha: expected …`).
 */
export const TRAINING_OPTIONS: readonly { readonly option: string; readonly key: keyof Overrides; readonly parse: (option: string, text: string) => Overrides[keyof Overrides] }[] = [
  { option: 'mode', key: 'mode', parse: (o, t) => oneOf(o, t, ['sgd', 'batch', 'full'] as const) },
  { option: 'alpha', key: 'alpha', parse: (o, t) => parseNumber(o, t, (n) => n > 0 && n <= LIMITS.alpha, `a number above 0 and at most ${LIMITS.alpha}`) },
  { option: 'activation', key: 'activation', parse: (o, t) => oneOf(o, t, ['relu', 'linear'] as const) },
  { option: 'hidden', key: 'hidden', parse: (o, t) => intIn(o, t, 1, LIMITS.hidden) },
  { option: 'seed', key: 'seed', parse: (o, t) => intIn(o, t, 0, LIMITS.seed) },
  { option: 'batch-size', key: 'batchSize', parse: (o, t) => intIn(o, t, 1, LIMITS.rows) },
  { option: 'iterations', key: 'iterations', parse: (o, t) => intIn(o, t, 1, LIMITS.iterations) },
];

const COMPARE_EXPECTED = 'KEY=VALUE[,KEY=VALUE…] such as mode=full or alpha=0.5,iterations=20';

/** `--compare mode=full,alpha=0.5`: the second run's settings, checked as the options they mirror. */
export function parseCompare(text: string): Overrides {
  const out: Overrides = {};
  for (const part of text.split(',')) {
    const m = /^\s*([A-Za-z-]+)\s*=\s*(.*?)\s*$/.exec(part);
    if (!m) throw new UsageError(`--compare: expected ${COMPARE_EXPECTED}, got '${text}'`);
    const setting = TRAINING_OPTIONS.find((o) => o.option === m[1]);
    if (!setting) throw new UsageError(`--compare: unknown setting '${m[1]}': expected one of ${TRAINING_OPTIONS.map((o) => o.option).join(', ')}`);
    if (out[setting.key] !== undefined) throw new UsageError(`--compare: ${setting.option} is given twice`);
    (out as Record<string, unknown>)[setting.key] = setting.parse(`compare ${setting.option}`, m[2]!);
  }
  return out;
}

/** The smallest `--size`: the picker's own minimum. */
export const MIN_SCRIPTED: Size = { columns: 30, rows: 6 };

export function parseSize(text: string): Size {
  const match = /^(\d{1,4})x(\d{1,4})$/.exec(text.trim());
  if (!match) throw new UsageError(`--size: expected COLSxROWS such as 80x24, got '${text}'`);
  const columns = Number(match[1]);
  const rows = Number(match[2]);
  // The picker works in less room than the training screen, which says what it needs when it has too little.
  if (columns < MIN_SCRIPTED.columns || rows < MIN_SCRIPTED.rows) {
    throw new UsageError(`--size: ${columns}x${rows} is below the minimum of ${MIN_SCRIPTED.columns}x${MIN_SCRIPTED.rows} (the training screen needs ${MIN_SIZE.columns}x${MIN_SIZE.rows})`);
  }
  if (columns > 1000 || rows > 500) throw new UsageError(`--size: ${columns}x${rows} is too large (at most 1000x500)`);
  return { columns, rows };
}

/**
 * `--alpha -1` → `--alpha=-1`, `--keys "- - p"` → `--keys=- - p`. parseArgs refuses a value that starts
 * with a dash ("ambiguous"), but an option that takes a value takes the next argument whatever it looks
 * like, unless that is itself one of our options: then the value is missing, and parseArgs says so.
 */
function joinDashValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  const isOption = (arg: string) => /^--[a-z-]+(=|$)/.test(arg) && arg.replace(/^--|=.*$/g, '') in OPTIONS;
  for (let i = 0; i < argv.length; i++) {
    const name = /^--([a-z-]+)$/.exec(argv[i]!)?.[1];
    const next = argv[i + 1];
    if (name && OPTIONS[name as keyof typeof OPTIONS]?.type === 'string' && next !== undefined && next.startsWith('-') && !isOption(next)) {
      out.push(`${argv[i]}=${next}`);
      i++;
    } else out.push(argv[i]!);
  }
  return out;
}

/**
 * parseArgs's error as one line of ours. The kind of problem comes from the error's code (Node's wording
 * may change); which option it is comes from a lenient second pass over the same arguments, whose tokens
 * name every option as typed.
 */
function parseErrorMessage(error: unknown, args: string[]): string {
  const code = (error as NodeJS.ErrnoException).code;
  const { tokens } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
  const options = tokens.flatMap((t) => (t.kind === 'option' ? [t] : []));
  const typeOf = (name: string) => (Object.hasOwn(OPTIONS, name) ? OPTIONS[name as keyof typeof OPTIONS].type : undefined);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const unknown = options.find((t) => typeOf(t.name) === undefined);
    if (unknown) return `unknown option '${unknown.rawName}' (see --help)`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    for (const t of options) {
      const type = typeOf(t.name);
      if (type === 'boolean' && t.value !== undefined) return `${t.rawName}: takes no value, got '${t.value}'`;
      // A value that is itself one of our options was not taken as one (see joinDashValues).
      if (type === 'string' && (t.value === undefined || (!t.inlineValue && t.value.startsWith('-')))) return `${t.rawName}: expected a value`;
    }
  }
  return `cannot read the command line (${code ?? (error as Error).message}); see --help`;
}

export function parseCli(argv: readonly string[]): CliOptions {
  const args = joinDashValues(argv);
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(parseErrorMessage(error, args));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`expected one scenario, got ${positionals.length}: ${positionals.join(' ')}`);
  const options: CliOptions = {
    scenario: positionals[0],
    list: values.list ?? false,
    print: values.print ?? false,
    json: values.json ?? false,
    style: oneOf('style', values.style, ['notebook', 'book'] as const) ?? 'notebook',
    overrides: Object.fromEntries(
      TRAINING_OPTIONS.map((o) => {
        const text = (values as Record<string, string | undefined>)[o.option];
        return [o.key, text === undefined ? undefined : o.parse(o.option, text)];
      }),
    ) as Overrides,
    ascii: values.ascii ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
    record: values.record,
    keys: values.keys,
    size: values.size === undefined ? undefined : parseSize(values.size),
    talk: values.talk,
    theme: oneOf('theme', values.theme, ['default', 'high-contrast'] as const),
    compare: values.compare === undefined ? undefined : parseCompare(values.compare),
    exportNumpy: values['export-numpy'],
  };
  if (options.json && !options.print) throw new UsageError('--json: goes with --print');
  if (values.style !== undefined && !options.print && options.exportNumpy === undefined) throw new UsageError('--style: goes with --print or --export-numpy');
  if (values.style !== undefined && options.json) throw new UsageError('--style: sets how the text log prints numbers; --json writes them as JSON does');
  if (options.talk !== undefined) {
    if (options.talk.trim() === '') throw new UsageError("--talk: expected chapter-6 or the path of a talk .json file, got ''");
    if (options.print) throw new UsageError('--talk: a talk is given on the screen, so it does not take --print');
    if (options.scenario !== undefined) throw new UsageError(`--talk: the talk opens its own scenarios; leave out '${options.scenario}'`);
    const given = Object.entries(options.overrides).find(([, v]) => v !== undefined);
    if (given) throw new UsageError(`--talk: each stop sets its own overrides in the talk file; leave out --${given[0] === 'batchSize' ? 'batch-size' : given[0]}`);
    if (options.compare) throw new UsageError('--talk: a talk opens its stops one run at a time, so it does not take --compare (press c at a stop)');
    if (options.exportNumpy !== undefined) throw new UsageError('--talk: does not take --export-numpy; export a stop\'s scenario by name');
  }
  if (options.print && !options.scenario) throw new UsageError('--print: expected a scenario (see --list)');
  if (options.print && (options.keys !== undefined || options.record !== undefined)) {
    throw new UsageError('--print: prints the log without a screen, so it does not take --keys or --record');
  }
  if (options.size && options.keys === undefined) throw new UsageError('--size: goes with --keys');
  if (options.compare && !options.scenario) throw new UsageError('--compare: expected a scenario to compare (see --list)');
  if (options.exportNumpy !== undefined) {
    if (!options.scenario) throw new UsageError('--export-numpy: expected a scenario (see --list)');
    if (!/\.py$/i.test(options.exportNumpy)) throw new UsageError(`--export-numpy: expected a file name ending in .py, got '${options.exportNumpy}'`);
    const other = options.print ? '--print' : options.compare ? '--compare' : options.keys !== undefined ? '--keys' : options.record !== undefined ? '--record' : undefined;
    if (other) throw new UsageError(`--export-numpy: writes the script and exits, so it does not take ${other}`);
  }
  return options;
}

export const HELP = `streetlight-tui: step through the streetlight chapter of Grokking Deep Learning (backpropagation)

usage:
  streetlight-tui                      pick a scenario (interactive)
  streetlight-tui <scenario>           open a scenario: a built-in id or a path to a .json file
  streetlight-tui --list               list the built-in scenarios
  streetlight-tui <scenario> --print   train to the end without a screen and print the log

print:
  --style notebook|book                number format: Python 3 (notebook, default) or Python 2 (book)
  --json                               JSON Lines, one object per iteration

training (override the scenario):
  --alpha X  --iterations N  --mode sgd|batch|full  --batch-size N
  --seed N  --hidden N  --activation relu|linear     (3-layer nets)

instruments:
  --compare KEY=VALUE[,…]              a second run beside the first, in lockstep from the same start:
                                       mode, alpha, activation, hidden, seed, batch-size, iterations
                                       (with --print: both logs, lines labelled "A " and "B ")
  --export-numpy FILE.py               write the run as a numpy script that prints what --print prints
                                       (--style book: as --print --style book prints)

screen and recording:
  --ascii                              plain ASCII drawing
  --record FILE.cast                   record the session (asciicast v2)
  --keys "KEYS"                        scripted run, no terminal needed (e.g. --keys "n n space e")
  --size COLSxROWS                     screen size of a --keys run (default 80x24)

talks:
  --talk FILE|chapter-6                presenter mode: PgDn / PgUp go from stop to stop
  --theme default|high-contrast        high-contrast for projectors (or STREETLIGHT_THEME)
  streetlight-tui replay FILE.cast     run a recording's keys again (see replay --help)
  streetlight-tui export FILE.cast --html OUT.html | --svg DIR    slides (see export --help)

  --help, --version

exit codes: 0 done, 1 something failed, 2 bad usage or a bad scenario file, 130 Ctrl+C
`;
