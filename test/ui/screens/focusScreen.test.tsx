/**
 * Focus (`z`): one panel alone and large, cycled with z, Esc back; the training keys still work; the
 * frame fits any terminal the training screen fits, in every theme.
 */
import { describe, expect, it } from 'vitest';
import { FOCUS_PANELS, type FocusPanel } from '../../../src/session/focus.js';
import type { SessionState } from '../../../src/session/state.js';
import type { Size } from '../../../src/terminal/size.js';
import { focusLayout } from '../../../src/ui/screens/focusScreen.js';
import { layoutInfo, TrainingScreen } from '../../../src/ui/screens/trainingScreen.js';
import { createTheme, type Theme } from '../../../src/ui/theme.js';
import { BUILT_IN_IDS, COLOR, THEMES, appAfter, appWith, isPrintableAscii, lines, sessionAfter, stringAt, widthOf } from '../helpers.js';

const HIGH_CONTRAST = createTheme({ color: true, ascii: false, highContrast: true });
const focused = (session: SessionState, panel: FocusPanel, theme: Theme, size: Size) => (
  <TrainingScreen app={appWith(session, { focus: panel })} session={session} theme={theme} size={size} />
);
const SIZES: Size[] = [
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
  { columns: 60, rows: 20 },
];

describe('the focus screen fits the terminal', () => {
  for (const size of SIZES) {
    it(`every built-in, every panel, at ${size.columns}x${size.rows}: at most rows - 1 lines, none too wide`, () => {
      for (const id of BUILT_IN_IDS) {
        for (const keys of ['', 'sss', 'e']) {
          for (const panel of FOCUS_PANELS) {
            for (const [, theme] of [...THEMES, ['high contrast', HIGH_CONTRAST] as const]) {
              const frame = stringAt(focused(sessionAfter(id, keys), panel, theme, size), size.columns);
              const rows = lines(frame);
              const what = `${id} '${keys}' ${panel}`;
              expect(rows.length, what).toBe(size.rows - 1);
              for (const line of rows) expect(widthOf(line), `${what}: ${line}`).toBeLessThanOrEqual(size.columns);
              if (theme.ascii) expect(isPrintableAscii(frame), what).toBe(true);
            }
          }
        }
      }
    });
  }
});

describe('what it shows', () => {
  const size = { columns: 120, rows: 40 };

  it('the chart fills the screen between the status line and the caption', () => {
    const session = sessionAfter('deep-net', 'e');
    const rows = lines(stringAt(focused(session, 'chart', COLOR, size), 120));
    const layout = focusLayout(size, layoutInfo(session), 'chart');
    expect(layout.box).toEqual({ width: 120, height: 40 - 1 - 6 });
    expect(rows[0]).toMatch(/^deep-net {2}iter 60\/60/);
    expect(rows[2]).toMatch(/^─ Error/);
    // The plot takes every line of the box under its title.
    expect(rows.filter((r) => /┤|┼/.test(r))).toHaveLength(layout.box.height - 1);
    expect(rows.at(-1)).toMatch(/^z next panel {2}Esc all panels {2}s phase/);
  });

  it('the other panels get their widest form with every detail, centred', () => {
    const session = sessionAfter('deep-net', 'iisss');
    const network = stringAt(focused(session, 'network', COLOR, { columns: 80, rows: 24 }), 80);
    expect(network).toContain('before relu');
    expect(network).toContain('change');
    const rows = lines(network);
    const title = rows.findIndex((r) => r.includes('─ Network'));
    const layout = focusLayout({ columns: 80, rows: 24 }, layoutInfo(session), 'network');
    expect(title).toBe(2 + layout.top);
    expect(rows[title]!.indexOf('─ Network')).toBe(layout.left);
    const lights = stringAt(focused(sessionAfter('whole-dataset', 'e'), 'lights', COLOR, size), 120);
    // The longest prediction bars (16 cells).
    expect(lights).toMatch(/WALK {3}1\.0\d\d █{16}/);
  });

  it('keeps the caption: the last key, or the notice (a talk stop note)', () => {
    const session = sessionAfter('deep-net', 'i');
    const plain = stringAt(focused(session, 'chart', COLOR, { columns: 80, rows: 24 }), 80);
    expect(plain).toContain('Iteration 1: error 1.41 over 4 rows.');
    const noticed = stringAt(<TrainingScreen app={appWith(session, { focus: 'chart', notice: 'Stop 2/9: a note' })} session={session} theme={COLOR} size={{ columns: 80, rows: 24 }} />, 80);
    expect(noticed).toContain('Stop 2/9: a note');
  });
});

describe('the keys', () => {
  it('z shows the scenario\'s own panel first, then the others in turn, and back round', () => {
    expect(appAfter('z', 'deep-net').focus).toBe('network');
    expect(appAfter('z', 'no-correlation').focus).toBe('chart');
    const seen = [1, 2, 3, 4, 5].map((n) => appAfter(Array(n).fill('z').join(' '), 'deep-net').focus);
    expect(seen).toEqual(['network', 'lights', 'pressure', 'chart', 'network']);
  });

  it('Esc goes back to the whole screen, not to the list; a second Esc to the list', () => {
    const back = appAfter('z esc', 'deep-net');
    expect(back.focus).toBeUndefined();
    expect(back.screen).toBe('training');
    expect(appAfter('z esc esc', 'deep-net').screen).toBe('picker');
  });

  it('every training key still works, and the focused panel follows it', () => {
    const app = appAfter('z z z z s s space', 'deep-net');
    expect(app.focus).toBe('chart');
    expect(app.session!.trainer.iteration).toBe(1);
    const frame = stringAt(<TrainingScreen app={app} session={app.session!} theme={COLOR} size={{ columns: 80, rows: 24 }} />, 80);
    expect(frame).toMatch(/─ Error.* iter 1: +1\.41/);
  });

  it('the help opens over it, and closes back to it', () => {
    const help = appAfter('z ?', 'deep-net');
    const frame = stringAt(<TrainingScreen app={help} session={help.session!} theme={COLOR} size={{ columns: 80, rows: 24 }} />, 80);
    expect(frame).toContain('the next panel alone, large');
    expect(frame).toContain('back to the whole screen');
    expect(appAfter('z ? ?', 'deep-net').focus).toBe('network');
  });
});
