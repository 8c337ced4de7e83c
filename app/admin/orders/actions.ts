"use server";
import { revalidatePath } from "next/cache";
import type { ActionState } from "@/lib/actions/action-state";
import { refundOrder } from "@/lib/admin/orders/refund-order";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { resendTickets } from "@/lib/admin/orders/resend-tickets";
import { toActionState } from "@/lib/actions/to-action-state";

export async function refundOrderAction(orderId: string, _previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireAdminActor();
  if (formData.get("confirm") !== "yes") {
    return { ok: false, message: "Tick the box to confirm the refund.", fieldErrors: { confirm: "Confirm that this order should be refunded" } };
  }
  try {
    await refundOrder({ actor, orderId });
  } catch (error) {
    return toActionState(error, { action: "order.refund", actorId: actor.id, orderId });
  }
  revalidatePath("/", "layout");
  return { ok: true, message: "Refund started: the tickets are void, the places are back on sale and the money is being returned." };
}

export async function resendTicketsAction(orderId: string): Promise<ActionState> {
  const actor = await requireAdminActor();
  try {
    await resendTickets({ actor, orderId });
  } catch (error) {
    return toActionState(error, { action: "order.resend_tickets", actorId: actor.id, orderId });
  }
  revalidatePath(`/admin/orders/${orderId}`);
  return { ok: true, message: "The tickets are queued to be sent again." };
}
