// Any refusal is answered by its code through PROBLEMS: this module knows no room.
import { describe, expect, it } from "vitest";
import { AdminError } from "@/lib/admin/errors";
import { CheckInRefusal } from "@/lib/check-in/refusal";
import { Refusal } from "@/lib/errors/refusal";
import { OrderError } from "@/lib/orders/errors";
import { problemFromRefusal, PROBLEMS } from "./problem";

describe("problemFromRefusal", () => {
  it("answers a refusal with the problem of its code, its message and its wait", () => {
    const problem = problemFromRefusal(new OrderError("busy", "Very busy.", undefined, 3));
    expect(problem).toEqual({ type: "/developers#problem-busy", title: PROBLEMS.busy.title, status: 503, code: "busy", detail: "Very busy.", retryAfterSeconds: 3 });
  });

  it("points at the fields: by the caller's mapping, else by the field's dotted path", () => {
    const sold = new OrderError("sold_out", "Adult is sold out", "quantity.t1");
    expect(problemFromRefusal(sold, (field) => (field === "quantity.t1" ? "/items/0/quantity" : undefined)).errors).toEqual([{ pointer: "/items/0/quantity", detail: "Adult is sold out" }]);
    expect(problemFromRefusal(sold, () => undefined).errors).toBeUndefined();
    const admin = new AdminError("validation_failed", "Check the highlighted fields.", { "sessions.0.startsAt": "Pick a time" });
    expect(problemFromRefusal(admin)).toMatchObject({ status: 422, code: "validation_failed", errors: [{ pointer: "/sessions/0/startsAt", detail: "Pick a time" }] });
  });

  it("tells a concealed refusal as a plain not_found (the admin area to a stranger)", () => {
    expect(problemFromRefusal(new AdminError("forbidden", "Not found"))).toEqual({ type: "/developers#problem-not_found", title: PROBLEMS.not_found.title, status: 404, code: "not_found", detail: "Not found." });
    expect(problemFromRefusal(new Refusal("forbidden", "Not allowed")).status).toBe(403);
  });

  it("carries a room's extension members, never over the standard ones", () => {
    const verdict = { result: "rejected", reason: "void", ticket: null } as const;
    expect(problemFromRefusal(new CheckInRefusal(verdict))).toMatchObject({ status: 422, code: "ticket_rejected", detail: "Ticket void", verdict });
    const sneaky = new Refusal("conflict", "Changed", { extensions: { status: 200, code: "ok", note: "kept" } });
    expect(problemFromRefusal(sneaky)).toMatchObject({ status: 409, code: "conflict", note: "kept" });
  });
});
