import type { Metadata } from "next";
import { DoorScanner } from "@/components/door-scanner";
import { OfflineTickets } from "@/components/offline-tickets";
import { env } from "@/lib/env";
import { requireUser } from "@/lib/auth";
import { offlineAccountKey } from "@/lib/auth/offline-account";
import { doorSessionJson } from "@/lib/check-in/door-list";
import { listDoorSessions } from "@/lib/check-in/staff";

export const metadata: Metadata = { title: "Check-in", robots: { index: false } };

/** The door scanner: door staff (and admins) check tickets in, online or offline. */
export default async function CheckInPage() {
  const user = await requireUser("/check-in");
  const sessions = await listDoorSessions(user);
  if (!sessions) {
    return (
      <div className="mx-auto flex max-w-xl flex-col gap-2">
        <h1 className="text-2xl font-bold">Check-in</h1>
        <p className="text-stone-700">Only door staff can check tickets in. Ask an organiser to add you as door staff for their event.</p>
      </div>
    );
  }
  const account = offlineAccountKey(user.id);
  return (
    <>
      <DoorScanner sessions={sessions.map(doorSessionJson)} staffName={user.name || user.email} account={account} />
      {/* The service worker keeps this page, so a reload without a connection still opens the scanner. */}
      <OfflineTickets enabled={env().NODE_ENV === "production"} account={account} />
    </>
  );
}
