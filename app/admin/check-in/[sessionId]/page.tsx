import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { LiveRefresh } from "@/components/admin/live-refresh";
import { getSessionCheckIns } from "@/lib/admin/check-in/door-figures";
import { isAdminError } from "@/lib/admin/errors";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { formatInZone } from "@/lib/time";
import { adminTitle } from "../../admin-title";
import { undoCheckInAction } from "../actions";

export const generateMetadata = adminTitle("Check-ins of a session");

const TIME = { hour: "2-digit", minute: "2-digit", second: "2-digit" } as const;
const REASONS: Record<string, string> = {
  already_checked_in: "already checked in",
  void: "ticket void",
  refunded: "refunded",
  not_paid: "not paid",
  not_valid: "not valid",
  other_event: "other event or date",
};

export default async function SessionCheckInsPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const actor = await requireAdminActor();
  const { sessionId } = await params;
  const door = await getSessionCheckIns({ actor, sessionId }).catch((error) => {
    if (isAdminError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const at = (date: Date) => formatInZone(date, door.timeZone, TIME);
  return (
    <div className="flex flex-col gap-6">
      <LiveRefresh />
      <div className="flex flex-col gap-1">
        <Link href="/admin/check-in" className="text-sm font-medium text-brand-700 underline">All sessions</Link>
        <h1 className="text-2xl font-bold tracking-tight">{door.eventTitle}</h1>
        <p className="text-stone-700">{formatInZone(door.startsAt, door.timeZone, { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" })} · {door.venueName}</p>
      </div>
      <p className="text-3xl font-bold tabular-nums" data-testid="door-figures" aria-live="polite">
        {door.checkedIn} <span className="text-lg font-medium text-stone-700">of {door.sold} checked in</span>
      </p>
      <p>
        <a href={`/api/admin/sessions/${door.sessionId}/attendees/export`} download className="inline-flex min-h-11 items-center rounded-lg border border-stone-300 bg-white px-3 text-sm font-medium text-brand-700 underline hover:bg-stone-100">
          Download the attendee list (CSV)
        </a>
        <span className="mt-1 block text-sm text-stone-700">Holders, buyers, answers to the event&apos;s questions and check-ins; one row per valid ticket.</span>
      </p>

      {door.conflictList.length > 0 ? (
        <section aria-labelledby="conflicts-heading" className="flex flex-col gap-2 rounded-2xl border border-red-200 bg-red-50 p-4">
          <h2 id="conflicts-heading" className="text-lg font-semibold text-red-900">Conflicts</h2>
          <p className="text-sm text-red-900">Admissions made offline that did not stand when the door synced.</p>
          <ul className="flex flex-col gap-2 text-sm" data-testid="conflicts">
            {door.conflictList.map((conflict) => (
              <li key={conflict.id}>
                <span className="font-semibold">{conflict.holderName}</span> ({conflict.orderReference}): admitted at {conflict.door} by {conflict.staffEmail} at {at(conflict.scannedAt)}, {REASONS[conflict.reason] ?? conflict.reason}
                {conflict.standing ? ` (in since ${at(conflict.standing.scannedAt)} at ${conflict.standing.door}, ${conflict.standing.staffEmail})` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="check-ins-heading" className="flex flex-col gap-3">
        <h2 id="check-ins-heading" className="text-lg font-semibold">Check-ins</h2>
        {door.checkIns.length === 0 ? <p className="text-stone-700">Nobody has come in yet.</p> : (
          <ul className="flex flex-col divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white" data-testid="check-ins">
            {door.checkIns.map((entry) => (
              <li key={entry.id} className="flex flex-wrap items-center justify-between gap-3 p-4" data-testid="check-in" data-undone={entry.undoneAt ? "yes" : "no"}>
                <div className="min-w-0 break-words">
                  <p><span className="font-semibold">{entry.holderName}</span> · {entry.ticketTypeName} · {entry.orderReference}</p>
                  <p className="text-sm text-stone-700">
                    {at(entry.scannedAt)} at {entry.door} by {entry.staffEmail}{entry.offline ? " (offline)" : ""}
                    {entry.undoneAt ? ` · undone by ${entry.undoneBy} at ${at(entry.undoneAt)}` : ""}
                  </p>
                </div>
                {entry.undoneAt ? null : <ActionButtonForm action={undoCheckInAction.bind(null, entry.id)} label="Undo" pendingLabel="Undoing…" />}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
