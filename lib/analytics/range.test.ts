import { describe, expect, it } from "vitest";
import { bucketStarts, parseDateRange } from "./range";

const now = new Date("2026-05-20T15:00:00Z");

describe("parseDateRange", () => {
  it("defaults to the last 30 days, today included", () => {
    const { range, error } = parseDateRange({}, now);
    expect(error).toBeNull();
    expect(range).toMatchObject({ from: "2026-04-21", to: "2026-05-20", bucket: "day" });
    expect(range.start.toISOString()).toBe("2026-04-21T00:00:00.000Z");
    expect(range.end.toISOString()).toBe("2026-05-21T00:00:00.000Z");
  });

  it("says what was wrong and falls back to something sensible", () => {
    expect(parseDateRange({ from: "2026-02-30" }, now).error).toMatch(/Use dates like/);
    const swapped = parseDateRange({ from: "2026-05-10", to: "2026-05-01" }, now);
    expect(swapped.error).toMatch(/after the end date/);
    expect(swapped.range).toMatchObject({ from: "2026-04-02", to: "2026-05-01" });
    const long = parseDateRange({ from: "2010-01-01", to: "2026-01-01" }, now);
    expect(long.error).toMatch(/three years/);
    expect(long.range.bucket).toBe("month");
  });

  it("picks weeks past three months and months past two years", () => {
    expect(parseDateRange({ from: "2026-01-01", to: "2026-03-31" }, now).range.bucket).toBe("day");
    expect(parseDateRange({ from: "2025-06-01", to: "2026-05-20" }, now).range.bucket).toBe("week");
  });
});

describe("bucketStarts", () => {
  it("lists every day, ISO week (from Monday) or month touching the range", () => {
    expect(bucketStarts(parseDateRange({ from: "2026-05-01", to: "2026-05-03" }, now).range)).toEqual(["2026-05-01", "2026-05-02", "2026-05-03"]);
    const weeks = bucketStarts({ ...parseDateRange({ from: "2026-01-07", to: "2026-01-20" }, now).range, bucket: "week" });
    expect(weeks).toEqual(["2026-01-05", "2026-01-12", "2026-01-19"]);
    const months = bucketStarts({ ...parseDateRange({ from: "2026-01-31", to: "2026-03-01" }, now).range, bucket: "month" });
    expect(months).toEqual(["2026-01-01", "2026-02-01", "2026-03-01"]);
  });
});
