// Geometry of the sales chart (a bar per bucket), computed on the server: the SVG needs no
// client JavaScript and reads the same with or without it.

export type ChartBar = { x: number; y: number; width: number; height: number; value: number; label: string };
export type ChartTick = { y: number; value: number };
export type ChartLayout = {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  bars: ChartBar[];
  ticks: ChartTick[];
  /** Indexes of the bars whose label is printed under the axis (a readable subset). */
  labelled: number[];
};

/** The smallest "nice" axis maximum (1, 2, 2.5 or 5 × 10ⁿ) at or above `value`, and its tick step. */
export function niceScale(value: number, tickCount = 4): { max: number; step: number } {
  if (value <= 0) return { max: tickCount, step: 1 };
  const rough = value / tickCount;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough)!;
  const wholeStep = Math.max(1, step);
  return { max: Math.ceil(value / wholeStep) * wholeStep, step: wholeStep };
}

/** `size`: the viewBox, drawn at about that many CSS pixels so its 11 px labels stay 11 px; `maxLabels`: labels under the axis. */
export function layoutBarChart(points: { label: string; value: number }[], size = { width: 720, height: 260 }, maxLabels = 8): ChartLayout {
  const plot = { left: 48, top: 12, right: size.width - 8, bottom: size.height - 28 };
  const { max, step } = niceScale(Math.max(0, ...points.map((point) => point.value)));
  const plotHeight = plot.bottom - plot.top;
  const slot = (plot.right - plot.left) / Math.max(1, points.length);
  const gap = Math.min(4, slot * 0.2);
  const bars = points.map((point, index) => {
    const height = max > 0 ? (point.value / max) * plotHeight : 0;
    return { x: plot.left + index * slot + gap / 2, y: plot.bottom - height, width: Math.max(1, slot - gap), height, value: point.value, label: point.label };
  });
  const ticks: ChartTick[] = [];
  for (let value = 0; value <= max; value += step) ticks.push({ value, y: plot.bottom - (value / max) * plotHeight });
  const every = Math.max(1, Math.ceil(points.length / maxLabels));
  const labelled = points.map((_, index) => index).filter((index) => index % every === 0);
  return { width: size.width, height: size.height, plot, bars, ticks, labelled };
}
