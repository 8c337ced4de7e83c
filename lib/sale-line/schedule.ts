import "server-only";
import { sql } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { lineSettings } from "./settings";
import { forgetStock, stockGeneration, trackStock } from "./stock";

// Which events have a line now (a scheduled opening within the lead or the drain, SQL
// `sale_line_of`), kept per process for a few seconds so that a crowd costs one read per
// event per process every few seconds, not one per request. Kept on globalThis: the purchase
// gate (instrumentation) and the routes are bundled apart, and must share it.

export type SaleLine = {
  lineId: string;
  eventId: string;
  opensAt: Date;
  /** The front as last seen by this process: every position up to it was let through or passed over. */
  admittedThrough: number;
};

type Row = {
  lineId: string;
  opensAt: string;
  admittedThrough: number | string;
  sessions: { id: string; remaining: number; changeNumber: number | string }[];
} | null;

const KEEP_MS = 5_000;
type Entry = { at: number; generation: number } & ({ line: SaleLine | null } | { loading: Promise<SaleLine | null> });
const state = globalThis as unknown as { __saleLines?: Map<string, Entry> };
const cache = () => (state.__saleLines ??= new Map());

async function load(eventId: string): Promise<SaleLine | null> {
  const settings = lineSettings();
  const [{ line }] = await sql<{ line: Row }>`
    SELECT sale_line_of(${eventId}::uuid, make_interval(mins => ${settings.leadMinutes}::int), make_interval(mins => ${settings.drainMinutes}::int)) AS line`;
  if (!line) {
    forgetStock(eventId);
    return null;
  }
  trackStock(eventId, line.sessions.map((session) => ({ id: session.id, remaining: session.remaining, changeNumber: Number(session.changeNumber) })));
  return { lineId: line.lineId, eventId, opensAt: new Date(line.opensAt), admittedThrough: Number(line.admittedThrough) };
}

/** The event's line, or null when it has none now (or `eventId` is no id). */
export async function saleLineOf(eventId: string): Promise<SaleLine | null> {
  if (!isUuid(eventId)) return null;
  const key = eventId.toLowerCase();
  const entry = cache().get(key);
  const now = Date.now();
  if (entry && now - entry.at < KEEP_MS && entry.generation === stockGeneration()) return "loading" in entry ? entry.loading : entry.line;
  // One read per event at a time, whoever asks meanwhile waits for it.
  const generation = stockGeneration();
  const loading = load(key);
  cache().set(key, { at: now, generation, loading });
  try {
    const line = await loading;
    cache().set(key, { at: now, generation, line });
    return line;
  } catch (error) {
    cache().delete(key);
    throw error;
  }
}

/** The front moved (as a pass answered): later checks of this process see it at once. */
export function noteFront(line: SaleLine, admittedThrough: number): void {
  if (admittedThrough > line.admittedThrough) line.admittedThrough = admittedThrough;
}

export function resetSaleLinesForTests(): void {
  state.__saleLines = new Map();
}
