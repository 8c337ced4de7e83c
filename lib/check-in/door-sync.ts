// The door scanner's engine, without the view or the camera (components/door-scanner.tsx):
// syncing a session's door list, deciding a scan online or (without a connection) from the
// list, queueing what it admitted offline, and uploading the queue when the connection
// returns. Browser-safe: it talks to the server only through `fetch` (POST /api/check-in,
// GET /api/check-in/sessions/:id/tickets, POST /api/check-in/uploads) and keeps its state in
// a DoorStorage (lib/check-in/door-storage.ts).
import { decodeTicketCode } from "@/lib/tickets/ticket-code";
import type { DoorList } from "./door-list";
import type { DoorStorage, UploadProblem } from "./door-storage";
import { offlineVerdict } from "./offline-door";
import type { Verdict } from "./verdict";

export type DoorEngine = {
  storage: DoorStorage;
  fetch: typeof fetch;
  /** The scanner's clock and ids (tests pass their own). */
  now?: () => Date;
  newId?: () => string;
};

/** What the scanner shows of a session's state on the phone. */
export type DoorView = { list: DoorList | null; queued: number; problems: UploadProblem[] };

/** online: the server answered; offline: no connection; failed: it answered, but not as expected. */
export type SyncOutcome = "online" | "offline" | "failed";

export type ScanOutcome = {
  verdict: Verdict | null;
  /** Decided on the phone, from the door list. */
  offline: boolean;
  /** Whether the server was reached, when it was asked. */
  online?: boolean;
  /** Something to tell the door when there is no verdict. */
  notice?: string;
};

/** A network failure (no answer at all), as opposed to an answer we do not like. */
function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError;
}

export function doorView(storage: DoorStorage, sessionId: string): DoorView {
  return { list: storage.list(sessionId), queued: storage.queue(sessionId).length, problems: storage.problems(sessionId) };
}

/**
 * Uploads what the scanner admitted offline for this session; those that did not stand (a
 * second door was first, the ticket was refunded since, an impossible scan time) are kept as
 * problems to show. Throws on a network failure or an unexpected answer.
 */
export async function uploadQueue(engine: DoorEngine, sessionId: string): Promise<void> {
  const { storage } = engine;
  const queue = storage.queue(sessionId);
  if (queue.length === 0) return;
  const response = await engine.fetch("/api/check-in/uploads", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ sessionId, door: storage.door() || "Door", scans: queue }),
  });
  if (!response.ok) throw new Error(`upload answered ${response.status}`);
  const { results } = (await response.json()) as { results: { scanId: string; verdict: Verdict; conflict: boolean }[] };
  const uploaded = new Set(results.map((result) => result.scanId));
  const lost = results
    .filter((result) => result.conflict)
    .map((result) => ({ scanId: result.scanId, at: queue.find((scan) => scan.scanId === result.scanId)?.scannedAt ?? "", verdict: result.verdict }));
  storage.setQueue(sessionId, storage.queue(sessionId).filter((scan) => !uploaded.has(scan.scanId)));
  if (lost.length > 0) storage.setProblems(sessionId, [...storage.problems(sessionId), ...lost]);
}

/** Uploads the offline queue, then fetches a fresh door list. Offline, changes nothing. */
export async function syncDoor(engine: DoorEngine, sessionId: string): Promise<SyncOutcome> {
  const { storage } = engine;
  try {
    await uploadQueue(engine, sessionId);
    const response = await engine.fetch(`/api/check-in/sessions/${sessionId}/tickets`, { cache: "no-store" });
    if (!response.ok) throw new Error(`door list answered ${response.status}`);
    storage.setList(sessionId, (await response.json()) as DoorList);
    // The fresh list knows every admission uploaded so far; only what is still queued stays local.
    const stillQueued = new Set(storage.queue(sessionId).map((scan) => scan.scanId));
    const admitted = storage.admitted(sessionId);
    for (const [ticketId, entry] of admitted) if (!stillQueued.has(entry.id)) admitted.delete(ticketId);
    storage.setAdmitted(sessionId, admitted);
    return "online";
  } catch (error) {
    return isNetworkFailure(error) ? "offline" : "failed";
  }
}

/** Uploads every session's queue (before signing out): true when nothing is left to upload. */
export async function uploadAllQueues(engine: DoorEngine): Promise<boolean> {
  for (const sessionId of engine.storage.queuedSessions()) {
    await uploadQueue(engine, sessionId).catch(() => undefined);
  }
  return engine.storage.queuedSessions().length === 0;
}

/** Decides from the door list and, when admitted, queues the admission for upload. */
async function decideOffline(engine: DoorEngine, options: { sessionId: string; code: string; door: string; by: string }): Promise<Verdict> {
  const { storage } = engine;
  const { sessionId, code, door, by } = options;
  const list = storage.list(sessionId);
  if (!list) return { result: "rejected", reason: "not_valid", ticket: null };
  const admitted = storage.admitted(sessionId);
  const verdict = await offlineVerdict({ list, code, admittedHere: admitted, door, by, now: engine.now?.() ?? new Date(), newId: engine.newId ?? (() => crypto.randomUUID()) });
  if (verdict.result === "admitted") {
    // A ticket sold after the sync is not on the list: remember it by its code's ticket id.
    const ticketId = verdict.ticket?.id ?? decodeTicketCode(code)?.ticketId ?? code;
    admitted.set(ticketId, { ...verdict.checkIn, ticketId });
    storage.setAdmitted(sessionId, admitted);
    storage.setQueue(sessionId, [...storage.queue(sessionId), { scanId: verdict.checkIn.id, code, scannedAt: verdict.checkIn.at }]);
  }
  return verdict;
}

/**
 * One scan: the server decides when it can be reached (`tryOnline`: the phone believes it has
 * a connection); without an answer the phone decides from its door list.
 */
export async function scanTicket(engine: DoorEngine, options: { sessionId: string; code: string; door: string; by: string; tryOnline: boolean }): Promise<ScanOutcome> {
  const code = options.code.trim();
  const { sessionId, door } = options;
  if (options.tryOnline) {
    try {
      const response = await engine.fetch("/api/check-in", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ sessionId, code, door }) });
      const body = (await response.json()) as Verdict | { verdict?: Verdict; detail?: string };
      const verdict = "result" in body ? body : (body.verdict ?? null);
      if (verdict?.result === "admitted" && verdict.ticket) {
        // Remember online admissions too, so a rescan after the connection drops is amber.
        const admitted = engine.storage.admitted(sessionId);
        admitted.set(verdict.ticket.id, { ...verdict.checkIn, ticketId: verdict.ticket.id });
        engine.storage.setAdmitted(sessionId, admitted);
      }
      return { verdict, offline: false, online: true, notice: verdict ? undefined : ("detail" in body && body.detail) || "The server could not check this ticket." };
    } catch (error) {
      if (!isNetworkFailure(error)) throw error;
    }
    return { verdict: await decideOffline(engine, { ...options, code }), offline: true, online: false };
  }
  return { verdict: await decideOffline(engine, { ...options, code }), offline: true };
}
