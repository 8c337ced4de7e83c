import { adminJsonRoute } from "@/lib/admin/json-route";
import { createVenue, listVenuesForAdmin } from "@/lib/admin/venues/venues";

/** GET /api/admin/venues: the caller's venues (every host's for the platform admin). */
export const GET = adminJsonRoute("venues.list", async (actor) => Response.json({ venues: await listVenuesForAdmin({ actor }) }, { headers: { "cache-control": "private, no-store" } }));

/** POST /api/admin/venues: a new venue of the caller's host (lib/admin/venues/schemas.ts ZNewVenue). */
export const POST = adminJsonRoute("venues.create", async (actor, body) => Response.json({ venue: await createVenue({ actor, input: body }) }, { status: 201 }));
