// "Continue to payment" with the local test provider (no Stripe key); Stripe's side is in
// lib/payments/stripe/stripe.integration.test.ts, against the fake Stripe server.
import { describe, expect, it } from "vitest";
import { confirmOrderPayment } from "@/lib/orders/transitions";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { resumeCheckout } from "./resume-checkout";
import { accountBuyer } from "@/lib/orders/buyer";

async function pendingOrder() {
  const user = await createTestUser();
  const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 5, priceMinor: 1000 }] });
  const order = await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] } });
  return { user, order };
}

describe("resuming payment with the local test provider", () => {
  it("goes back to the local test page while the order is pending, to the order once it is paid", async () => {
    const { user, order } = await pendingOrder();
    expect(await resumeCheckout({ orderId: order.id, userId: user.id })).toEqual({ url: `/orders/${order.id}/pay` });
    await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: "local_test" });
    expect(await resumeCheckout({ orderId: order.id, userId: user.id })).toEqual({ url: `/orders/${order.id}` });
  });

  it("is only for the buyer's own order", async () => {
    const { order } = await pendingOrder();
    const stranger = await createTestUser();
    await expect(resumeCheckout({ orderId: order.id, userId: stranger.id })).rejects.toMatchObject({ code: "not_found", messageKey: "orderNotFound" });
  });
});
