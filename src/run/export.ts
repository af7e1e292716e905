/**
 * `streetlight-tui export FILE.cast --html OUT.html | --svg DIR`: a recording made into slides. The
 * page and the stills are built by src/export/slides/; this path parses its own arguments, reads the
 * cast strictly, and writes the files. Bad usage, a bad cast or an unwritable output is one line and
 * exit 2 (thrown as a UsageError, which the entry prints).
 *
 * The player's text (about 250 KB) and the terminal emulator are imported only when asked for, so
 * each lands in a chunk that nothing else loads.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { printable, readCast, type CastRecording } from '../record/castReader.js';

export const EXPORT_HELP = `usage:
  streetlight-tui export FILE.cast --html OUT.html
  streetlight-tui export FILE.cast --svg DIR

Makes a recording (from --record) into slides; give either option or both.
  --html OUT.html   one self-contained page that plays the recording, offline: the markers
                    as chapters beside the player, PageDown / PageUp (a clicker) to jump
                    between them, a pause at each, speed buttons. In a slide deck:
                    <iframe src="OUT.html" width="960" height="600"></iframe>
  --svg DIR         one SVG still per marker: the screen there, as text in colour
  -h, --help
`;

const OPTIONS = {
  html: { type: 'string' },
  svg: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface ExportPlan {
  readonly cast: string;
  readonly html: string | undefined;
  readonly svg: string | undefined;
}

function parseExportArgs(args: readonly string[]): ExportPlan | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message)?.[1];
    if (unknown) throw new UsageError(`export: unknown option '${printable(unknown)}' (see export --help)`);
    const missing = /Option '(?:-\w, )?(--[a-z]+)/.exec(message)?.[1];
    if (missing && /argument missing/.test(message)) throw new UsageError(`export ${missing}: expected a ${missing === '--svg' ? 'folder' : 'file name'}`);
    throw new UsageError(`export: ${printable(message.split('\n')[0]!)}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) {
    const got = positionals.length === 0 ? 'none' : `${positionals.length}: ${printable(positionals.join(' '))}`;
    throw new UsageError(`export: expected one recording FILE.cast, got ${got} (see export --help)`);
  }
  if (values.html === undefined && values.svg === undefined) throw new UsageError('export: expected --html OUT.html or --svg DIR (see export --help)');
  for (const [option, value] of [['--html', values.html], ['--svg', values.svg]] as const) {
    if (value !== undefined && value.trim() === '') throw new UsageError(`export ${option}: expected a ${option === '--svg' ? 'folder' : 'file name'}, got ''`);
  }
  return { cast: positionals[0]!, html: values.html, svg: values.svg };
}

const WRITE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder',
  EEXIST: 'is a file',
  EROFS: 'read-only file system',
  ENOTDIR: 'a parent is not a folder',
  ENOSPC: 'no space left',
};

function cannotWrite(option: string, target: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return new UsageError(`export ${option}: cannot write '${printable(target)}' (${WRITE_ERRORS[code] ?? code})`);
}

const kilobytes = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

async function writeHtml(recording: CastRecording, out: string): Promise<string> {
  const [{ htmlPage }, { PLAYER_ASSETS }] = await Promise.all([import('../export/slides/htmlPage.js'), import('../export/slides/playerAssets.js')]);
  const title = recording.header.title?.trim() || path.basename(recording.file, '.cast');
  const page = htmlPage(recording, printable(title), PLAYER_ASSETS);
  try {
    await writeFile(out, page);
  } catch (error) {
    throw cannotWrite('--html', out, error);
  }
  const markers = recording.markers.length;
  return `wrote ${printable(out)} (${kilobytes(Buffer.byteLength(page))}, ${markers} marker${markers === 1 ? '' : 's'} as chapters)\n`;
}

/** "03-iteration-2-error-1-21.svg": the marker's number, then its label in file-name-safe words. */
export function stillName(index: number, label: string, count: number): string {
  const number = String(index + 1).padStart(Math.max(2, String(count).length), '0');
  const words = label.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40).replace(/-$/, '');
  return `${number}${words ? `-${words}` : ''}.svg`;
}

async function writeSvgs(recording: CastRecording, dir: string): Promise<string> {
  try {
    if ((await stat(dir).catch(() => undefined))?.isFile()) throw Object.assign(new Error('file'), { code: 'EEXIST' });
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw cannotWrite('--svg', dir, error);
  }
  const [{ markerScreens }, { svgStill }] = await Promise.all([import('../export/slides/markerScreens.js'), import('../export/slides/svgStill.js')]);
  const screens = await markerScreens(recording);
  const names = recording.markers.map((m) => stillName(m.index, m.label, recording.markers.length));
  for (const [i, marker] of recording.markers.entries()) {
    const file = path.join(dir, names[i]!);
    try {
      await writeFile(file, svgStill(screens[i]!, { title: marker.label }));
    } catch (error) {
      throw cannotWrite('--svg', file, error);
    }
  }
  const range = names.length === 1 ? names[0] : `${names[0]} … ${names.at(-1)}`;
  return `wrote ${names.length} still${names.length === 1 ? '' : 's'} to ${printable(dir)} (${range})\n`;
}

export async function runExport(args: readonly string[], write: (text: string) => void = (text) => void process.stdout.write(text)): Promise<number> {
  const plan = parseExportArgs(args);
  if (plan === 'help') return write(EXPORT_HELP), 0;
  const recording = await readCast(plan.cast);
  // Refused before anything is written, so a failed run leaves no half of its output behind.
  if (plan.svg !== undefined && recording.markers.length === 0) {
    throw new UsageError(`${printable(recording.file)}: no markers; --svg makes one still per marker (press m while recording to add one)`);
  }
  if (plan.html !== undefined) write(await writeHtml(recording, plan.html));
  if (plan.svg !== undefined) write(await writeSvgs(recording, plan.svg));
  return 0;
}
