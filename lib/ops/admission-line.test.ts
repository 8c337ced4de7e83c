import { describe, expect, it, vi } from "vitest";
import { AdmissionLine } from "./admission-line";

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe("AdmissionLine", () => {
  it("runs at most `concurrency` at once and admits the waiting in arrival order", async () => {
    const line = new AdmissionLine({ concurrency: 2, maxWaitMs: 10_000, maxWaiting: 10 });
    const gates = Array.from({ length: 5 }, gate);
    const started: number[] = [];
    const runs = gates.map((g, index) => line.run(async () => { started.push(index); await g.promise; return index; }));
    await tick();
    expect(started).toEqual([0, 1]);
    expect(line.queued).toBe(3);
    gates[1].open();
    await tick(); await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[0].open();
    await tick(); await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    for (const g of gates) g.open();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(line.inFlight).toBe(0);
  });

  it("answers busy with a Retry-After when the wait runs out, and the line keeps working", async () => {
    vi.useFakeTimers();
    try {
      const line = new AdmissionLine({ concurrency: 1, maxWaitMs: 1000, maxWaiting: 10 });
      const hold = gate();
      const first = line.run(() => hold.promise);
      const second = line.run(async () => "never").catch((e) => e);
      await vi.advanceTimersByTimeAsync(1001);
      const error = await second;
      expect(error).toMatchObject({ code: "busy" });
      expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(line.queued).toBe(0);
      hold.open();
      await first;
      expect(await line.run(async () => "next")).toBe("next");
    } finally {
      vi.useRealTimers();
    }
  });

  it("answers busy at once when the line is full, and a failing job frees its place", async () => {
    const line = new AdmissionLine({ concurrency: 1, maxWaitMs: 10_000, maxWaiting: 1 });
    const hold = gate();
    const first = line.run(() => hold.promise);
    const waiting = line.run(async () => { throw new Error("boom"); });
    await expect(line.run(async () => "too many")).rejects.toMatchObject({ code: "busy" });
    hold.open();
    await first;
    await expect(waiting).rejects.toThrow("boom");
    expect(line.inFlight).toBe(0);
    expect(await line.run(async () => "ok")).toBe("ok");
  });
});
