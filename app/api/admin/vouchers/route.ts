import { adminJsonRoute } from "@/lib/admin/json-route";
import { createVoucher } from "@/lib/admin/vouchers/create-voucher";
import { listVouchers } from "@/lib/admin/vouchers/list-vouchers";

/** GET /api/admin/vouchers?tag&event&page: vouchers, newest first, 100 a page, with every tag. */
export const GET = adminJsonRoute("vouchers.list", async (actor, _body, request) => {
  const url = new URL(request.url);
  const query = { tag: url.searchParams.get("tag") ?? undefined, event: url.searchParams.get("event") ?? undefined, page: url.searchParams.get("page") ?? undefined };
  return Response.json(await listVouchers({ actor, query }), { headers: { "cache-control": "private, no-store" } });
});

/** POST /api/admin/vouchers: one voucher (lib/admin/vouchers/schemas.ts), its code typed or drawn. */
export const POST = adminJsonRoute("vouchers.create", async (actor, body) => Response.json({ voucher: await createVoucher({ actor, input: body }) }, { status: 201 }));
