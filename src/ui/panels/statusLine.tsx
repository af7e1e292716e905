/**
 * The status line: scenario, iteration i/N, row j/M, phase, alpha, mode, activation, and whether
 * training plays (at what speed) or waits. On a narrow screen the least needed items go first.
 */
import type { SessionState } from '../../session/state.js';
import { SPEEDS } from '../../session/state.js';
import type { Theme } from '../theme.js';
import { Line, seg, segsLength, type Seg } from './line.js';

export interface StatusLineProps {
  readonly session: SessionState;
  readonly theme: Theme;
  readonly width: number;
}

interface Item {
  readonly segs: Seg[];
  /** Lower numbers stay longest. */
  readonly priority: number;
}

export function statusItems(session: SessionState, theme: Theme): Item[] {
  const t = session.trainer;
  const { setup } = t;
  const g = theme.glyphs;
  const inProgress = t.cursor > 0 || t.rowPhase !== undefined;
  const iteration = Math.min(setup.iterations, t.iteration + (inProgress && !t.done ? 1 : 0));
  const position = t.trace ? setup.trainRows.indexOf(t.trace.row) + 1 : 0;
  const rows = setup.trainRows.length;
  const deep = t.weights.layers === 3;
  const speed = `${SPEEDS[session.speed]} rows/s`;
  const items: Item[] = [
    { segs: [seg(session.scenario.id, 'accent', true)], priority: 0 },
    { segs: [seg('iter ', 'dim'), seg(`${iteration}/${setup.iterations}`, undefined, true)], priority: 0 },
    { segs: [seg('row ', 'dim'), seg(`${position > 0 ? position : g.none}/${rows}`, undefined, true)], priority: 0 },
    { segs: [seg('phase ', 'dim'), seg(t.lastPhase ?? g.none, 'active')], priority: 1 },
    { segs: [seg(`${g.alpha} `, 'dim'), seg(String(setup.alpha))], priority: 2 },
    { segs: [seg(setup.mode === 'batch' ? `batch ${setup.batchSize}` : setup.mode)], priority: 2 },
  ];
  if (deep) items.push({ segs: [seg(setup.activation)], priority: 2 });
  if (t.done) items.push({ segs: [seg('finished', 'positive', true)], priority: 0 });
  else if (session.playing) items.push({ segs: [seg(`${g.play} `, 'positive'), seg(speed)], priority: 1 });
  else items.push({ segs: [seg(`${g.pause} paused`, 'dim')], priority: 1 }, { segs: [seg(speed, 'dim')], priority: 3 });
  if (session.chartScale === 'log') items.push({ segs: [seg('log chart', 'dim')], priority: 4 });
  return items;
}

export function statusSegs(session: SessionState, theme: Theme, width: number): Seg[] {
  let items = statusItems(session, theme);
  const join = (list: Item[]) => list.flatMap((item, i) => (i === 0 ? item.segs : [seg('  '), ...item.segs]));
  // Drop the least needed items until the line fits.
  while (segsLength(join(items)) > width && items.some((i) => i.priority > 0)) {
    const worst = Math.max(...items.map((i) => i.priority));
    const at = items.map((i) => i.priority).lastIndexOf(worst);
    items = items.filter((_, k) => k !== at);
  }
  return join(items);
}

export function StatusLine({ session, theme, width }: StatusLineProps) {
  return <Line segs={statusSegs(session, theme, width)} width={width} theme={theme} />;
}
