import { generateKeyPairSync, randomUUID, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signTicket } from "@/lib/tickets/signing";
import { encodeTicketPayload, signedMessage, toBase64Url } from "@/lib/tickets/ticket-code";
import type { DoorList } from "./door-list";
import { offlineVerdict, type LocalAdmission } from "./offline-door";

const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const rawPublicKey = Buffer.from(publicKey.export({ format: "jwk" }).x!, "base64url").toString("base64url");
const eventId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const startsAt = "2027-03-05T20:30:00.000Z";

function code(ticketId: string, overrides: { eventId?: string; startsAt?: string; reference?: string } = {}) {
  const body = encodeTicketPayload({ ticketId, eventId: overrides.eventId ?? eventId, orderReference: overrides.reference ?? "LT-A", startsAt: new Date(overrides.startsAt ?? startsAt) });
  return `${toBase64Url(body)}.${toBase64Url(new Uint8Array(sign(null, signedMessage(body), privateKey)))}`;
}

const ids = { fine: randomUUID(), void: randomUUID(), inAlready: randomUUID(), late: randomUUID() };
const list: DoorList = {
  session: { id: randomUUID(), eventId, eventTitle: "Jazz", startsAt, venueName: "Hall", timeZone: "Europe/Lisbon" },
  publicKey: rawPublicKey,
  syncedAt: "2027-03-05T19:00:00.000Z",
  tickets: [
    { id: ids.fine, orderReference: "LT-A", holderName: "Ana", ticketTypeName: "Standing", shortCode: "K7QMR3XT9P", refusal: null, checkedIn: null },
    { id: ids.void, orderReference: "LT-A", holderName: "Bea", ticketTypeName: "Standing", shortCode: "22222AAAAA", refusal: "refunded", checkedIn: null },
    { id: ids.inAlready, orderReference: "LT-A", holderName: "Cid", ticketTypeName: "Standing", shortCode: "33333BBBBB", refusal: null, checkedIn: { at: "2027-03-05T20:01:00.000Z", by: "door@x", door: "South" } },
  ],
};

const decide = (scanned: string, admittedHere: ReadonlyMap<string, LocalAdmission> = new Map()) =>
  offlineVerdict({ list, code: scanned, admittedHere, door: "North", by: "me@x", now: new Date("2027-03-05T20:14:00Z"), newId: () => "scan-1" });

describe("offlineVerdict", () => {
  it("admits a genuine listed ticket with its holder, and says amber for one admitted here or before the sync", async () => {
    expect(await decide(code(ids.fine))).toEqual({ result: "admitted", ticket: { id: ids.fine, holderName: "Ana", ticketTypeName: "Standing" }, checkIn: { id: "scan-1", at: "2027-03-05T20:14:00.000Z", by: "me@x", door: "North" } });
    const here = new Map([[ids.fine, { id: "scan-0", ticketId: ids.fine, at: "2027-03-05T20:10:00.000Z", by: "me@x", door: "North" }]]);
    expect(await decide(code(ids.fine), here)).toMatchObject({ result: "already_checked_in", checkIn: { id: "scan-0" } });
    expect(await decide(code(ids.inAlready))).toMatchObject({ result: "already_checked_in", ticket: { holderName: "Cid" }, checkIn: { door: "South" } });
  });

  it("refuses refunded tickets, other events and dates, forged codes, and other keys", async () => {
    expect(await decide(code(ids.void))).toMatchObject({ result: "rejected", reason: "refunded", ticket: { holderName: "Bea" } });
    expect(await decide(code(ids.fine, { eventId: randomUUID() }))).toMatchObject({ result: "rejected", reason: "other_event" });
    expect(await decide(code(ids.fine, { startsAt: "2027-03-06T20:30:00.000Z" }))).toMatchObject({ result: "rejected", reason: "other_event" });
    const [body, signature] = code(ids.fine).split(".");
    expect(await decide(`${body}.${signature.slice(0, 10)}${signature[10] === "A" ? "B" : "A"}${signature.slice(11)}`)).toMatchObject({ result: "rejected", reason: "not_valid" });
    const other = generateKeyPairSync("ed25519").privateKey;
    const payload = encodeTicketPayload({ ticketId: ids.fine, eventId, orderReference: "LT-A", startsAt: new Date(startsAt) });
    expect(await decide(`${toBase64Url(payload)}.${toBase64Url(new Uint8Array(sign(null, signedMessage(payload), other)))}`)).toMatchObject({ result: "rejected", reason: "not_valid" });
  });

  it("matches a typed short code against the door list, whatever its case and spaces", async () => {
    expect(await decide("k7qm r3xt 9p")).toEqual({ result: "admitted", ticket: { id: ids.fine, holderName: "Ana", ticketTypeName: "Standing" }, checkIn: { id: "scan-1", at: "2027-03-05T20:14:00.000Z", by: "me@x", door: "North" } });
    const here = new Map([[ids.fine, { id: "scan-0", ticketId: ids.fine, at: "2027-03-05T20:10:00.000Z", by: "me@x", door: "North" }]]);
    expect(await decide("K7QMR-3XT9P", here)).toMatchObject({ result: "already_checked_in", checkIn: { id: "scan-0" } });
    expect(await decide("22222-aaaaa")).toMatchObject({ result: "rejected", reason: "refunded", ticket: { holderName: "Bea" } });
    expect(await decide("33333bbbbb")).toMatchObject({ result: "already_checked_in", ticket: { holderName: "Cid" } });
    // Not on the list (another session's, or sold after the sync): not taken on its word.
    expect(await decide("99999ZZZZZ")).toMatchObject({ result: "rejected", reason: "not_valid", ticket: null });
  });

  it("admits a genuine code sold after the sync (name unknown until upload)", async () => {
    expect(await decide(code(ids.late))).toMatchObject({ result: "admitted", ticket: null });
  });

  it("takes a legacy (HMAC) code only when the server listed that ticket and order", async () => {
    const legacy = (ticketId: string, reference = "LT-A") => signTicket({ ticketId, orderReference: reference, startsAt: new Date(startsAt) }, "any-secret-the-scanner-never-holds");
    expect(await decide(legacy(ids.fine))).toMatchObject({ result: "admitted", ticket: { holderName: "Ana" } });
    expect(await decide(legacy(ids.fine, "LT-B"))).toMatchObject({ result: "rejected", reason: "not_valid" });
    expect(await decide(legacy(ids.late))).toMatchObject({ result: "rejected", reason: "not_valid" });
  });
});
