/**
 * The scenario picker: every scenario with its one-line summary, the highlighted one's description
 * beside the list on a wide screen or below it on a narrow one, scenario files that failed to load,
 * and a hint line from the keymap.
 *
 * The highlight and the window of the list are the app reducer's state (keys go through our keymap, so
 * a burst of keys moves as many rows as there were keys); ink-select-input only draws that window, not
 * focused (`isFocused={false}`: it reads no keys), shown at the reducer's highlight through
 * `initialIndex`, remounted by its `key` whenever the highlight or the window moves.
 */
import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import { useMemo } from 'react';
import type { Scenario } from '../../scenarios/schema.js';
import type { AppState } from '../../session/app.js';
import { hintsFor } from '../../session/keymap/index.js';
import { pickerWindow } from '../../session/picker.js';
import type { Size } from '../../terminal/size.js';
import { displayWidth, fitText, padRight, wrap } from '../format/text.js';
import { pickerLayout, type PickerLayout } from '../layout/pickerLayout.js';
import { hintSegs } from '../panels/keyHints.js';
import { Line, Title, seg, type Seg } from '../panels/line.js';
import type { Theme } from '../theme.js';
import { TooSmallMessage } from './tooSmall.js';

export interface PickerScreenProps {
  readonly app: AppState;
  readonly theme: Theme;
  readonly size: Size;
}

/** Layers, data, mode and hyper-parameters in one line. */
export function scenarioFacts(s: Scenario, alpha: string): string {
  const rows = s.data.inputs.length;
  const trained = s.data.train ? `${s.data.train.length} of ${rows} rows trained` : `${rows} row${rows === 1 ? '' : 's'}`;
  const net = s.network.layers === 3 ? `3-layer, ${s.network.hidden} hidden, ${s.network.activation}` : '2-layer';
  const mode = s.training.mode === 'batch' ? `batch ${s.training.batchSize}` : s.training.mode;
  return [net, trained, mode, `${alpha} ${s.training.alpha}`, `${s.training.iterations} iterations`].join(', ');
}

const idWidthOf = (scenarios: readonly Scenario[]) => Math.max(4, ...scenarios.map((s) => displayWidth(s.id)));

/** The widest list label: id, two spaces, summary. */
export function labelWidthOf(scenarios: readonly Scenario[]): number {
  const idWidth = idWidthOf(scenarios);
  return Math.max(0, ...scenarios.map((s) => idWidth + 2 + displayWidth(s.summary || s.title)));
}

/** The picker's layout for the app's scenarios (the root component reports its list rows to the reducer). */
export function pickerLayoutFor(app: AppState, size: Size): PickerLayout {
  return pickerLayout(size, { count: app.scenarios.length, labelWidth: labelWidthOf(app.scenarios), problems: app.problems.length });
}

export function PickerScreen({ app, theme, size }: PickerScreenProps) {
  const layout = pickerLayoutFor(app, size);
  const { width, beside, listWidth, detailWidth } = layout;
  const idWidth = idWidthOf(app.scenarios);
  const count = app.scenarios.length;
  const view = pickerWindow({ ...app.picker, room: layout.listRows }, count);
  const highlighted = Math.max(0, Math.min(count - 1, app.picker.highlighted));
  const current = app.scenarios[highlighted];

  const items = useMemo(
    () =>
      app.scenarios.slice(view.start, view.end).map((s, k) => ({
        key: `${view.start + k}:${s.id}`,
        value: view.start + k,
        // One line each, whatever the summary holds: a newline must not split a row.
        label: fitText(theme.text(`${padRight(s.id, idWidth)}  ${(s.summary || s.title).replace(/\s+/g, ' ')}`), listWidth - 2, theme.glyphs.ellipsis),
      })),
    [app.scenarios, view.start, view.end, idWidth, listWidth, theme],
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
  if (layout.tooSmall) return <TooSmallMessage need={{ columns: 30, rows: 6 }} size={size} theme={theme} />;

  const detail: Seg[] = [];
  const detailLines: Seg[][] = current
    ? [
        ...wrap(theme.text(current.title), detailWidth).map((text) => [seg(text, 'accent', true)]),
        ...wrap(theme.text(current.description || current.summary), detailWidth).map((text) => [seg(text)]),
        ...wrap(theme.text(scenarioFacts(current, theme.glyphs.alpha)), detailWidth).map((text) => [seg(text, 'label')]),
        ...(current.source !== 'built-in' ? [[seg(fitText(theme.text(current.source), detailWidth, theme.glyphs.ellipsis), 'label')]] : []),
      ]
    : [detail];
  const shownDetail = detailLines.slice(0, layout.detailLines);
  const problems = app.problems.map((p) => theme.text(p));
  const shownProblems = problems.length > layout.problemLines ? [...problems.slice(0, Math.max(0, layout.problemLines - 1)), `and ${problems.length - layout.problemLines + 1} more files that did not load`] : problems;
  const scroll = count > layout.listRows ? `${view.start + 1}-${view.end} of ${count}` : '';

  return (
    <Box flexDirection="column" width={width}>
      <Title
        title="streetlight-tui"
        width={width}
        theme={theme}
        right={scroll ? [seg(scroll, 'label')] : [seg(theme.text('Grokking Deep Learning, chapter 6'), 'label')]}
      />
      <Box flexDirection={beside ? 'row' : 'column'}>
        <Box flexDirection="column" width={listWidth} flexShrink={0} height={layout.listRows}>
          <SelectInput
            key={`${view.start}:${highlighted}`}
            items={items}
            isFocused={false}
            initialIndex={highlighted - view.start}
            indicatorComponent={indicator}
            itemComponent={item}
          />
        </Box>
        {shownDetail.length > 0 ? (
          <Box flexDirection="column" width={detailWidth} marginLeft={beside ? 2 : 0} marginTop={beside ? 0 : 1}>
            {shownDetail.map((segs, i) => (
              <Line key={i} segs={segs} width={detailWidth} theme={theme} />
            ))}
          </Box>
        ) : null}
      </Box>
      {layout.problemLines > 0 ? (
        <Box flexDirection="column" marginTop={1}>
          {shownProblems.slice(0, layout.problemLines).map((p, i) => (
            <Line key={i} segs={[seg(p, 'warning')]} width={width} theme={theme} />
          ))}
        </Box>
      ) : null}
      <Line segs={hintSegs(hintsFor('picker', app), theme, width)} width={width} theme={theme} />
    </Box>
  );
}
