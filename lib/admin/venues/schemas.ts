// A venue's address card as the admin edits it: what OpenActive consumers need to place it
// (street, postcode, locality, region, country) and to reach it (phone, web site).
import { z } from "zod";

const optionalText = (max: number) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? null : value), z.string().trim().max(max, `Use at most ${max} characters`).nullable().default(null));

export const ZVenueAddress = z.object({
  name: z.string({ error: "Enter a name" }).trim().min(2, "Enter a name").max(120, "Use at most 120 characters"),
  address: z.string({ error: "Enter the street address" }).trim().min(3, "Enter the street address").max(200, "Use at most 200 characters"),
  postalCode: optionalText(20),
  city: z.string({ error: "Enter a city" }).trim().min(1, "Enter a city").max(80, "Use at most 80 characters"),
  region: optionalText(80),
  country: z.preprocess(
    (value) => (typeof value === "string" ? (value.trim() === "" ? null : value.trim().toUpperCase()) : value),
    z.string().regex(/^[A-Z]{2}$/, "Use the two-letter country code, like PT or GB").nullable().default(null),
  ),
  phone: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? null : value),
    z.string().trim().regex(/^\+?[0-9 ()-]{6,30}$/, "Use digits, spaces and an optional leading +, like +44 20 7946 0381").nullable().default(null),
  ),
  url: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? null : value),
    z.url({ protocol: /^https?$/, error: "Use a full web address, like https://venue.example" }).max(300).nullable().default(null),
  ),
});

export type VenueAddressInput = z.infer<typeof ZVenueAddress>;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value.includes("/") || value === "UTC";
  } catch {
    return false;
  }
}

const optionalNumber = (min: number, max: number, message: string) =>
  z.preprocess((value) => (value === "" || value === null || value === undefined ? null : Number(value)), z.number({ error: message }).min(min, message).max(max, message).nullable().default(null));

/**
 * A new venue (issue 30): its address card, plus what the catalogue needs to place its events
 * (neighbourhood, the clock its sessions are written in) and, optionally, its position for
 * "near me". `hostId`: whose venue (a member of one host may leave it out).
 */
export const ZNewVenue = ZVenueAddress.extend({
  neighbourhood: z.string({ error: "Enter a neighbourhood" }).trim().min(1, "Enter a neighbourhood").max(80, "Use at most 80 characters"),
  timeZone: z.string({ error: "Enter the time zone" }).trim().refine(isTimeZone, "Use a time zone like Europe/Lisbon"),
  latitude: optionalNumber(-90, 90, "Use a latitude between -90 and 90"),
  longitude: optionalNumber(-180, 180, "Use a longitude between -180 and 180"),
  hostId: z.preprocess((value) => (value === "" || value === null ? undefined : value), z.uuid("Choose the host").optional()),
}).refine((venue) => (venue.latitude === null) === (venue.longitude === null), { path: ["longitude"], message: "Give both the latitude and the longitude, or neither" });

export type NewVenueInput = z.infer<typeof ZNewVenue>;

/** The new-venue form's values: strings as the inputs hold them. */
export type NewVenueFormValues = Omit<VenueFormValues, "id"> & { neighbourhood: string; timeZone: string; latitude: string; longitude: string; hostId: string };

/** What the venue form shows: strings as the inputs hold them. */
export type VenueFormValues = { id: string; name: string; address: string; postalCode: string; city: string; region: string; country: string; phone: string; url: string };
