// The venue columns of lib/feeds/openactive.ts VenueColumns, for the feeds' queries (alias v).
import { Prisma } from "@/lib/generated/prisma/client";

/** The host columns of lib/feeds/openactive.ts HostColumns (alias h: `LEFT JOIN hosts h ON h.id = e.host_id`). */
export const HOST_COLUMNS = Prisma.sql`h.id AS host_id, h.slug AS host_slug, h.name AS host_name`;

export const VENUE_COLUMNS = Prisma.sql`v.id AS venue_id, v.name AS venue_name, v.address, v.city, v.postal_code, v.region,
  v.country, v.phone, v.url AS venue_url, v.latitude, v.longitude`;
