import { describe, expect, it } from "vitest";
import { layoutBarChart, niceScale } from "./chart";

describe("niceScale", () => {
  it("rounds the axis up to a readable step", () => {
    expect(niceScale(0)).toEqual({ max: 4, step: 1 });
    expect(niceScale(7)).toEqual({ max: 8, step: 2 });
    expect(niceScale(93)).toEqual({ max: 100, step: 25 });
    expect(niceScale(1234)).toEqual({ max: 1500, step: 500 });
  });
});

describe("layoutBarChart", () => {
  it("places bars inside the plot, tallest at the top of its scale, with a subset of labels", () => {
    const points = Array.from({ length: 30 }, (_, index) => ({ label: `d${index}`, value: index === 10 ? 40 : 5 }));
    const layout = layoutBarChart(points);
    expect(layout.bars).toHaveLength(30);
    for (const bar of layout.bars) {
      expect(bar.x).toBeGreaterThanOrEqual(layout.plot.left);
      expect(bar.x + bar.width).toBeLessThanOrEqual(layout.plot.right + 0.001);
      expect(bar.y + bar.height).toBeCloseTo(layout.plot.bottom);
    }
    expect(layout.bars[10].y).toBeCloseTo(layout.plot.top);
    expect(layout.ticks.map((tick) => tick.value)).toEqual([0, 10, 20, 30, 40]);
    expect(layout.labelled.length).toBeLessThanOrEqual(8);
  });
});
