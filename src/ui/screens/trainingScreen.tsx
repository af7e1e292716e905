/**
 * The training screen: the status line, the panels in the bands the layout chose, the caption and
 * the key hints (or the help over the panels). Everything here is a function of the app state, the
 * theme and the terminal size; the root component owns keys, timers and resizes.
 */
import { Box } from 'ink';
import type { ReactNode } from 'react';
import type { AppState } from '../../session/app.js';
import { contextsOf, contextsUnderHelp, helpRows, hintsFor } from '../../session/keymap/index.js';
import type { SessionState } from '../../session/state.js';
import type { Size } from '../../terminal/size.js';
import { captionFor } from '../captions.js';
import { layoutFor, type Layout, type LayoutInfo, type PanelName } from '../layout/trainingLayout.js';
import { Caption } from '../panels/caption.js';
import { ErrorChart } from '../panels/errorChart.js';
import { HelpOverlay } from '../panels/helpOverlay.js';
import { KeyHints } from '../panels/keyHints.js';
import { Network } from '../panels/network.js';
import { PressureTable } from '../panels/pressureTable.js';
import { IntermediateDataset } from '../panels/intermediateDataset.js';
import { WeightsChart } from '../panels/weightsChart.js';
import { predictAll, equivalentSingleLayer, dot } from '../../engine/network.js';
import { singleLayerFloor } from '../../engine/leastSquares.js';
import { shownViews, viewsOf, type SideView } from '../views.js';
import type { PanelBox } from '../layout/trainingLayout.js';
import { StatusLine } from '../panels/statusLine.js';
import { StreetLights } from '../panels/streetLights.js';
import { instrumentPanel } from '../panels/instrumentSlots.js';
import { instrumentCaption } from '../../session/instruments.js';
import { changeMarks } from '../../session/live.js';
import type { Theme } from '../theme.js';
import { FocusScreen } from './focusScreen.js';
import { TooSmallMessage } from './tooSmall.js';

export interface TrainingScreenProps {
  readonly app: AppState;
  readonly session: SessionState;
  readonly theme: Theme;
  readonly size: Size;
}

export function layoutInfo(session: SessionState): LayoutInfo {
  const t = session.trainer;
  const setup = t.setup;
  const deep = t.weights.layers === 3;
  return {
    deep,
    rows: setup.inputs.length,
    hidden: t.weights.layers === 3 ? t.weights.weights_1_2.length : 0,
    inputs: setup.inputs[0]?.length ?? 0,
    trainRows: setup.trainRows.length,
    heldOut: setup.heldOutRows.length > 0,
    linear: deep && setup.activation === 'linear',
    focus: session.scenario.focus,
    views: viewsOf(session).side,
  };
}

/**
 * The floor a chart draws: the least error any single layer (a 2-layer net) reaches on the training
 * rows, where that is above 0: no-correlation's plateau, the line linear-deep cannot cross and deep-net can.
 */
function floorOf(session: SessionState): { value: number; name: string } | undefined {
  const value = singleLayerFloor(session.trainer.setup);
  return value > 1e-6 ? { value, name: 'best single layer' } : undefined;
}

function chartPanel(kind: SideView, session: SessionState, theme: Theme, box: PanelBox, marks?: readonly number[]): ReactNode {
  const t = session.trainer;
  if (kind === 'weights') return <WeightsChart trainer={t} theme={theme} {...box} />;
  return (
    <ErrorChart
      errors={t.errors}
      heldOut={t.heldOutErrors}
      previous={session.previous}
      floor={floorOf(session)}
      marks={marks}
      scale={session.chartScale}
      iterations={t.setup.iterations}
      theme={theme}
      {...box}
    />
  );
}

function viewPanel(view: SideView, session: SessionState, theme: Theme, box: PanelBox, marks?: readonly number[]): ReactNode {
  const t = session.trainer;
  switch (view) {
    case 'pressure-book':
      return <PressureTable trainer={t} view="book" theme={theme} {...box} />;
    case 'pressure-now':
      return <PressureTable trainer={t} view="now" theme={theme} {...box} />;
    case 'intermediate':
      return <IntermediateDataset trainer={t} theme={theme} {...box} />;
    case 'weights':
    case 'errors':
      return chartPanel(view, session, theme, box, marks);
  }
}

/** A panel of the training screen; `marks` are the iterations a live change was made at (the charts mark them). */
function panel(name: PanelName, layout: Layout, session: SessionState, theme: Theme, marks?: readonly number[]): ReactNode {
  const t = session.trainer;
  const activeRow = t.trace?.row;
  switch (name) {
    case 'lights': {
      // Every row predicted with the weights in force now; a linear net beside its single-layer equivalent.
      const predictions = predictAll(t.weights, t.setup.inputs, t.setup.activation);
      const single = t.weights.layers === 3 && t.setup.activation === 'linear' ? equivalentSingleLayer(t.weights) : undefined;
      return (
        <StreetLights
          inputs={t.setup.inputs}
          labels={t.setup.labels}
          predictions={predictions}
          also={single ? { name: 'one layer', predictions: t.setup.inputs.map((x) => dot(x, single)) } : undefined}
          activeRow={activeRow}
          heldOutRows={t.setup.heldOutRows}
          theme={theme}
          {...layout.lights}
        />
      );
    }
    case 'network':
      return (
        <Network
          trainer={t}
          theme={theme}
          detail={layout.network.detail}
          page={layout.network.paged ? session.networkPage : 'full'}
          width={layout.network.width}
          height={layout.network.height}
        />
      );
    case 'chart':
      return chartPanel(viewsOf(session).chart === 'weights' ? 'weights' : 'errors', session, theme, layout.chart, marks);
    case 'side':
      return layout.side ? viewPanel(shownViews(session).side, session, theme, layout.side, marks) : null;
    case 'extra':
      return layout.extra ? viewPanel(shownViews(session).extra, session, theme, layout.extra, marks) : null;
  }
}

/** What just happened (or the last effect's notice), then the lesson. */
function captionLinesFor(app: AppState, session: SessionState): string[] {
  const lines = captionFor(session);
  const first = app.notice ?? instrumentCaption(app);
  return first === undefined ? lines : [first, ...lines.slice(1)];
}

export function TrainingScreen({ app, session, theme, size }: TrainingScreenProps) {
  if (app.focus && !app.help) return <FocusScreen app={app} session={session} panel={app.focus} theme={theme} size={size} info={layoutInfo(session)} renderPanel={panel} />;
  const layout = layoutFor(size, layoutInfo(session));
  if (layout.tooSmall) return <TooSmallMessage need={layout.need} size={size} theme={theme} />;
  const { width, spacing, gap } = layout;
  const spacer = (key: string) => (spacing > 0 ? <Box key={key} height={spacing} /> : null);
  const bodyHeight = layout.bands.reduce((sum, b) => sum + b.height, 0) + spacing * (layout.bands.length - 1);
  // The help takes the caption's lines too: on a small screen it then fits in one column.
  const help = app.help;
  const marks = changeMarks(app.live, session.trainer);

  return (
    <Box flexDirection="column" width={width} height={layout.height}>
      <StatusLine session={session} theme={theme} width={width} />
      {spacer('top')}
      {help ? (
        <HelpOverlay rows={helpRows(contextsUnderHelp(app), app)} theme={theme} width={width} height={bodyHeight + spacing + layout.captionLines} />
      ) : (
        layout.bands.map((band, i) => (
          <Box key={band.panels.join('+')} flexDirection="column">
            {i > 0 ? spacer(`gap${i}`) : null}
            <Box flexDirection="row" height={band.height}>
              {band.panels.map((name, k) => (
                <Box key={name} marginLeft={k > 0 ? gap : 0} flexShrink={0}>
                  {instrumentPanel(name, layout, app, session, theme) ?? panel(name, layout, session, theme, marks)}
                </Box>
              ))}
            </Box>
          </Box>
        ))
      )}
      {help ? null : spacer('bottom')}
      {layout.captionLines > 0 && !help ? <Caption lines={captionLinesFor(app, session)} theme={theme} width={width} height={layout.captionLines} /> : null}
      {layout.hints ? <KeyHints hints={hintsFor(contextsOf(app), app)} theme={theme} width={width} /> : null}
    </Box>
  );
}
