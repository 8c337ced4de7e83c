// A typed place resolved against the product's own venues and cities: there is no external
// geocoder (and no internet). No `server-only`: the client is passed in, so the benchmark
// (bench/near.ts) runs the same SQL. The app calls `resolvePlace` (resolve-place.ts).
import { Prisma } from "../generated/prisma/client";
import type { CatalogDb } from "../catalog/catalog-sql";
import { MAX_PLACE_LENGTH, type GeoPoint } from "./near-filter";

export type ResolvedPlace = { label: string; from: GeoPoint; kind: "city" | "neighbourhood" | "venue" | "address" };

/** A typed place must be this similar (pg_trgm word_similarity) to a name we know when no name matches outright. */
const LOOKALIKE = 0.5;

/**
 * The best match for `text`, accent- and case-insensitively, among venues with coordinates:
 * a city or a neighbourhood (the middle of its venues), a venue, then a word of a venue's
 * address ("Lisboa", a postcode), each first exactly, then by its start, then a look-alike
 * name ("barcelna"). Null when nothing we list is there.
 */
export async function queryResolvePlace(db: CatalogDb, text: string): Promise<ResolvedPlace | null> {
  const typed = Array.from(text.replace(/\p{Cc}/gu, " ").replace(/\s+/g, " ").trim()).slice(0, MAX_PLACE_LENGTH).join("");
  if (!/[\p{L}\p{N}]/u.test(typed)) return null;
  const q = Prisma.sql`immutable_unaccent(lower(${typed}))`;
  const prefix = Prisma.sql`immutable_unaccent(lower(${`${typed.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}))`;
  const contains = Prisma.sql`immutable_unaccent(lower(${`%${typed.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}))`;
  const rows = await db.$queryRaw<{ label: string; lat: number; lng: number; kind: ResolvedPlace["kind"] }[]>`
    WITH v AS (
      SELECT name, city, neighbourhood, address, latitude, longitude,
             immutable_unaccent(lower(city)) AS city_key, immutable_unaccent(lower(neighbourhood)) AS hood_key,
             immutable_unaccent(lower(name)) AS name_key, immutable_unaccent(lower(address)) AS address_key
        FROM venues WHERE latitude IS NOT NULL AND longitude IS NOT NULL
    ),
    found AS (
      SELECT city AS label, avg(latitude) AS lat, avg(longitude) AS lng, 'city' AS kind,
             CASE WHEN city_key = ${q} THEN 1 WHEN city_key LIKE ${prefix} THEN 4 ELSE 7 END AS tier,
             word_similarity(${q}, city_key) AS score
        FROM v WHERE city_key = ${q} OR city_key LIKE ${prefix} OR word_similarity(${q}, city_key) >= ${LOOKALIKE}
       GROUP BY city, city_key
      UNION ALL
      SELECT neighbourhood || ', ' || city, avg(latitude), avg(longitude), 'neighbourhood',
             CASE WHEN hood_key = ${q} THEN 2 WHEN hood_key LIKE ${prefix} THEN 5 ELSE 8 END,
             word_similarity(${q}, hood_key)
        FROM v WHERE hood_key = ${q} OR hood_key LIKE ${prefix} OR word_similarity(${q}, hood_key) >= ${LOOKALIKE}
       GROUP BY neighbourhood, city, hood_key
      UNION ALL
      SELECT name || ', ' || city, latitude, longitude, 'venue',
             CASE WHEN name_key = ${q} THEN 3 WHEN name_key LIKE ${prefix} THEN 6 ELSE 9 END,
             word_similarity(${q}, name_key)
        FROM v WHERE name_key = ${q} OR name_key LIKE ${prefix} OR word_similarity(${q}, name_key) >= ${LOOKALIKE}
      UNION ALL
      SELECT min(city), avg(latitude), avg(longitude), 'address', 10, 0
        FROM v WHERE address_key LIKE ${contains}
      -- Only a word that stays within one city ("Lisboa", "08012"), never "Street".
      HAVING count(*) > 0 AND count(DISTINCT city) = 1
    )
    SELECT label, lat::float8 AS lat, lng::float8 AS lng, kind FROM found
     ORDER BY tier, score DESC, label
     LIMIT 1`;
  const row = rows[0];
  return row ? { label: row.label, from: { lat: row.lat, lng: row.lng }, kind: row.kind } : null;
}
