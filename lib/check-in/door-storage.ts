// What a scanner keeps on the phone between page loads (localStorage): the door list of each
// session, the admissions it made offline (queued until uploaded), and what it admitted since
// the last sync. Browser-only; every read tolerates missing or corrupt entries.
import type { DoorList } from "./door-list";
import type { LocalAdmission } from "./offline-door";
import type { OfflineScan } from "./upload-scans-schema";
import type { Verdict } from "./verdict";

export type UploadProblem = { scanId: string; at: string; verdict: Verdict };

const key = (kind: string, sessionId: string) => `check-in:${kind}:${sessionId}`;

function read<T>(name: string, fallback: T): T {
  try {
    const text = window.localStorage.getItem(name);
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

function write(name: string, value: unknown): void {
  try {
    window.localStorage.setItem(name, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the scanner still works online.
  }
}

export const doorStorage = {
  door: () => read<string>("check-in:door", ""),
  setDoor: (door: string) => write("check-in:door", door),
  lastSession: () => read<string>("check-in:session", ""),
  setLastSession: (sessionId: string) => write("check-in:session", sessionId),
  list: (sessionId: string) => read<DoorList | null>(key("list", sessionId), null),
  setList: (sessionId: string, list: DoorList) => write(key("list", sessionId), list),
  queue: (sessionId: string) => read<OfflineScan[]>(key("queue", sessionId), []),
  setQueue: (sessionId: string, queue: OfflineScan[]) => write(key("queue", sessionId), queue),
  admitted: (sessionId: string) => new Map(read<LocalAdmission[]>(key("admitted", sessionId), []).map((entry) => [entry.ticketId, entry])),
  setAdmitted: (sessionId: string, admitted: Map<string, LocalAdmission>) => write(key("admitted", sessionId), [...admitted.values()]),
  problems: (sessionId: string) => read<UploadProblem[]>(key("problems", sessionId), []),
  setProblems: (sessionId: string, problems: UploadProblem[]) => write(key("problems", sessionId), problems.slice(-50)),
};
