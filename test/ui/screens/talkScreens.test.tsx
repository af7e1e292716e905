/** Every stop of the built-in talk on screen: it fits 80x24 and 120x40, in every theme, with its note as the caption. */
import { describe, expect, it } from 'vitest';
import { BUILT_INS } from '../../../src/scenarios/builtins.js';
import { appReducer, initialApp } from '../../../src/session/app.js';
import { loadTalk } from '../../../src/talks/talkLoader.js';
import { TrainingScreen } from '../../../src/ui/screens/trainingScreen.js';
import { createTheme } from '../../../src/ui/theme.js';
import { THEMES, isPrintableAscii, lines, stringAt, widthOf } from '../helpers.js';

describe('the chapter-6 talk on screen', () => {
  it('every stop fits, shows its note and offers the stops first', async () => {
    const talk = await loadTalk('chapter-6');
    const themes = [...THEMES, ['high contrast', createTheme({ color: true, ascii: false, highContrast: true })] as const];
    let app = initialApp(BUILT_INS, { talk });
    for (let i = 0; i < talk.stops.length; i++) {
      for (const size of [{ columns: 80, rows: 24 }, { columns: 120, rows: 40 }]) {
        for (const [name, theme] of themes) {
          const frame = stringAt(<TrainingScreen app={app} session={app.session!} theme={theme} size={size} />, size.columns);
          const rows = lines(frame);
          const what = `stop ${i + 1} at ${size.columns}x${size.rows}, ${name}`;
          expect(rows.length, what).toBeLessThanOrEqual(size.rows - 1);
          for (const row of rows) expect(widthOf(row), `${what}: ${row}`).toBeLessThanOrEqual(size.columns);
          expect(frame, what).toContain(`Stop ${i + 1}/9: `);
          expect(rows.at(-1), what).toMatch(/^PgDn PgUp stops {2}s phase/);
          if (theme.ascii) expect(isPrintableAscii(frame), what).toBe(true);
        }
      }
      app = appReducer(app, { type: 'key', name: 'pagedown' });
    }
  });
});
