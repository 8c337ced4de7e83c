"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import { currentUser } from "@/lib/auth";
import { isUuid } from "@/lib/ids";
import { cancelBooking } from "@/lib/orders/transitions";
import { payWithLocalProvider } from "@/lib/payments/local-payment";
import { toActionState } from "@/lib/to-action-state";

const ZLocalPayment = z.object({ orderId: z.uuid(), outcome: z.enum(["succeed", "decline", "late"]) });

export async function payLocallyAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await currentUser();
  const parsed = ZLocalPayment.safeParse(Object.fromEntries(formData));
  if (!user || !parsed.success) return { ok: false, message: "This payment cannot be made." };
  try {
    const result = await payWithLocalProvider({ ...parsed.data, userId: user.id });
    if (result.outcome === "declined") {
      return { ok: false, message: "The test card was declined. Nothing was charged; you can try again while your places are held." };
    }
  } catch (error) {
    return toActionState(error, { action: "local payment", orderId: parsed.data.orderId }, "Something went wrong on our side. Nothing was charged; please try again.");
  }
  redirect(`/orders/${parsed.data.orderId}`);
}

export async function cancelBookingAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await currentUser();
  const orderId = formData.get("orderId");
  if (!user || !isUuid(orderId)) return { ok: false, message: "This booking cannot be cancelled." };
  try {
    await cancelBooking({ userId: user.id, orderId });
  } catch (error) {
    return toActionState(error, { action: "cancel booking", orderId }, "Something went wrong on our side; please try again.");
  }
  revalidatePath(`/orders/${orderId}`);
  return { ok: true, message: "Your booking is cancelled." };
}
