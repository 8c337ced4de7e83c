import { describe, expect, it } from "vitest";
import { formDataToObject } from "./form-data";

describe("formDataToObject", () => {
  it("nests dotted names, makes arrays of numeric segments and closes gaps left by removed rows", () => {
    const form = new FormData();
    form.append("title", "Jazz");
    form.append("sessions.0.startsAt", "2026-05-01T20:00");
    form.append("sessions.0.ticketTypes.0.name", "GA");
    form.append("sessions.0.ticketTypes.2.name", "VIP");
    form.append("sessions.3.startsAt", "2026-05-02T20:00");
    form.append("$ACTION_ID_abc", "");
    form.append("image", new File(["x"], "x.png", { type: "image/png" }));
    form.append("__proto__.polluted", "yes");
    expect(formDataToObject(form)).toEqual({
      title: "Jazz",
      sessions: [
        { startsAt: "2026-05-01T20:00", ticketTypes: [{ name: "GA" }, { name: "VIP" }] },
        { startsAt: "2026-05-02T20:00" },
      ],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
