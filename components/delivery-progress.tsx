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
export function DeliveryProgress({ orderId, initial }: { orderId: string; initial: DeliveryStatus }) {
  const t = useTranslations("order");
  const [status, setStatus] = useState(initial);
  const done = status === "sent" || status === "none";
  useEffect(() => {
    if (done) return;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/orders/${orderId}/confirmation`, { cache: "no-store" }).catch(() => null);
      if (!response?.ok) return;
      const body = (await response.json()) as { delivery?: { status?: DeliveryStatus } };
      if (body.delivery?.status) setStatus(body.delivery.status);
    }, 2500);
    return () => clearInterval(timer);
  }, [orderId, done]);
  if (status === "none") return null;
  return (
    <p className="text-sm text-stone-700" data-testid="delivery-status" data-status={status} role="status">
      {t(TEXT[status])}
    </p>
  );
}
