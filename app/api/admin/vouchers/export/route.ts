import { adminJsonRoute } from "@/lib/admin/json-route";
import { exportVouchersCsv } from "@/lib/admin/vouchers/export-vouchers";

/** GET /api/admin/vouchers/export?tag=: a batch's codes as a CSV download. */
export const GET = adminJsonRoute("vouchers.export", async (actor, _body, request) => {
  const { filename, csv } = await exportVouchersCsv({ actor, tag: new URL(request.url).searchParams.get("tag") });
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "private, no-store" },
  });
});
