import { describe, expect, it } from 'vitest';
import { firstScreenOutput } from '../../src/export/slides/htmlPage.js';
import { castText, playerCast } from '../../src/export/slides/playerCast.js';
import { parseCast } from '../../src/record/castReader.js';

const recording = (header: object, ...events: unknown[]) =>
  parseCast([JSON.stringify({ version: 2, width: 20, height: 2, ...header }), ...events.map((e) => JSON.stringify(e))].join('\n'), 't.cast');

describe('playerCast', () => {
  it('keeps one marker per instant, the last, and maps every chapter onto it', () => {
    const r = recording({}, [0, 'o', 'a'], [0, 'm', 'start'], [1, 'o', 'b'], [1, 'm', 'it 1'], [1, 'm', 'it 2'], [1, 'm', 'it 3'], [2, 'm', 'end']);
    const cast = playerCast(r);
    expect(cast.text.split('\n').filter((line) => line.includes('"m"'))).toEqual(['[0,"m","start"]', '[1,"m","it 3"]', '[2,"m","end"]']);
    expect(cast.chapters.map((c) => [c.label, c.group, c.time])).toEqual([
      ['start', 0, 0],
      ['it 1', 1, 1],
      ['it 2', 1, 1],
      ['it 3', 1, 1],
      ['end', 2, 2],
    ]);
    expect(cast.groupTimes).toEqual([0, 1, 2]);
    // Everything else is the file's, event for event.
    expect(cast.text.split('\n').filter((line) => !line.includes('"m"'))).toEqual(castText(r).split('\n').filter((line) => !line.includes('"m"')));
  });

  it("times chapters on the player's time line, where pauses beyond idle_time_limit are cut", () => {
    const cast = playerCast(recording({ idle_time_limit: 2 }, [0, 'o', 'a'], [10, 'm', 'after a long pause'], [11, 'o', 'b'], [20, 'm', 'again']));
    expect(cast.chapters.map((c) => c.time)).toEqual([2, 5]);
    expect(cast.groupTimes).toEqual([2, 5]);
  });
});

describe('firstScreenOutput', () => {
  it('is the output up to the end of the first synchronized frame, or of the first instant', () => {
    const frames = recording({}, [0, 'o', '\u001b[?2026hone'], [0.1, 'o', ' two\u001b[?2026l'], [0.5, 'o', 'three']);
    expect(firstScreenOutput(frames)).toBe('\u001b[?2026hone two\u001b[?2026l');
    const plain = recording({}, [0.2, 'o', '$ '], [0.2, 'o', 'ls'], [0.9, 'o', '\r\n']);
    expect(firstScreenOutput(plain)).toBe('$ ls');
  });
});
