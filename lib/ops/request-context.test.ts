import { describe, expect, it } from "vitest";
import { acceptRequestId, currentRequestId, requestIdHeaders, runJobWithContext, runWithRequestContext, withActionContext } from "./request-context";

describe("request context", () => {
  it("keeps a well-formed caller id and replaces anything else", () => {
    expect(acceptRequestId("worker-3f2a:1")).toBe("worker-3f2a:1");
    for (const bad of ["", "has space", "quote\"", "x".repeat(129), "line\nbreak", null, undefined]) {
      expect(acceptRequestId(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("carries the id through awaits and onto the queue kick's headers", async () => {
    expect(currentRequestId()).toBeUndefined();
    expect(requestIdHeaders()).toEqual({});
    await runWithRequestContext({ requestId: "req-1" }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      expect(currentRequestId()).toBe("req-1");
      expect(requestIdHeaders()).toEqual({ "x-request-id": "req-1" });
    });
    expect(currentRequestId()).toBeUndefined();
  });

  it("runs a job under the id stored in its payload, else the drain's, else its own", () => {
    const job = { id: "00000000-0000-4000-8000-000000000001", kind: "deliver_order" };
    expect(runJobWithContext({ ...job, payload: { requestId: "buyer-req" } }, currentRequestId)).toBe("buyer-req");
    expect(runWithRequestContext({ requestId: "drain-req" }, () => runJobWithContext({ ...job, payload: {} }, currentRequestId))).toBe("drain-req");
    expect(runJobWithContext({ ...job, payload: {} }, currentRequestId)).toBe(job.id);
  });

  it("gives a server action a fresh id outside a request", async () => {
    expect(await withActionContext("testAction", async () => currentRequestId())).toMatch(/^[0-9a-f-]{36}$/);
  });
});
