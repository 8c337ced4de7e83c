// The admin's venues (issue 30): a host lists its venues and adds one.
import { z } from "zod";
import { ZId } from "@/lib/id-schema";
import type { VenueRow } from "@/lib/admin/venues/venues";
import { ZNewVenue } from "@/lib/admin/venues/schemas";
import { json, problems, type ApiOperation } from "./operation";

const ZVenueRow = z
  .object({
    id: ZId,
    name: z.string(),
    city: z.string(),
    neighbourhood: z.string(),
    postalCode: z.string().nullable(),
    country: z.string().nullable(),
    complete: z.boolean().describe("Whether the address card has what open data needs (postcode, region, country)"),
    hostName: z.string(),
  })
  .meta({ id: "AdminVenue" });

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const VENUE_DRIFT_CHECKS = { venue: true satisfies Same<z.output<typeof ZVenueRow>, VenueRow> };

export const ADMIN_VENUE_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/admin/venues",
    operationId: "adminListVenues",
    tag: "Admin",
    summary: "List venues",
    description: "The caller's hosts' venues (every host's for the platform admin), by city then name.",
    access: "admin",
    responses: { 200: json("The venues", z.object({ venues: z.array(ZVenueRow) })), ...problems("not_found") },
  },
  {
    method: "post",
    path: "/api/admin/venues",
    operationId: "adminCreateVenue",
    tag: "Admin",
    summary: "Add a venue",
    description:
      "A venue of the caller's host: `hostId` names it (required for a member of several hosts; the platform admin without one adds a venue of the platform's own host). `timeZone` is an IANA zone such as Europe/Lisbon; `latitude` and `longitude` come together or not at all. Another host's `hostId` is 404.",
    access: "admin",
    body: { schema: ZNewVenue.meta({ id: "AdminVenueInput" }) },
    responses: {
      201: json("Created", z.object({ venue: z.object({ id: ZId, hostId: ZId }) })),
      ...problems("malformed_request", "not_found", "content_too_large", "unsupported_media_type", "validation_failed"),
    },
  },
];
