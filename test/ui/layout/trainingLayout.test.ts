import { describe, expect, it } from 'vitest';
import { MIN_SIZE } from '../../../src/terminal/size.js';
import { networkLines, pagedLines } from '../../../src/ui/layout/panelSizes.js';
import { layoutFor, type Layout, type LayoutInfo, type PanelName } from '../../../src/ui/layout/trainingLayout.js';

const TWO_LAYER: LayoutInfo = { deep: false, rows: 6, hidden: 4 };
const DEEP_4: LayoutInfo = { deep: true, rows: 4, hidden: 4 };
const DEEP_8: LayoutInfo = { deep: true, rows: 4, hidden: 8 };
const SIZES = [
  [60, 20],
  [80, 24],
  [100, 30],
  [120, 40],
  [200, 60],
] as const;

function fits(size: { columns: number; rows: number }, info: LayoutInfo): Layout {
  const layout = layoutFor(size, info);
  if (layout.tooSmall) throw new Error(`too small at ${size.columns}x${size.rows}`);
  return layout;
}

const panels = (l: Layout): PanelName[] => l.bands.flatMap((b) => b.panels);

describe('layoutFor: every size from the minimum up', () => {
  for (const [columns, rows] of SIZES) {
    for (const [name, info] of [
      ['2-layer, 6 rows', TWO_LAYER],
      ['3-layer, hidden 4', DEEP_4],
      ['3-layer, hidden 8', DEEP_8],
    ] as const) {
      it(`${columns}x${rows}, ${name}: lights, network, chart and status fit in rows - 1`, () => {
        const l = fits({ columns, rows }, info);
        expect(panels(l)).toEqual(expect.arrayContaining(['lights', 'network', 'chart']));
        // The frame never reaches the last row: Ink would clear the screen on every redraw.
        expect(l.height).toBeLessThanOrEqual(rows - 1);
        const chrome = 1 + (l.hints ? 1 : 0) + l.captionLines + l.spacing * (l.bands.length + 1);
        expect(chrome + l.bands.reduce((a, b) => a + b.height, 0)).toBe(l.height);
        // Side by side, the panels and the gaps between them fit the width.
        for (const band of l.bands) {
          const widths = band.panels.map((p) => (p === 'side' ? l.side!.width : p === 'extra' ? l.extra!.width : l[p].width));
          expect(widths.reduce((a, b) => a + b, 0) + l.gap * (band.panels.length - 1)).toBeLessThanOrEqual(columns);
          for (const p of band.panels) {
            const box = p === 'side' ? l.side! : p === 'extra' ? l.extra! : l[p];
            expect(box.height).toBeLessThanOrEqual(band.height);
          }
        }
        expect(l.chart.height).toBeGreaterThanOrEqual(5);
      });
    }
  }
});

describe('layoutFor: what each size shows', () => {
  it('80x24: street lights, weights, chart, status, pressure table and a caption at once', () => {
    for (const info of [TWO_LAYER, DEEP_4]) {
      const l = fits({ columns: 80, rows: 24 }, info);
      expect(panels(l).sort()).toEqual(['chart', 'lights', 'network', 'side']);
      expect(l.captionLines).toBeGreaterThanOrEqual(1);
      expect(l.hints).toBe(true);
      expect(l.roomy).toBe(false);
      // Every street light is visible, and the whole network.
      expect(l.lights.height).toBe(1 + info.rows);
      expect(l.network.height).toBe(l.network.paged ? pagedLines(info, l.network.detail) : networkLines(info, l.network.detail));
    }
  });

  it('80x24, 3-layer with hidden 8: the network takes the full width, the lights go beside the chart', () => {
    const l = fits({ columns: 80, rows: 24 }, DEEP_8);
    expect(l.network.width).toBe(14 + 8 * 8);
    expect(l.bands[0]!.panels).toEqual(['network']);
    expect(l.bands[1]!.panels).toEqual(expect.arrayContaining(['lights', 'chart']));
  });

  it('60x20: still lights, network and chart, one band under the other where needed', () => {
    const l = fits({ columns: 60, rows: 20 }, DEEP_4);
    expect(l.bands.map((b) => b.panels)).toEqual([['network'], ['lights', 'chart']]);
    expect(l.height).toBeLessThanOrEqual(19);
    const two = fits({ columns: 60, rows: 20 }, TWO_LAYER);
    expect(two.bands[0]!.panels).toEqual(['lights', 'network']);
  });

  it('120x40 and up: roomy, with every panel, full network detail, a two-line caption and a taller chart', () => {
    for (const info of [TWO_LAYER, DEEP_4, DEEP_8]) {
      const l = fits({ columns: 120, rows: 40 }, info);
      expect(l.roomy).toBe(true);
      expect(l.spacing).toBe(1);
      expect(l.side).toBeDefined();
      expect(l.network.detail).toBe(true);
      expect(l.captionLines).toBe(2);
      expect(l.chart.height).toBeGreaterThan(fits({ columns: 80, rows: 24 }, info).chart.height);
    }
    const wide = fits({ columns: 200, rows: 60 }, DEEP_8);
    expect(wide.chart.width).toBeGreaterThanOrEqual(120);
    const withViews = fits({ columns: 200, rows: 60 }, { ...DEEP_8, views: ['pressure-now', 'intermediate'] });
    expect(withViews.chart.width + withViews.extra!.width + withViews.gap).toBe(200);
    expect(wide.chart.height).toBeGreaterThanOrEqual(20);
  });

  it('100x30: a chart wider or taller than at 80x24', () => {
    const small = fits({ columns: 80, rows: 24 }, TWO_LAYER);
    const mid = fits({ columns: 100, rows: 30 }, TWO_LAYER);
    expect(mid.chart.width * mid.chart.height).toBeGreaterThan(small.chart.width * small.chart.height);
  });

  it('a pressure-focused scenario keeps its table even at the minimum size', () => {
    const l = fits({ columns: 60, rows: 20 }, { ...TWO_LAYER, focus: 'pressure' });
    expect(l.side).toBeDefined();
  });

  it('held-out rows widen the street lights', () => {
    const plain = fits({ columns: 120, rows: 40 }, TWO_LAYER);
    const held = fits({ columns: 120, rows: 40 }, { ...TWO_LAYER, heldOut: true, trainRows: 1 });
    expect(held.lights.width).toBeGreaterThan(plain.lights.width);
    expect(held.side!.height).toBe(5);
  });

  it('linear 3-layer nets get a line for the equivalent single layer, and no relu mask', () => {
    expect(networkLines({ ...DEEP_4, linear: true }, false)).toBe(networkLines(DEEP_4, false) + 1 - 1);
  });

  it('120x40: a 3-layer net shows its forward and backward lines at once, and a second view beside the chart', () => {
    const l = fits({ columns: 120, rows: 40 }, { ...DEEP_4, views: ['pressure-now', 'intermediate'] });
    expect(l.network.paged).toBe(false);
    expect(l.extra).toBeDefined();
  });

  it('80x24: a 3-layer net pages its network, and keeps two caption lines', () => {
    const l = fits({ columns: 80, rows: 24 }, { ...DEEP_4, views: ['pressure-now', 'intermediate'] });
    expect(l.network.paged).toBe(true);
    expect(l.captionLines).toBe(2);
  });

  it('big scenarios (many rows, inputs, hidden nodes) still fit, windowed', () => {
    for (const [columns, rows] of SIZES) {
      const l = fits({ columns, rows }, { deep: true, rows: 1000, hidden: 256, inputs: 64, heldOut: true, trainRows: 500 });
      expect(l.height).toBeLessThanOrEqual(rows - 1);
      expect(panels(l)).toEqual(expect.arrayContaining(['lights', 'network', 'chart']));
    }
  });
});

describe('layoutFor: below the minimum', () => {
  it('says which size it needs', () => {
    for (const size of [
      { columns: 59, rows: 24 },
      { columns: 80, rows: 19 },
      { columns: 40, rows: 10 },
      { columns: 0, rows: 0 },
    ]) {
      for (const info of [TWO_LAYER, DEEP_4, DEEP_8]) {
        expect(layoutFor(size, info)).toEqual({ tooSmall: true, need: { columns: MIN_SIZE.columns, rows: MIN_SIZE.rows } });
      }
    }
  });

  it('fits at exactly the minimum', () => {
    expect(layoutFor(MIN_SIZE, DEEP_8).tooSmall).toBeFalsy();
  });
});
