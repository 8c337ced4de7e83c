import { adminJsonRoute } from "@/lib/admin/json-route";
import { generateVouchers } from "@/lib/admin/vouchers/generate-vouchers";

/** POST /api/admin/vouchers/generate: `count` (up to 5,000) codes sharing a tag and the rules. */
export const POST = adminJsonRoute("vouchers.generate", async (actor, body) => Response.json(await generateVouchers({ actor, input: body }), { status: 201 }));
