"use client";
import { useEffect } from "react";
import { tellOfflineWorker } from "@/lib/offline/worker-messages";

/**
 * On every page: tells the service worker, if there is one, whose pages may be shown offline
 * now (`account`, or null when nobody is signed in). Another account's kept pages are then
 * deleted (public/sw.js), so a phone passed on after a session ended shows none of them.
 */
export function OfflineAccount({ account }: { account: string | null }) {
  useEffect(() => {
    void tellOfflineWorker({ type: "account", account });
  }, [account]);
  return null;
}
