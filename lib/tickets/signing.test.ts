import { describe, expect, it } from "vitest";
import { signTicket, verifyTicketCode, type TicketCodePayload } from "./signing";

const SECRET = "door-secret-0123456789-0123456789";
const payload: TicketCodePayload = {
  ticketId: "0f8fad5b-d9cb-469f-a165-70867728950e",
  orderReference: "LT-7K2M9QXD",
  startsAt: new Date("2027-03-05T20:30:00Z"),
};

function flipCharacter(text: string, index: number): string {
  const replacement = text[index] === "A" ? "B" : "A";
  return `${text.slice(0, index)}${replacement}${text.slice(index + 1)}`;
}

describe("signed ticket codes", () => {
  it("round-trips the payload and is deterministic and compact", () => {
    const code = signTicket(payload, SECRET);
    expect(code).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(code.length).toBeLessThan(100);
    expect(signTicket(payload, SECRET)).toBe(code);
    expect(verifyTicketCode(code, SECRET)).toEqual(payload);
  });

  it("keeps only whole seconds of the start", () => {
    const code = signTicket({ ...payload, startsAt: new Date("2027-03-05T20:30:00.789Z") }, SECRET);
    expect(verifyTicketCode(code, SECRET)?.startsAt.toISOString()).toBe("2027-03-05T20:30:00.000Z");
  });

  it("rejects a code signed with another secret", () => {
    expect(verifyTicketCode(signTicket(payload, "another-secret"), SECRET)).toBeNull();
  });

  it("rejects any change to the payload or the signature", () => {
    const code = signTicket(payload, SECRET);
    const [body, signature] = code.split(".");
    for (let index = 0; index < body.length; index++) {
      expect(verifyTicketCode(`${flipCharacter(body, index)}.${signature}`, SECRET)).toBeNull();
    }
    expect(verifyTicketCode(`${body}.${flipCharacter(signature, 5)}`, SECRET)).toBeNull();
    // A payload for another ticket, with the signature of this one.
    const other = signTicket({ ...payload, ticketId: "11111111-2222-4333-8444-555555555555" }, SECRET);
    expect(verifyTicketCode(`${other.split(".")[0]}.${signature}`, SECRET)).toBeNull();
  });

  it("rejects malformed input without throwing", () => {
    const code = signTicket(payload, SECRET);
    const [body, signature] = code.split(".");
    const malformed = [
      "",
      ".",
      body,
      `${body}.`,
      `.${signature}`,
      `${code}.${signature}`,
      `${body}=.${signature}`,
      `${body}.${signature.slice(0, -2)}`,
      `${body}+.${signature}`,
      "not a code at all",
      "x".repeat(10_000),
    ];
    for (const candidate of malformed) expect(verifyTicketCode(candidate, SECRET)).toBeNull();
  });

  it("refuses to sign what it could not read back", () => {
    expect(() => signTicket({ ...payload, ticketId: "not-a-uuid" }, SECRET)).toThrow(RangeError);
    expect(() => signTicket({ ...payload, orderReference: "" }, SECRET)).toThrow(RangeError);
    expect(() => signTicket({ ...payload, orderReference: "Ünïcode" }, SECRET)).toThrow(RangeError);
    expect(() => signTicket({ ...payload, startsAt: new Date(Number.NaN) }, SECRET)).toThrow(RangeError);
    expect(() => signTicket(payload, "")).toThrow();
  });
});
