// Bookable experiences as OpenActive data: a resource is a FacilityUse (its opening hours as
// hoursAvailable), each bookable slot a Slot with remainingUses. Pure: no database here.
import { activityOf, clockTime, eventUrlOf, feedDateTime, imagesOf, isoDuration, isoMinutes, OPENACTIVE_CONTEXT, organizerOf, placeOf, priceOf, type HostColumns, type VenueColumns } from "./openactive";
import type { RpdeItem } from "./rpde";

export const FACILITY_USE_KIND = "FacilityUse";
/** RPDE kind of the slots feed as OpenActive lists it (the data's @type is Slot). */
export const SLOT_KIND = "FacilityUse/Slot";

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"].map((day) => `https://schema.org/${day}`);

export const facilityUseIdOf = (baseUrl: string, slug: string, resourceId: string) => `${eventUrlOf(baseUrl, slug)}#facility-use-${resourceId}`;

export type FacilityUseRow = VenueColumns & HostColumns & {
  change_number: bigint;
  id: string;
  deleted: boolean;
  name: string | null;
  opens_minute: number | null;
  closes_minute: number | null;
  slot_minutes: number | null;
  min_minutes: number | null;
  max_minutes: number | null;
  price_minor_per_slot: number | null;
  currency: string | null;
  event_id: string | null;
  slug: string | null;
  title: string | null;
  description: string | null;
  event_status: string | null;
  image_path: string | null;
  image_alt: string | null;
  activity_id: string | null;
};

export type FacilityUseItem = RpdeItem<typeof FACILITY_USE_KIND>;

export function toFacilityUseItem(row: FacilityUseRow, baseUrl: string): FacilityUseItem {
  const modified = Number(row.change_number);
  if (row.deleted || row.event_status !== "published" || !row.slug || row.opens_minute === null || row.closes_minute === null) {
    return { state: "deleted", kind: FACILITY_USE_KIND, id: row.id, modified };
  }
  const url = eventUrlOf(baseUrl, row.slug);
  return {
    state: "updated",
    kind: FACILITY_USE_KIND,
    id: row.id,
    modified,
    data: {
      "@context": OPENACTIVE_CONTEXT,
      "@type": "FacilityUse",
      "@id": facilityUseIdOf(baseUrl, row.slug, row.id),
      identifier: row.id,
      name: `${row.title}: ${row.name}`,
      description: row.description,
      url,
      provider: organizerOf(row, baseUrl),
      location: placeOf(row, baseUrl),
      ...activityOf(row.activity_id),
      ...imagesOf(row.image_path, row.image_alt, baseUrl),
      offers: [shortestBookingOffer(row, facilityUseIdOf(baseUrl, row.slug, row.id), url)],
      hoursAvailable: [
        { "@type": "OpeningHoursSpecification", dayOfWeek: DAYS, opens: clockTime(row.opens_minute), closes: clockTime(row.closes_minute) },
      ],
    },
  };
}

/** The offer of a slot: the shortest booking (min_minutes), priced per slot_minutes. */
function shortestBookingOffer(
  row: { id?: string; resource_id?: string; min_minutes: number | null; slot_minutes: number | null; price_minor_per_slot: number | null; currency: string | null },
  facilityUse: string,
  url: string,
): Record<string, unknown> {
  const minutes = row.min_minutes ?? 0;
  const priceMinor = (minutes / (row.slot_minutes || 1)) * (row.price_minor_per_slot ?? 0);
  return {
    "@type": "Offer",
    "@id": `${facilityUse}-offer-${isoMinutes(minutes)}`,
    identifier: `${row.resource_id ?? row.id}-${minutes}`,
    name: `${isoMinutes(minutes).slice(2).toLowerCase()} booking`,
    price: priceOf(priceMinor),
    priceCurrency: row.currency,
    url,
  };
}

export type SlotRow = {
  change_number: bigint;
  id: string;
  deleted: boolean;
  resource_id: string;
  starts_at: Date | null;
  ends_at: Date | null;
  remaining: number | null;
  slot_minutes: number | null;
  min_minutes: number | null;
  price_minor_per_slot: number | null;
  currency: string | null;
  slug: string | null;
  event_status: string | null;
};

export type SlotItem = RpdeItem<typeof SLOT_KIND>;

export function toSlotItem(row: SlotRow, baseUrl: string): SlotItem {
  const modified = Number(row.change_number);
  if (row.deleted || row.event_status !== "published" || !row.slug || !row.starts_at || !row.ends_at) {
    return { state: "deleted", kind: SLOT_KIND, id: row.id, modified };
  }
  const facilityUse = facilityUseIdOf(baseUrl, row.slug, row.resource_id);
  const url = eventUrlOf(baseUrl, row.slug);
  return {
    state: "updated",
    kind: SLOT_KIND,
    id: row.id,
    modified,
    data: {
      "@context": OPENACTIVE_CONTEXT,
      "@type": "Slot",
      "@id": `${facilityUse}-slot-${row.id}`,
      identifier: row.id,
      facilityUse,
      startDate: feedDateTime(row.starts_at),
      endDate: feedDateTime(row.ends_at),
      duration: isoDuration(row.starts_at, row.ends_at),
      remainingUses: row.remaining ?? 0,
      maximumUses: 1,
      offers: [shortestBookingOffer(row, facilityUse, url)],
    },
  };
}
