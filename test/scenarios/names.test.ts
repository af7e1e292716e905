/**
 * One rule for names, shared by the picker, the command line and --list: which scenarios exist, how a
 * name resolves, and clashes reported (issue 9 point 9).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tempDir } from '../support/cli.js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_INS } from '../../src/scenarios/builtins.js';
import { packageScenariosFolder, scenarioFolders } from '../../src/scenarios/folders.js';
import { ScenarioFileError, findScenario, listScenarios, resolveScenario } from '../../src/scenarios/loader.js';

const IDS = BUILT_INS.map((s) => s.id);
const FIVE = readFileSync('test/fixtures/user-5x6.json', 'utf8');
const TWO = readFileSync('test/fixtures/user-2layer.json', 'utf8');

/** A fresh folder holding ./scenarios with the given files; returns the scenarios folder. */
function folder(files: Record<string, string>): string {
  const dir = path.join(tempDir('streetlight-names-').dir, 'scenarios');
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const withId = (text: string, id: string | undefined) => {
  const s = JSON.parse(text);
  if (id === undefined) delete s.id;
  else s.id = id;
  return JSON.stringify(s);
};

describe('listScenarios: which scenarios exist', () => {
  it('the built-ins in the chapter’s order, then each folder’s files by name; a file is named by its id, or its file name', async () => {
    const a = folder({ 'b.json': withId(TWO, undefined), 'a.json': withId(FIVE, 'five-lamps') });
    const b = folder({ 'c.json': withId(TWO, 'third') });
    const { scenarios, problems } = await listScenarios([a, b]);
    expect(scenarios.map((s) => s.id)).toEqual([...IDS, 'five-lamps', 'b', 'third']);
    expect(problems).toEqual([]);
  });

  it('./scenarios/five-lamps.json without an id is listed as five-lamps, and that name opens it', async () => {
    const dir = folder({ 'five-lamps.json': withId(FIVE, undefined) });
    expect((await listScenarios([dir])).scenarios.map((s) => s.id)).toContain('five-lamps');
    expect((await resolveScenario('five-lamps', [dir])).source).toBe(path.join(dir, 'five-lamps.json'));
  });

  it('a user file named like a built-in is not listed twice: it is a clash, reported, and the name stays the built-in’s', async () => {
    const dir = folder({ 'mine.json': withId(FIVE, 'deep-net'), 'deep-net.json': withId(FIVE, undefined) });
    const { scenarios, problems } = await listScenarios([dir]);
    expect(scenarios.map((s) => s.id)).toEqual(IDS);
    expect(problems).toEqual([
      `${path.join(dir, 'deep-net.json')}: its name 'deep-net' is a built-in's; not listed (give it another "id")`,
      `${path.join(dir, 'mine.json')}: its name 'deep-net' is a built-in's; not listed (give it another "id")`,
    ]);
    expect((await resolveScenario('deep-net', [dir])).source).toBe('built-in');
  });

  it('./scenarios/deep-net.json whose id is my-net is listed, as my-net', async () => {
    const dir = folder({ 'deep-net.json': withId(FIVE, 'my-net') });
    const { scenarios, problems } = await listScenarios([dir]);
    expect(scenarios.map((s) => s.id)).toEqual([...IDS, 'my-net']);
    expect(problems).toEqual([]);
    expect((await resolveScenario('my-net', [dir])).source).toBe(path.join(dir, 'deep-net.json'));
  });

  it('two files with one name: the first (by file name) is listed, the other reported', async () => {
    const dir = folder({ 'a.json': withId(FIVE, 'same'), 'b.json': withId(TWO, 'same') });
    const { scenarios, problems } = await listScenarios([dir]);
    expect(scenarios.filter((s) => s.id === 'same').map((s) => s.source)).toEqual([path.join(dir, 'a.json')]);
    expect(problems).toEqual([`${path.join(dir, 'b.json')}: its name 'same' is already taken by ${path.join(dir, 'a.json')}; not listed (give it another "id")`]);
  });

  it('a broken file is reported in one line (its first problem, and how many more), and its name says why', async () => {
    const dir = folder({ 'broken.json': '{"title": "t", "x": 1, "y": 2}', 'notes.txt': 'not a scenario', '.hidden.json': '{', 'scenario.schema.json': '{}' });
    const { scenarios, problems } = await listScenarios([dir, path.join(dir, 'missing')]);
    expect(scenarios.map((s) => s.id)).toEqual(IDS);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^.*broken\.json: data: expected an array|^.*broken\.json: .* \(and \d+ more\)$/);
    expect(problems[0]).toMatch(/\(and \d+ more\)$/);
    const error = await resolveScenario('broken', [dir]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScenarioFileError);
    expect((error as ScenarioFileError).lines.length).toBeGreaterThan(1);
  });

  it('the package’s own folder holds the built-ins’ files and the schema: it adds nothing and reports nothing', async () => {
    const own = packageScenariosFolder()!;
    expect(await listScenarios([own])).toMatchObject({ scenarios: BUILT_INS, problems: [] });
    // Run from the package folder itself, its ./scenarios is the package's folder, listed once.
    expect(scenarioFolders(path.dirname(own))).toEqual([own]);
    expect(scenarioFolders('/somewhere/else')).toEqual(['/somewhere/else/scenarios', own]);
  });

  it('findScenario looks a name up in a listing', async () => {
    const catalog = await listScenarios([folder({ 'x.json': TWO })]);
    expect(findScenario(catalog, 'x')?.title).toBe('Five lamps, one layer, drawn weights');
    expect(findScenario(catalog, 'single-light')).toBe(BUILT_INS.find((s) => s.id === 'single-light'));
    expect(findScenario(catalog, 'nope')).toBeUndefined();
  });
});

describe('resolveScenario: what the command line’s scenario argument opens', () => {
  it('a built-in id, without reading any folder', async () => {
    expect(await resolveScenario('deep-net', ['/does/not/exist'])).toBe(BUILT_INS.find((s) => s.id === 'deep-net'));
  });

  it('a path (a folder in it, or .json at the end) loads that file, wherever it is', async () => {
    expect((await resolveScenario('test/fixtures/user-5x6.json', [])).id).toBe('five-lamps');
    const dir = folder({ 'plain.json': TWO });
    const before = process.cwd();
    process.chdir(dir);
    try {
      expect((await resolveScenario('plain.json', [])).id).toBe('plain');
    } finally {
      process.chdir(before);
    }
  });

  it('an unknown name says what exists', async () => {
    const dir = folder({ 'mine.json': TWO });
    await expect(resolveScenario('nope', [dir])).rejects.toThrow(
      "unknown scenario 'nope': expected a built-in id (see --list), a scenario in ./scenarios (mine) or a path to a .json file",
    );
    await expect(resolveScenario('nope\x1b]0;x\x07', [])).rejects.toThrow(/^unknown scenario 'nope': expected a built-in id \(see --list\) or a path to a \.json file$/);
  });
});
