// What pages tell the service worker (public/sw.js). Browser-only, no imports.

export type OfflineWorkerMessage = { type: "account"; account: string | null } | { type: "sign-out" };

/** Posts to the active service worker of this origin, if one is registered; never throws. */
export async function tellOfflineWorker(message: OfflineWorkerMessage): Promise<void> {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
  try {
    (await navigator.serviceWorker.getRegistration())?.active?.postMessage(message);
  } catch {
    // No worker, nothing kept.
  }
}
