// What a scanner keeps on the phone between page loads (localStorage): the door list of each
// session, the admissions it made offline (queued until uploaded), and what it admitted since
// the last sync. Kept per account (`check-in:<account>:…`, the account's offline key, never its
// id), so the next person signed in on the phone never reads another's lists, and cleared at
// sign-out (clearDoorStorage). Browser-safe; every read tolerates missing or corrupt entries.
import type { DoorList } from "./door-list";
import type { LocalAdmission } from "./offline-door";
import type { OfflineScan } from "./upload-scans-schema";
import type { Verdict } from "./verdict";

export type UploadProblem = { scanId: string; at: string; verdict: Verdict };

/** localStorage, or anything with its shape (tests). */
export type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

const PREFIX = "check-in:";
const LEGACY = /^check-in:(?:(?:list|queue|admitted|problems):[0-9a-f-]{36}|door|session)$/;

function keysOf(backing: StorageLike): string[] {
  const keys: string[] = [];
  for (let index = 0; index < backing.length; index++) {
    const key = backing.key(index);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  return keys;
}

export function createDoorStorage(backing: StorageLike | null, account: string) {
  const name = (kind: string, sessionId?: string) => `${PREFIX}${account}:${kind}${sessionId ? `:${sessionId}` : ""}`;
  function read<T>(key: string, fallback: T): T {
    try {
      const text = backing?.getItem(key);
      return text ? (JSON.parse(text) as T) : fallback;
    } catch {
      return fallback;
    }
  }
  function write(key: string, value: unknown): void {
    try {
      backing?.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or disabled: the scanner still works online.
    }
  }
  return {
    door: () => read<string>(name("door"), ""),
    setDoor: (door: string) => write(name("door"), door),
    lastSession: () => read<string>(name("session"), ""),
    setLastSession: (sessionId: string) => write(name("session"), sessionId),
    list: (sessionId: string) => read<DoorList | null>(name("list", sessionId), null),
    setList: (sessionId: string, list: DoorList) => write(name("list", sessionId), list),
    queue: (sessionId: string) => read<OfflineScan[]>(name("queue", sessionId), []),
    setQueue: (sessionId: string, queue: OfflineScan[]) => write(name("queue", sessionId), queue),
    admitted: (sessionId: string) => new Map(read<LocalAdmission[]>(name("admitted", sessionId), []).map((entry) => [entry.ticketId, entry])),
    setAdmitted: (sessionId: string, admitted: Map<string, LocalAdmission>) => write(name("admitted", sessionId), [...admitted.values()]),
    problems: (sessionId: string) => read<UploadProblem[]>(name("problems", sessionId), []),
    setProblems: (sessionId: string, problems: UploadProblem[]) => write(name("problems", sessionId), problems.slice(-50)),
    /** Sessions with admissions still to upload. */
    queuedSessions: (): string[] => {
      if (!backing) return [];
      const queue = `${name("queue")}:`;
      return keysOf(backing)
        .filter((key) => key.startsWith(queue))
        .map((key) => key.slice(queue.length))
        .filter((sessionId) => read<OfflineScan[]>(name("queue", sessionId), []).length > 0);
    },
    /** Entries a scanner wrote before lists were kept per account become this account's, once. */
    adoptLegacyEntries: (): void => {
      if (!backing) return;
      for (const key of keysOf(backing).filter((entry) => LEGACY.test(entry))) {
        const value = backing.getItem(key);
        const adopted = `${PREFIX}${account}:${key.slice(PREFIX.length)}`;
        backing.removeItem(key);
        try {
          if (value !== null && backing.getItem(adopted) === null) backing.setItem(adopted, value);
        } catch {
          // Storage full: the entry is lost, as it would be at sign-out.
        }
      }
    },
  };
}

export type DoorStorage = ReturnType<typeof createDoorStorage>;

/** The phone's localStorage, or null where it is disabled (private modes). */
export function browserStorage(): StorageLike | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Every account's door lists, queues and door names: at sign-out. */
export function clearDoorStorage(backing: StorageLike | null): void {
  if (!backing) return;
  for (const key of keysOf(backing)) backing.removeItem(key);
}
