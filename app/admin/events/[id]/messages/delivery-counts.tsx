import type { DeliveryCounts } from "@/lib/admin/messages/list-attendee-messages";

/** "12 sent · 3 pending · 1 failed" (bounced and skipped only when there are any). */
export function DeliveryCountsText({ counts }: { counts: DeliveryCounts }) {
  return (
    <span className="text-sm text-stone-700">
      {counts.sent} sent · {counts.pending} pending · {counts.failed} failed{counts.bounced ? ` · ${counts.bounced} bounced` : ""}{counts.skipped ? ` · ${counts.skipped} skipped` : ""}
    </span>
  );
}
