/**
 * `--talk FILE|chapter-6`: the built-in talk, or a talk file read as safely as a scenario file (only
 * a regular file, at most a few MB, UTF-8), checked (talkFile.ts), and each stop made ready: its
 * scenario opened (a built-in id, a scenario in ./scenarios, or a path relative to the talk file)
 * and its overrides checked against it, as the command line's would be. Every problem of the file is
 * reported together, one line each, before any screen starts (exit 2).
 */
import path from 'node:path';
import chapter6 from '../../talks/chapter-6.json' with { type: 'json' };
import { UsageError } from '../errors.js';
import { isPathLike, readScenarioText, resolveScenario, ScenarioFileError } from '../scenarios/loader.js';
import { scenarioFileError, type Problem } from '../scenarios/problems.js';
import type { Scenario } from '../scenarios/schema.js';
import { buildSetup } from '../scenarios/setup.js';
import type { Talk, TalkStop } from '../session/talk.js';
import { parseTalkText, stopField, validateTalk, type TalkFile } from './talkFile.js';

export const BUILT_IN_TALKS = ['chapter-6'] as const;

/** The command line's option names in a message from buildSetup, as the talk file spells the field. */
const FIELD_OF_OPTION: Readonly<Record<string, string>> = {
  '--alpha': 'alpha',
  '--iterations': 'iterations',
  '--seed': 'seed',
  '--hidden': 'hidden',
  '--activation': 'activation',
  '--mode': 'mode',
  '--batch-size': 'batchSize',
};

/** A scenario-file message about reading the file, reworded for a talk file. */
function asTalkFile(error: ScenarioFileError): ScenarioFileError {
  return new ScenarioFileError(
    error.lines.map((line) =>
      line
        .replace('expected a built-in id (see --list) or the path of a scenario .json file', `expected ${BUILT_IN_TALKS.join(', ')} (built in) or the path of a talk .json file`)
        .replaceAll('scenario .json file', 'talk .json file')
        .replaceAll('for a scenario file', 'for a talk file'),
    ),
  );
}

export async function loadTalk(name: string): Promise<Talk> {
  if (name === 'chapter-6') return builtInTalk();
  let text: string;
  try {
    text = await readScenarioText(name);
  } catch (error) {
    throw error instanceof ScenarioFileError ? asTalkFile(error) : error;
  }
  const file = parseTalkText(text, name);
  return prepareTalk(file, name, path.dirname(name), file.title ?? path.basename(name).replace(/\.json$/i, ''));
}

async function builtInTalk(): Promise<Talk> {
  const result = validateTalk(chapter6);
  if (!result.ok) throw new Error(`the built-in talk chapter-6 is invalid: ${result.problems.map((p) => `${p.field}: ${p.text}`).join('; ')}`);
  return prepareTalk(result.talk, 'chapter-6', '.', result.talk.title ?? 'Chapter 6');
}

async function openStopScenario(name: string, dir: string): Promise<Scenario> {
  // A path is read from beside the talk file, so a talk and its scenarios travel together.
  const target = isPathLike(name) && !path.isAbsolute(name) ? path.join(dir, name) : name;
  return resolveScenario(target);
}

async function prepareTalk(file: TalkFile, source: string, dir: string, title: string): Promise<Talk> {
  const problems: Problem[] = [];
  const stops: TalkStop[] = [];
  for (const [i, stop] of file.stops.entries()) {
    let scenario: Scenario;
    try {
      scenario = await openStopScenario(stop.scenario, dir);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      const lines = error instanceof ScenarioFileError ? error.lines : [error.message];
      const more = lines.length > 1 ? ` (and ${lines.length - 1} more)` : '';
      problems.push({ field: stopField(file, i, 'scenario'), text: `${lines[0]}${more}` });
      continue;
    }
    try {
      buildSetup(scenario, stop.overrides);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      const option = /^(--[a-z-]+): /.exec(error.message);
      const field = option && FIELD_OF_OPTION[option[1]!] ? `overrides.${FIELD_OF_OPTION[option[1]!]}` : 'overrides';
      problems.push({ field: stopField(file, i, field), text: option ? error.message.slice(option[0].length) : error.message });
      continue;
    }
    stops.push({ scenario, overrides: stop.overrides, keys: stop.keys, note: stop.note });
  }
  if (problems.length > 0) throw scenarioFileError(source, problems);
  return { source, title, theme: file.theme, stops };
}
