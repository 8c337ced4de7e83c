import { adminJsonRoute } from "@/lib/admin/json-route";
import { deleteVoucher } from "@/lib/admin/vouchers/delete-voucher";
import { updateVoucher } from "@/lib/admin/vouchers/update-voucher";

type Context = { params: Promise<{ id: string }> };

/** PATCH /api/admin/vouchers/:id: the fields sent replace the stored ones. */
export const PATCH = adminJsonRoute("vouchers.edit", async (actor, body, _request, { params }: Context) =>
  Response.json({ voucher: await updateVoucher({ actor, voucherId: (await params).id, input: body, mode: "merge" }) }),
);

/** DELETE /api/admin/vouchers/:id: only a voucher never used (409 in_use otherwise). */
export const DELETE = adminJsonRoute("vouchers.delete", async (actor, _body, _request, { params }: Context) => {
  await deleteVoucher({ actor, voucherId: (await params).id });
  return new Response(null, { status: 204 });
});
