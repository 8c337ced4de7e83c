import { adminJsonRoute } from "@/lib/admin/json-route";
import { hostLedgerCsv } from "@/lib/payouts/payout-report";

/** GET /api/admin/payouts/:id/export: the host's ledger as CSV (another host's: 404). */
export const GET = adminJsonRoute("payouts.export", async (actor, _body, _request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  return new Response(await hostLedgerCsv({ actor, hostId: id }), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="payouts-${id}.csv"`, "cache-control": "private, no-store" },
  });
});
