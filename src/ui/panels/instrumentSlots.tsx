/**
 * What the instruments draw in the training screen's panel slots: the lights editor in place of the
 * street lights, the network with the inspector's cursor, and the inspector in place of the error chart
 * (with the room of the side views too when they share the chart's band). Undefined leaves a slot to its
 * usual panel; false leaves it empty.
 */
import type { ReactNode } from 'react';
import { predictionsWith } from '../../engine/inspect.js';
import type { AppState } from '../../session/app.js';
import { draftData } from '../../session/edit.js';
import { cursorFor, inspection } from '../../session/inspect.js';
import { changeMarks } from '../../session/live.js';
import type { SessionState } from '../../session/state.js';
import type { Layout, PanelName } from '../layout/trainingLayout.js';
import type { Theme } from '../theme.js';
import { Inspector } from './inspector.js';
import { Network } from './network.js';
import { StreetLights } from './streetLights.js';

export function instrumentPanel(name: PanelName, layout: Layout, app: AppState, session: SessionState, theme: Theme): ReactNode | false | undefined {
  const t = session.trainer;
  const { edit, inspect } = app;
  if (name === 'lights' && edit) {
    const draft = draftData(edit, t.setup);
    return (
      <StreetLights
        inputs={draft.inputs}
        labels={draft.labels}
        predictions={predictionsWith(t.weights, draft.inputs, t.setup.activation)}
        activeRow={edit.row}
        heldOutRows={draft.heldOutRows}
        cursor={{ row: edit.row, lamp: edit.lamp }}
        theme={theme}
        {...layout.lights}
      />
    );
  }
  if (!inspect) return undefined;
  const chartBand = layout.bands.find((b) => b.panels.includes('chart'));
  // The inspector takes the chart's place and the room of the views beside it in the chart's band.
  const beside = (['side', 'extra'] as const).filter((p) => layout[p] && chartBand?.panels.includes(p));
  if (name === 'network') {
    // The cursor is on a weight, so the network shows its weights: the forward page where both do not fit.
    const page = layout.network.paged ? 'forward' : 'full';
    return <Network trainer={t} theme={theme} detail={layout.network.detail} page={page} width={layout.network.width} height={layout.network.height} selected={cursorFor(inspect, t.weights)} />;
  }
  if ((name === 'side' || name === 'extra') && beside.includes(name)) return false;
  if (name === 'chart') {
    // Each slot left empty keeps its margin (the gap before it), so its width alone joins the chart's.
    const width = layout.chart.width + beside.reduce((sum, p) => sum + layout[p]!.width, 0);
    return <Inspector inspection={inspection(t, app.live, inspect)} setup={t.setup} marks={changeMarks(app.live, t)} theme={theme} width={width} height={layout.chart.height} />;
  }
  return undefined;
}
