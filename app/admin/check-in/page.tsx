import Link from "next/link";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { StaffGrantForm } from "@/components/admin/staff-grant-form";
import { listDoorFigures } from "@/lib/admin/check-in/door-figures";
import { listGrantableEvents, listStaffGrants } from "@/lib/admin/check-in/staff-grants";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { formatInZone } from "@/lib/time";
import { adminTitle } from "../admin-title";
import { grantDoorStaffAction, revokeDoorStaffAction } from "./actions";

export const generateMetadata = adminTitle("Check-in");

const WHEN = { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" } as const;

export default async function AdminCheckInPage() {
  const actor = await requireAdminActor();
  const [sessions, grants, events] = await Promise.all([listDoorFigures({ actor }), listStaffGrants({ actor }), listGrantableEvents({ actor })]);
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold tracking-tight">Check-in</h1>
        <p className="text-stone-700">
          Door staff scan tickets at <Link href="/check-in" className="font-medium text-brand-700 underline">/check-in</Link> on their phone, online or offline.
        </p>
      </div>

      <section aria-labelledby="door-sessions" className="flex flex-col gap-3">
        <h2 id="door-sessions" className="text-lg font-semibold">Sessions at the door</h2>
        <p className="text-sm text-stone-700">From two days ago to two weeks ahead.</p>
        {sessions.length === 0 ? <p className="text-stone-700">No session in this window.</p> : (
          <ul className="flex flex-col divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
            {sessions.map((session) => (
              <li key={session.sessionId} className="flex flex-wrap items-baseline justify-between gap-2 p-4" data-testid="door-session">
                <Link href={`/admin/check-in/${session.sessionId}`} className="min-w-0 font-semibold text-brand-700 underline-offset-2 hover:underline">
                  {session.eventTitle} · {formatInZone(session.startsAt, session.timeZone, WHEN)}
                </Link>
                <span className="text-sm tabular-nums">
                  {session.checkedIn} of {session.sold} checked in{session.conflicts > 0 ? ` · ${session.conflicts} conflict${session.conflicts === 1 ? "" : "s"}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="door-staff" className="flex flex-col gap-3">
        <h2 id="door-staff" className="text-lg font-semibold">Door staff</h2>
        <p className="text-sm text-stone-700">Door staff can only check tickets in: for one event, or for all. Admins can too.</p>
        <StaffGrantForm action={grantDoorStaffAction} events={events} />
        {grants.length === 0 ? <p className="text-stone-700">No door staff yet.</p> : (
          <ul className="flex flex-col divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white" data-testid="staff-grants">
            {grants.map((grant) => (
              <li key={grant.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
                <span className="min-w-0 break-words">
                  <span className="font-semibold">{grant.name}</span> ({grant.email}) · {grant.eventTitle ?? "All events"}
                </span>
                <ActionButtonForm action={revokeDoorStaffAction.bind(null, grant.id)} label="Remove" pendingLabel="Removing…" />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
