// The check-in API's request and answer shapes (validated and documented in OpenAPI).
import { z } from "zod";
import { ZProblem } from "@/lib/http/problem";
import { ZId } from "@/lib/id-schema";
import { REJECTION_REASONS } from "./verdict";
import { MAX_SCANS_PER_UPLOAD, ZOfflineScan } from "./upload-scans-schema";

const ZDoor = z.string().trim().min(1).max(60).default("Door").describe("Which door or scanner; shown to the admin next to each check-in");

export const ZCheckInRequest = z.strictObject({
  sessionId: ZId.describe("The session (date) this door admits to"),
  code: z.string().min(1).max(256).describe("The text of the ticket's QR code, or the 10-character short code printed under it (case, spaces and hyphens do not matter)"),
  door: ZDoor,
});

export const ZUploadScansRequest = z.strictObject({
  sessionId: ZId.describe("The session (date) the scans were made at"),
  door: ZDoor,
  scans: z.array(ZOfflineScan).min(1).max(MAX_SCANS_PER_UPLOAD).describe("Admissions made offline, in any order"),
});

const ZDoorNotes = z.array(z.string()).describe('Answers the door is shown, as "Label: answer" (questions marked show at the door)');
const ZTicketSummary = z.object({ id: ZId, holderName: z.string(), ticketTypeName: z.string(), notes: ZDoorNotes.optional() }).meta({ id: "CheckInTicket" });
const ZCheckInFacts = z
  .object({ id: z.string(), at: z.iso.datetime({ offset: true }), by: z.string().describe("Who admitted it: the door staff's name (their email when they gave no name)"), door: z.string() })
  .meta({ id: "CheckInFacts" });

export const ZVerdict = z
  .discriminatedUnion("result", [
    z.object({ result: z.literal("admitted"), ticket: ZTicketSummary.nullable(), checkIn: ZCheckInFacts }),
    z.object({ result: z.literal("already_checked_in"), ticket: ZTicketSummary.nullable(), checkIn: ZCheckInFacts }),
    z.object({ result: z.literal("rejected"), reason: z.enum(REJECTION_REASONS), ticket: ZTicketSummary.nullable() }),
  ])
  .meta({ id: "CheckInVerdict", description: "What the door is told: admitted (green), already_checked_in (amber, with who and when), rejected (red, with why)." });

/** A refused scan's problem (lib/check-in/refusal.ts): the Problem, plus the door's verdict. */
export const ZCheckInProblem = ZProblem.extend({
  verdict: ZVerdict.optional().describe("Check-in problems only: what the door is told (who came in and when, or why not)"),
}).meta({ id: "CheckInProblem", description: "RFC 9457 problem details of a scan at the door, served as application/problem+json." });

export const ZUploadScansAnswer = z.object({
  results: z.array(z.object({ scanId: ZId, verdict: ZVerdict, conflict: z.boolean().describe("The admission did not stand; the admin sees it under the session's conflicts") })),
});

export const ZDoorSession = z
  .object({ id: ZId, eventId: ZId, eventTitle: z.string(), startsAt: z.iso.datetime({ offset: true }), venueName: z.string(), timeZone: z.string() })
  .meta({ id: "DoorSession" });

export const ZDoorSessionsAnswer = z.object({ sessions: z.array(ZDoorSession) });

export const ZDoorList = z.object({
  session: ZDoorSession,
  publicKey: z.string().describe("Ed25519 public key, raw 32 bytes in base64url: verifies ticket codes offline"),
  syncedAt: z.iso.datetime({ offset: true }),
  tickets: z.array(
    z.object({
      id: ZId,
      orderReference: z.string(),
      holderName: z.string(),
      ticketTypeName: z.string(),
      shortCode: z.string().describe("The short code printed under the ticket's QR, so a typed code is matched offline too"),
      notes: ZDoorNotes,
      refusal: z.enum(["void", "refunded", "not_paid"]).nullable(),
      checkedIn: z.object({ at: z.iso.datetime({ offset: true }), by: z.string(), door: z.string() }).nullable(),
    }),
  ),
});

export const ZTicketKeys = z.object({
  keys: z.array(z.object({ alg: z.literal("Ed25519"), publicKey: z.string().describe("Raw 32-byte public key, base64url") })),
  codeFormat: z.string(),
});

export const ZSessionIdParams = z.strictObject({ id: ZId });
