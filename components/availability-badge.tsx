import type { Availability } from "@/lib/catalog/types";

const LABELS: Record<Availability, { text: string; className: string } | null> = {
  available: null,
  few_left: { text: "Few left", className: "bg-amber-100 text-amber-900" },
  sold_out: { text: "Sold out", className: "bg-stone-200 text-stone-800" },
};

export function AvailabilityBadge({ availability }: { availability: Availability }) {
  const label = LABELS[availability];
  if (!label) return null;
  return <span className={`rounded-full px-2.5 py-1 text-xs font-semibold ${label.className}`}>{label.text}</span>;
}
