import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signTicket } from "./signing";
import { decodeTicketCode, encodeTicketPayload, fromBase64Url, signedMessage, toBase64Url, verifyTicketCode } from "./ticket-code";

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const raw = new Uint8Array(Buffer.from(publicKey.export({ format: "jwk" }).x!, "base64url"));
  return { privateKey, publicKey: raw };
}

const facts = {
  ticketId: "0f8fad5b-d9cb-469f-a165-70867728950e",
  eventId: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
  orderReference: "LT-7K2M9QXD",
  startsAt: new Date("2027-03-05T20:30:00Z"),
};
const door = keyPair();

function signWith(key: ReturnType<typeof keyPair>, payload = facts): string {
  const body = encodeTicketPayload(payload);
  return `${toBase64Url(body)}.${toBase64Url(new Uint8Array(sign(null, signedMessage(body), key.privateKey)))}`;
}

function flipCharacter(text: string, index: number): string {
  const replacement = text[index] === "A" ? "B" : "A";
  return `${text.slice(0, index)}${replacement}${text.slice(index + 1)}`;
}

describe("base64url", () => {
  it("matches Node's encoding and refuses non-canonical spellings", () => {
    for (let length = 0; length < 40; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length) & 0xff);
      const text = toBase64Url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString("base64url"));
      expect(Array.from(fromBase64Url(text) ?? [])).toEqual(Array.from(bytes));
    }
    expect(fromBase64Url("QR")).toBeNull(); // leftover bits set: "QQ" is the canonical spelling
    expect(fromBase64Url("QQ==")).toBeNull();
    expect(fromBase64Url("Q")).toBeNull();
  });
});

describe("Ed25519 ticket codes (version 2)", () => {
  it("verify with the public key and carry ticket, event, order and start", async () => {
    const code = signWith(door);
    expect(code.length).toBeLessThan(160);
    expect(await verifyTicketCode(code, door.publicKey)).toEqual(facts);
    expect(signWith(door)).toBe(code); // Ed25519 is deterministic: the same ticket, the same QR
  });

  it("refuse a code signed with another key", async () => {
    expect(await verifyTicketCode(signWith(keyPair()), door.publicKey)).toBeNull();
  });

  it("refuse any change to the payload or the signature", async () => {
    const [body, signature] = signWith(door).split(".");
    for (let index = 0; index < body.length; index++) {
      expect(await verifyTicketCode(`${flipCharacter(body, index)}.${signature}`, door.publicKey)).toBeNull();
    }
    expect(await verifyTicketCode(`${body}.${flipCharacter(signature, 7)}`, door.publicKey)).toBeNull();
    // Another event's payload with this ticket's signature.
    const other = signWith(door, { ...facts, eventId: "11111111-2222-4333-8444-555555555555" });
    expect(await verifyTicketCode(`${other.split(".")[0]}.${signature}`, door.publicKey)).toBeNull();
  });

  it("refuse a version 1 (HMAC) code and malformed input without throwing", async () => {
    const legacy = signTicket(facts, "legacy-secret-0123456789-0123456789");
    expect(decodeTicketCode(legacy)).toMatchObject({ version: 1, ticketId: facts.ticketId, eventId: null });
    expect(await verifyTicketCode(legacy, door.publicKey)).toBeNull();
    const [body, signature] = signWith(door).split(".");
    for (const candidate of ["", ".", body, `${body}.`, `${body}.${signature}.x`, `${body}.${signature.slice(0, -2)}`, "x".repeat(10_000), "not a code"]) {
      expect(await verifyTicketCode(candidate, door.publicKey)).toBeNull();
    }
    expect(await verifyTicketCode(signWith(door), new Uint8Array(31))).toBeNull();
  });

  it("refuse to sign what they could not read back", () => {
    expect(() => encodeTicketPayload({ ...facts, eventId: "nope" })).toThrow(RangeError);
    expect(() => encodeTicketPayload({ ...facts, orderReference: "Ünïcode" })).toThrow(RangeError);
    expect(() => encodeTicketPayload({ ...facts, startsAt: new Date(Number.NaN) })).toThrow(RangeError);
  });
});
