/**
 * The scenario picker: every scenario with its one-line summary (ink-select-input handles the
 * arrow keys, j/k and Enter), the highlighted one's description beside the list on a wide screen
 * or below it on a narrow one, scenario files that failed to load, and a hint line.
 */
import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import { useMemo } from 'react';
import type { Scenario } from '../scenarios/schema.js';
import type { AppState } from '../session/app.js';
import { wrap } from './panels/caption.js';
import { Line, Title, fitText, seg } from './panels/line.js';
import type { Theme } from './theme.js';

export interface PickerScreenProps {
  readonly app: AppState;
  readonly theme: Theme;
  readonly size: { readonly columns: number; readonly rows: number };
  readonly onOpen: (scenario: Scenario) => void;
  readonly onHighlight: (index: number) => void;
}

/** Beside the list from this width; below it under it. */
const SIDE_BY_SIDE = 100;
const MAX_PROBLEMS = 3;

/** Layers, data, mode and hyper-parameters in one line. */
export function scenarioFacts(s: Scenario, alpha: string): string {
  const rows = s.data.inputs.length;
  const trained = s.data.train ? `${s.data.train.length} of ${rows} rows trained` : `${rows} row${rows === 1 ? '' : 's'}`;
  const net = s.network.layers === 3 ? `3-layer, ${s.network.hidden} hidden, ${s.network.activation}` : '2-layer';
  const mode = s.training.mode === 'batch' ? `batch ${s.training.batchSize}` : s.training.mode;
  return [net, trained, mode, `${alpha} ${s.training.alpha}`, `${s.training.iterations} iterations`].join(', ');
}

export function PickerScreen({ app, theme, size, onOpen, onHighlight }: PickerScreenProps) {
  const width = size.columns;
  const beside = width >= SIDE_BY_SIDE;
  const idWidth = Math.max(...app.scenarios.map((s) => s.id.length), 4);
  const longest = Math.max(...app.scenarios.map((s) => idWidth + 2 + (s.summary || s.title).length)) + 2;
  // Side by side, the list takes what its labels need, leaving the description at least 40 columns.
  const listWidth = beside ? Math.max(Math.floor(width / 2), Math.min(longest, width - 42)) : width;
  const detailWidth = beside ? width - listWidth - 2 : width;
  const current = app.scenarios[app.highlighted] ?? app.scenarios[0];

  const items = useMemo(
    () =>
      app.scenarios.map((s, i) => ({
        key: `${i}:${s.id}`,
        value: i,
        label: fitText(theme.text(`${s.id.padEnd(idWidth)}  ${s.summary || s.title}`), listWidth - 2, theme.glyphs.ellipsis),
      })),
    [app.scenarios, idWidth, listWidth, theme],
  );

  const indicator = useMemo(
    () =>
      ({ isSelected }: { isSelected?: boolean }) => (
        <Box marginRight={1}>
          <Text color={theme.colors.active}>{isSelected ? theme.glyphs.activeRow : ' '}</Text>
        </Box>
      ),
    [theme],
  );
  const item = useMemo(
    () =>
      ({ isSelected, label }: { isSelected?: boolean; label: string }) => (
        <Text color={isSelected ? theme.colors.active : undefined} bold={isSelected} wrap="truncate">
          {label}
        </Text>
      ),
    [theme],
  );

  const detail = current
    ? [
        ...wrap(theme.text(current.title), detailWidth).map((text) => ({ text, color: 'accent' as const, bold: true })),
        ...wrap(theme.text(current.description || current.summary), detailWidth).map((text) => ({ text, color: undefined, bold: false })),
        ...wrap(theme.text(scenarioFacts(current, theme.glyphs.alpha)), detailWidth).map((text) => ({ text, color: 'dim' as const, bold: false })),
        ...(current.source !== 'built-in' ? [{ text: fitText(current.source, detailWidth, theme.glyphs.ellipsis), color: 'dim' as const, bold: false }] : []),
      ]
    : [];
  const problems = app.problems.slice(0, MAX_PROBLEMS).map((p) => theme.text(p));
  if (app.problems.length > MAX_PROBLEMS) problems.push(`and ${app.problems.length - MAX_PROBLEMS} more files that did not load`);

  // Lines: title, list (and description below it when narrow), problems, hint; all within rows - 1.
  const budget = size.rows - 1 - 2 - (problems.length > 0 ? problems.length + 1 : 0);
  const detailLines = beside ? 0 : Math.min(detail.length, Math.max(0, budget - Math.min(app.scenarios.length, 3) - 1));
  const listRoom = Math.max(1, budget - (beside ? 0 : detailLines + 1));
  const limit = app.scenarios.length > listRoom ? listRoom : undefined;
  const shownDetail = beside ? detail.slice(0, Math.max(1, budget)) : detail.slice(0, detailLines);

  const detailBox = (
    <Box flexDirection="column" width={detailWidth} marginLeft={beside ? 2 : 0} marginTop={beside ? 0 : 1}>
      {shownDetail.map((l, i) => (
        <Line key={i} segs={[seg(l.text, l.color, l.bold)]} width={detailWidth} theme={theme} />
      ))}
    </Box>
  );

  return (
    <Box flexDirection="column" width={width}>
      <Title title="streetlight-tui" width={width} theme={theme} right={[seg(theme.text('Grokking Deep Learning, chapter 6'), 'dim')]} />
      <Box flexDirection={beside ? 'row' : 'column'}>
        <Box flexDirection="column" width={listWidth} flexShrink={0}>
          <SelectInput
            items={items}
            initialIndex={Math.max(0, Math.min(app.highlighted, app.scenarios.length - 1))}
            limit={limit}
            onSelect={(item) => onOpen(app.scenarios[item.value]!)}
            onHighlight={(item) => onHighlight(item.value)}
            indicatorComponent={indicator}
            itemComponent={item}
          />
        </Box>
        {detailLines > 0 || beside ? detailBox : null}
      </Box>
      {problems.length > 0 ? (
        <Box flexDirection="column" marginTop={1}>
          {problems.map((p, i) => (
            <Line key={i} segs={[seg(p, 'dim')]} width={width} theme={theme} />
          ))}
        </Box>
      ) : null}
      <Line segs={[seg(theme.text('↑↓ choose · Enter open · q quit'), 'dim')]} width={width} theme={theme} />
    </Box>
  );
}
