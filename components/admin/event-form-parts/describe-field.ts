// How the error summary names a field: "sessions.1.ticketTypes.0.capacity" →
// "Session 2, ticket type 1: capacity"; "translations.pt.title" → "Portuguese translation: title".
import { LOCALE_NAMES_IN_ENGLISH, isLocale } from "@/lib/i18n/locales";

const FIELD_LABELS: Record<string, string> = {
  title: "Title",
  slug: "Web address",
  summary: "Summary",
  description: "Description",
  category: "Category",
  city: "City",
  neighbourhood: "Neighbourhood",
  venueId: "Venue",
  image: "Image",
  imageAlt: "Image description",
  activityId: "Activity",
  minAge: "Minimum age",
  maxAge: "Maximum age",
  status: "Status",
  sessions: "Sessions",
  resources: "Bookable experiences",
  version: "Version",
  language: "Written in",
  translations: "Translations",
  startsAt: "start",
  endsAt: "end",
  name: "name",
  price: "price",
  currency: "currency",
  capacity: "capacity",
  description_: "description",
  opensAt: "opens",
  closesAt: "closes",
  slotMinutes: "slot length",
  minMinutes: "minimum length",
  maxMinutes: "maximum length",
};

/** "sessions.1.ticketTypes.0.capacity" → "Session 2, ticket type 1: capacity". */
export function describeField(path: string): string {
  const parts = path.split(".");
  if (parts.length === 1) return FIELD_LABELS[path] ?? path;
  const label = (key: string) => FIELD_LABELS[key === "description" ? "description_" : key] ?? key;
  if (parts[0] === "sessions" && parts[2] === "ticketTypes") {
    return `Session ${Number(parts[1]) + 1}, ticket type ${Number(parts[3]) + 1}: ${label(parts[4] ?? "")}`;
  }
  if (parts[0] === "sessions") return `Session ${Number(parts[1]) + 1}: ${label(parts[2] ?? "")}`;
  if (parts[0] === "resources") return `Experience ${Number(parts[1]) + 1}: ${label(parts[2] ?? "")}`;
  if (parts[0] === "translations" && isLocale(parts[1])) return `${LOCALE_NAMES_IN_ENGLISH[parts[1]]} translation: ${label(parts[2] ?? "")}`;
  return path;
}
