"use server";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { toActionState } from "@/lib/actions/to-action-state";
import { formDataToObject } from "@/lib/admin/events/form-data";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { createVoucher } from "@/lib/admin/vouchers/create-voucher";
import { deleteVoucher } from "@/lib/admin/vouchers/delete-voucher";
import { generateVouchers } from "@/lib/admin/vouchers/generate-vouchers";
import { updateVoucher } from "@/lib/admin/vouchers/update-voucher";

export async function createVoucherAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireAdminActor();
  let id: string;
  try {
    ({ id } = await createVoucher({ actor, input: formDataToObject(formData) }));
  } catch (error) {
    return toActionState(error, { action: "voucher.create", actorId: actor.id });
  }
  redirect(`/admin/vouchers/${id}?notice=created`);
}

export async function generateVouchersAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireAdminActor();
  let batch: { tag: string; count: number };
  try {
    batch = await generateVouchers({ actor, input: formDataToObject(formData) });
  } catch (error) {
    return toActionState(error, { action: "voucher.generate", actorId: actor.id });
  }
  redirect(`/admin/vouchers?${new URLSearchParams({ tag: batch.tag, notice: "generated", count: String(batch.count) })}`);
}

export async function updateVoucherAction(voucherId: string, _previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireAdminActor();
  try {
    await updateVoucher({ actor, voucherId, input: formDataToObject(formData), mode: "replace" });
  } catch (error) {
    return toActionState(error, { action: "voucher.update", actorId: actor.id, voucherId });
  }
  redirect(`/admin/vouchers/${voucherId}?notice=saved`);
}

export async function deleteVoucherAction(voucherId: string): Promise<ActionState> {
  const actor = await requireAdminActor();
  try {
    await deleteVoucher({ actor, voucherId });
  } catch (error) {
    return toActionState(error, { action: "voucher.delete", actorId: actor.id, voucherId });
  }
  redirect("/admin/vouchers?notice=deleted");
}
