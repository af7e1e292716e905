/**
 * Comparing two runs: run A (the session) and run B side by side, each with its weights and its
 * current error, one chart with both error curves, the caption and the keys; or, before a comparison
 * starts, the menu of settings `c` opens. A function of the app state, the theme and the size.
 */
import { Box } from 'ink';
import type { AppState } from '../../session/app.js';
import { settingsOf, optionName, type CompareMenu, type CompareRuns, type CompareState } from '../../session/compare.js';
import { contextsOf, contextsUnderHelp, helpRows, hintsFor } from '../../session/keymap/index.js';
import type { SessionState } from '../../session/state.js';
import type { Size } from '../../terminal/size.js';
import { compareCaption, runNames } from '../compareCaptions.js';
import { num } from '../format/numbers.js';
import { padRight } from '../format/text.js';
import { compareLayoutFor } from '../layout/compareLayout.js';
import { CompactGrid } from '../panels/compactGrid.js';
import { GAP } from '../layout/trainingLayout.js';
import { Caption } from '../panels/caption.js';
import { HelpOverlay } from '../panels/helpOverlay.js';
import { KeyHints } from '../panels/keyHints.js';
import { Line, Title, seg, type Seg } from '../panels/line.js';
import { LineChart } from '../panels/lineChart.js';
import { Network } from '../panels/network.js';
import { StatusLine } from '../panels/statusLine.js';
import type { Theme } from '../theme.js';
import { TooSmallMessage } from './tooSmall.js';
import { layoutInfo } from './trainingScreen.js';

export interface CompareScreenProps {
  readonly app: AppState;
  readonly session: SessionState;
  readonly compare: CompareState;
  readonly theme: Theme;
  readonly size: Size;
}

export function CompareScreen(props: CompareScreenProps) {
  const { compare } = props;
  return compare.kind === 'menu' ? <MenuScreen {...props} menu={compare} /> : <RunsScreen {...props} runs={compare} />;
}

/** `A  error 0.634  iter 1/40  sgd`: which run, its current error, where it is, what it is. */
export function runLabel(letter: string, name: string, s: SessionState, theme: Theme): Seg[] {
  const t = s.trainer;
  const error = t.errors.last();
  const iterWidth = 2 * String(t.setup.iterations).length + 1;
  // The iteration in progress, as the status line counts it.
  const inProgress = (t.cursor > 0 || t.rowPhase !== undefined) && !t.done;
  const iteration = Math.min(t.setup.iterations, t.iteration + (inProgress ? 1 : 0));
  return [
    seg(letter, 'accent', true),
    seg('  error ', 'label'),
    seg(padRight(error === undefined ? theme.glyphs.none : num(error, 8, { small: true }), 8)),
    seg('  iter ', 'label'),
    seg(padRight(`${iteration}/${t.setup.iterations}`, iterWidth)),
    seg(`  ${name}`, 'accent'),
  ];
}

function RunsScreen({ app, session, runs, theme, size }: CompareScreenProps & { runs: CompareRuns }) {
  const other = runs.other;
  const layout = compareLayoutFor(size, [layoutInfo(session), layoutInfo(other)]);
  if (layout.tooSmall) return <TooSmallMessage need={layout.need} size={size} theme={theme} />;
  const { width, runWidth, networkHeight, chartHeight } = layout;
  const [nameA, nameB] = runNames(session, runs).map(theme.text) as [string, string];
  const bodyHeight = 1 + networkHeight + chartHeight;
  const caption = compareCaption(session, runs);
  const column = (letter: string, name: string, s: SessionState) => (
    <Box flexDirection="column" width={runWidth}>
      <Line segs={runLabel(letter, name, s, theme)} width={runWidth} theme={theme} />
      {layout.compact ? (
        <CompactGrid trainer={s.trainer} theme={theme} width={runWidth} height={networkHeight} />
      ) : (
        <Network trainer={s.trainer} theme={theme} detail={layout.detail} width={runWidth} height={networkHeight} />
      )}
    </Box>
  );
  const g = theme.glyphs;
  const scale = session.chartScale;
  return (
    <Box flexDirection="column" width={width} height={layout.height}>
      <StatusLine session={session} theme={theme} width={width} />
      {app.help ? (
        <HelpOverlay rows={helpRows(contextsUnderHelp(app), app)} theme={theme} width={width} height={bodyHeight + layout.captionLines} />
      ) : (
        <>
          <Box flexDirection="row" height={1 + networkHeight}>
            {column('A', nameA, session)}
            <Box marginLeft={GAP}>{column('B', nameB, other)}</Box>
          </Box>
          <LineChart
            titles={scale === 'log' ? ['Error per iteration (log)', 'Error (log)'] : ['Error per iteration', 'Error']}
            lines={[
              { values: session.trainer.errors, name: `A ${nameA}`, glyph: '', color: 'accent' },
              { values: other.trainer.errors, name: `B ${nameB}`, glyph: g.chartSecond, color: 'heldOut' },
            ]}
            scale={scale}
            iterations={Math.max(session.trainer.setup.iterations, other.trainer.setup.iterations)}
            empty="no iteration finished yet"
            diverged="a run diverged: its error ran off to infinity or NaN (alpha too large?)"
            theme={theme}
            width={width}
            height={chartHeight}
          />
          {layout.captionLines > 0 ? (
            <Caption lines={app.notice === undefined ? caption : [app.notice, ...caption.slice(1)]} theme={theme} width={width} height={layout.captionLines} />
          ) : null}
        </>
      )}
      <KeyHints hints={hintsFor(contextsOf(app), app)} theme={theme} width={width} />
    </Box>
  );
}

const NAME = 12;
const VALUE = 14;

function MenuScreen({ app, session, menu, theme, size }: CompareScreenProps & { menu: CompareMenu }) {
  const width = size.columns;
  const height = Math.max(1, size.rows - 1);
  const a = settingsOf(session);
  const body = height - 3;
  const intro = 'Run B: the same start as run A, with these settings. Step keys then move both.';
  const rows = menu.keys.map((key, i) => {
    const picked = i === menu.index;
    const changed = menu.values[key] !== a[key];
    return [
      seg(picked ? theme.glyphs.activeRow : ' ', 'active', true),
      seg(` ${padRight(optionName(key), NAME)}`, picked ? 'active' : 'label', picked),
      seg(padRight(`A ${a[key]}`, VALUE)),
      seg(padRight(`B ${menu.values[key]}`, VALUE), changed ? 'warning' : undefined, changed),
      seg(changed ? 'changed' : '', 'warning'),
    ];
  });
  const caption = app.notice ?? 'Choose with ↑↓, change run B’s value with ← →; Enter starts both runs.';
  return (
    <Box flexDirection="column" width={width} height={height}>
      <StatusLine session={session} theme={theme} width={width} />
      {app.help ? (
        <HelpOverlay rows={helpRows(contextsUnderHelp(app), app)} theme={theme} width={width} height={height - 2} />
      ) : (
        <Box flexDirection="column" height={body}>
          <Title title="Compare with a second run" width={width} theme={theme} />
          <Line segs={[seg(theme.text(intro), 'label')]} width={width} theme={theme} />
          {rows.slice(0, Math.max(0, body - 2)).map((segs, i) => (
            <Line key={i} segs={segs} width={width} theme={theme} />
          ))}
        </Box>
      )}
      {app.help ? null : <Caption lines={[caption]} theme={theme} width={width} height={1} />}
      <KeyHints hints={hintsFor(contextsOf(app), app)} theme={theme} width={width} />
    </Box>
  );
}
