import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsOf, fieldErrorsToErrors, issuesToErrors, pointerOf } from "./field-errors";

const ZForm = z.strictObject({ title: z.string().min(1, "Enter a title"), sessions: z.array(z.object({ startsAt: z.string().min(1, "Pick a time") })) });
const issues = ZForm.safeParse({ title: "", sessions: [{ startsAt: "" }], extra: 1 }).error!.issues;

describe("one translation of validation issues", () => {
  it("keys form field errors like the inputs, first message per field", () => {
    expect(fieldErrorsOf(issues)).toEqual({ title: "Enter a title", "sessions.0.startsAt": "Pick a time", form: expect.any(String) });
    expect(fieldErrorsOf(issues, (path) => `x.${String(path[0] ?? "")}`)).toMatchObject({ "x.title": "Enter a title", "x.sessions": "Pick a time" });
  });

  it("points at the same values with JSON Pointers for problem+json, unknown keys at the key", () => {
    expect(issuesToErrors(issues)).toEqual([
      { pointer: "/title", detail: "Enter a title" },
      { pointer: "/sessions/0/startsAt", detail: "Pick a time" },
      { pointer: "/extra", detail: "Unknown field: extra" },
    ]);
    expect(pointerOf(["a/b", "c~d"])).toBe("/a~1b/c~0d");
    expect(fieldErrorsToErrors({ "sessions.0.startsAt": "Pick a time", form: "Nope" })).toEqual([
      { pointer: "/sessions/0/startsAt", detail: "Pick a time" },
      { pointer: "", detail: "Nope" },
    ]);
  });
});
