/**
 * Focus (`z`): one panel alone, as large as the screen allows (the chart fills it; the network, the
 * street lights and the pressure table get their widest form with every detail), centred between
 * the status line and the caption, for a room reading a projector from the back. The panels are
 * the training screen's own components, drawn through its `panel` function, so they show exactly
 * what they show there; only the box they are given changes.
 */
import { Box } from 'ink';
import type { ReactNode } from 'react';
import type { AppState } from '../../session/app.js';
import type { FocusPanel } from '../../session/focus.js';
import { contextsOf, hintsFor } from '../../session/keymap/index.js';
import type { SessionState } from '../../session/state.js';
import { MIN_SIZE, type Size } from '../../terminal/size.js';
import { captionFor } from '../captions.js';
import { lightsNeed, networkLines, networkNeed, sideNeed, type LayoutInfo } from '../layout/panelSizes.js';
import type { Layout, PanelBox, PanelName } from '../layout/trainingLayout.js';
import { Caption } from '../panels/caption.js';
import { KeyHints } from '../panels/keyHints.js';
import { StatusLine } from '../panels/statusLine.js';
import type { Theme } from '../theme.js';
import { TooSmallMessage } from './tooSmall.js';

export interface FocusLayout {
  readonly width: number;
  /** The panel's box, and where it sits in the area between the status line and the caption. */
  readonly box: PanelBox;
  readonly top: number;
  readonly left: number;
  /** Lines of the area the panel is centred in. */
  readonly area: number;
  readonly captionLines: number;
  /** A 3-layer net's network, when its full lines do not fit the area: one page at a time. */
  readonly paged: boolean;
}

/** Where the focused panel goes at `size`: pure geometry, the frame at most rows - 1 tall. */
export function focusLayout(size: Size, info: LayoutInfo, panel: FocusPanel): FocusLayout {
  const width = size.columns;
  const captionLines = size.rows >= 24 ? 2 : 1;
  // Status line, a blank line, the area, a blank line, the caption, the hints.
  const area = Math.max(1, size.rows - 1 - 1 - 1 - 1 - captionLines - 1);
  const paged = info.deep && networkLines(info, true) > area;
  const need = panel === 'lights' ? lightsNeed(info) : panel === 'network' ? networkNeed(info, true, paged) : panel === 'pressure' ? sideNeed(info) : undefined;
  const box: PanelBox = need ? { width: Math.min(width, need.maxWidth), height: Math.min(area, need.height) } : { width, height: area };
  return { width, box, top: Math.floor((area - box.height) / 2), left: Math.floor((width - box.width) / 2), area, captionLines, paged };
}

export type PanelRenderer = (name: PanelName, layout: Layout, session: SessionState, theme: Theme) => ReactNode;

export interface FocusScreenProps {
  readonly app: AppState;
  readonly session: SessionState;
  readonly panel: FocusPanel;
  readonly theme: Theme;
  readonly size: Size;
  readonly info: LayoutInfo;
  /** The training screen's panel function (passed in, so the two screens do not import each other). */
  readonly renderPanel: PanelRenderer;
}

/** A training layout that gives every panel the focused one's box (only the focused one is drawn). */
function layoutWith(focus: FocusLayout): Layout {
  const box = focus.box;
  return {
    width: focus.width,
    height: focus.area,
    roomy: false,
    spacing: 0,
    gap: 0,
    bands: [],
    lights: box,
    network: { ...box, detail: true, paged: focus.paged },
    chart: box,
    side: box,
    extra: box,
    captionLines: focus.captionLines,
    hints: true,
  };
}

export function FocusScreen({ app, session, panel, theme, size, info, renderPanel }: FocusScreenProps) {
  if (size.columns < MIN_SIZE.columns || size.rows < MIN_SIZE.rows) return <TooSmallMessage need={MIN_SIZE} size={size} theme={theme} />;
  const layout = focusLayout(size, info, panel);
  const caption = captionFor(session);
  const lines = app.notice === undefined ? caption : [app.notice, ...caption.slice(1)];
  return (
    <Box flexDirection="column" width={layout.width}>
      <StatusLine session={session} theme={theme} width={layout.width} />
      <Box height={1} />
      <Box flexDirection="column" height={layout.area} paddingTop={layout.top} paddingLeft={layout.left}>
        {renderPanel(panel === 'pressure' ? 'side' : panel, layoutWith(layout), session, theme)}
      </Box>
      <Box height={1} />
      <Caption lines={lines} theme={theme} width={layout.width} height={layout.captionLines} />
      <KeyHints hints={hintsFor(contextsOf(app), app)} theme={theme} width={layout.width} />
    </Box>
  );
}
