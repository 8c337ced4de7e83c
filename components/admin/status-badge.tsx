const TONES: Record<string, string> = {
  published: "bg-green-100 text-green-900",
  paid: "bg-green-100 text-green-900",
  succeeded: "bg-green-100 text-green-900",
  draft: "bg-stone-200 text-stone-800",
  pending: "bg-amber-100 text-amber-900",
  queued: "bg-amber-100 text-amber-900",
  running: "bg-sky-100 text-sky-900",
  cancelled: "bg-stone-200 text-stone-800",
  expired: "bg-stone-200 text-stone-800",
  refund_required: "bg-orange-100 text-orange-900",
  refunded: "bg-purple-100 text-purple-900",
  dead: "bg-red-100 text-red-900",
  valid: "bg-green-100 text-green-900",
  void: "bg-stone-200 text-stone-800",
  sent: "bg-green-100 text-green-900",
  failed: "bg-red-100 text-red-900",
  bounced: "bg-red-100 text-red-900",
  complained: "bg-red-100 text-red-900",
  delivered: "bg-green-100 text-green-900",
  delayed: "bg-amber-100 text-amber-900",
  skipped: "bg-stone-200 text-stone-800",
};

/** A status word with a colour; the word itself carries the meaning (colour is extra). */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${TONES[status] ?? "bg-stone-200 text-stone-800"}`}>
      {status.replace(/_/g, " ")}
    </span>
  );
}
