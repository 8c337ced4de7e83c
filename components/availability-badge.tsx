import { useTranslations } from "next-intl";
import type { Availability } from "@/lib/catalog/types";

const LABELS: Record<Availability, { key: "fewLeft" | "soldOut"; className: string } | null> = {
  available: null,
  few_left: { key: "fewLeft", className: "bg-amber-100 text-amber-900" },
  sold_out: { key: "soldOut", className: "bg-stone-200 text-stone-800" },
};

export function AvailabilityBadge({ availability }: { availability: Availability }) {
  const t = useTranslations("availability");
  const label = LABELS[availability];
  if (!label) return null;
  return <span className={`rounded-full px-2.5 py-1 text-xs font-semibold ${label.className}`}>{t(label.key)}</span>;
}
