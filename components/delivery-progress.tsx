"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

export type DeliveryStatus = "queued" | "sending" | "sent" | "failed" | "none";

const TEXT = {
  queued: "deliveryQueued",
  sending: "deliverySending",
  sent: "deliverySent",
  failed: "deliveryFailed",
} as const satisfies Record<Exclude<DeliveryStatus, "none">, string>;

/** Delivery progress, refreshed from the confirmation API until the email has gone. */
/** `access`: the order's private link, when the page was opened with one (a guest). */
export function DeliveryProgress({ orderId, initial, access }: { orderId: string; initial: DeliveryStatus; access?: string | null }) {
  const t = useTranslations("order");
  const [status, setStatus] = useState(initial);
  const done = status === "sent" || status === "none";
  useEffect(() => {
    if (done) return;
    const timer = setInterval(async () => {
      const query = access ? `?access=${encodeURIComponent(access)}` : "";
      const response = await fetch(`/api/orders/${orderId}/confirmation${query}`, { cache: "no-store" }).catch(() => null);
      if (!response?.ok) return;
      const body = (await response.json()) as { delivery?: { status?: DeliveryStatus } };
      if (body.delivery?.status) setStatus(body.delivery.status);
    }, 2500);
    return () => clearInterval(timer);
  }, [orderId, done, access]);
  if (status === "none") return null;
  return (
    <p className="text-sm text-stone-700" data-testid="delivery-status" data-status={status} role="status">
      {t(TEXT[status])}
    </p>
  );
}
