"use client";
import { useEffect, useState } from "react";

export type DeliveryStatus = "queued" | "sending" | "sent" | "failed" | "none";

const TEXT: Record<DeliveryStatus, string> = {
  queued: "Email with PDF tickets: queued",
  sending: "Email with PDF tickets: being prepared",
  sent: "Email with PDF tickets: sent",
  failed: "Email with PDF tickets: delayed, we are on it",
  none: "",
};

/** Delivery progress, refreshed from the confirmation API until the email has gone. */
export function DeliveryProgress({ orderId, initial }: { orderId: string; initial: DeliveryStatus }) {
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
      {TEXT[status]}
    </p>
  );
}
