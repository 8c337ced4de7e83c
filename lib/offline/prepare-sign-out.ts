// What the sign-out button does on the phone before the browser posts /sign-out: upload the
// door scanner's queued offline admissions (or ask before they are lost), then delete every
// door list and tell the service worker to drop the kept pages. The sign-out answer's
// Clear-Site-Data does the same again for browsers that honour it. Browser-only.
import { browserStorage, clearDoorStorage, createDoorStorage } from "@/lib/check-in/door-storage";
import { uploadAllQueues } from "@/lib/check-in/door-sync";
import { tellOfflineWorker } from "./worker-messages";

const UPLOAD_WAIT_MS = 5_000;

/** False when the person chose to keep the admissions that could not be uploaded (and stays signed in). */
export async function prepareSignOut(options: { account: string | null; confirmLoss: (count: number) => boolean }): Promise<boolean> {
  const backing = browserStorage();
  if (options.account) {
    const storage = createDoorStorage(backing, options.account);
    if (storage.queuedSessions().length > 0) {
      const engine = { storage, fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init) };
      const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), UPLOAD_WAIT_MS));
      if (!(await Promise.race([uploadAllQueues(engine), timeout]))) {
        const left = storage.queuedSessions().reduce((count, sessionId) => count + storage.queue(sessionId).length, 0);
        if (left > 0 && !options.confirmLoss(left)) return false;
      }
    }
  }
  clearDoorStorage(backing);
  await tellOfflineWorker({ type: "sign-out" });
  return true;
}
