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
  questions: "Questions",
  holderChangeCutoffMinutes: "Holder changes close",
  kind: "answer",
  label: "question",
  options: "choices",
  ticketType: "asked of",
  perTicket: "every ticket's holder",
  required: "required",
  showAtDoor: "shown at the door",
  id: "id",
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
  salesStart: "sales start",
  salesEnd: "sales end",
  hidden: "hidden",
  until: "until",
  untilTaken: "until this many are taken",
  ticketTypes: "ticket types",
};

/** Whole-form fields of other admin forms (the voucher form) whose names the event form's rows also use. */
const TOP_LABELS: Record<string, string> = {
  kind: "Kind",
  value: "Value",
  code: "Code",
  maxUses: "Places it may be used for",
  maxPerBuyer: "Places per buyer",
  validFrom: "Valid from",
  validUntil: "Valid until",
  eventIds: "Events",
  ticketTypeIds: "Ticket types",
  revealsHidden: "Reveals hidden ticket types",
  tag: "Tag",
  note: "Note",
  count: "How many codes",
  prefix: "Prefix",
  currency: "Currency",
  // The event form's meeting point and reminder, and the message to attendees (issue 29.4).
  meetingPoint: "Meeting point",
  reminderHoursBefore: "Reminder (hours before the start)",
  sessionId: "To",
  subject: "Subject",
  body: "Message",
};

/** "sessions.1.ticketTypes.0.capacity" → "Session 2, ticket type 1: capacity". */
export function describeField(path: string): string {
  const parts = path.split(".");
  if (parts.length === 1) return FIELD_LABELS[path] ?? TOP_LABELS[path] ?? path;
  if ((parts[0] === "eventIds" || parts[0] === "ticketTypeIds") && parts.length === 2) return TOP_LABELS[parts[0]];
  const label = (key: string) => FIELD_LABELS[key === "description" ? "description_" : key] ?? key;
  if (parts[0] === "sessions" && parts[2] === "ticketTypes" && parts[4] === "tiers" && parts.length > 5) {
    return `Session ${Number(parts[1]) + 1}, ticket type ${Number(parts[3]) + 1}, price tier ${Number(parts[5]) + 1}: ${label(parts[6] ?? "")}`;
  }
  if (parts[0] === "sessions" && parts[2] === "quotas" && parts.length > 3) {
    return `Session ${Number(parts[1]) + 1}, shared capacity ${Number(parts[3]) + 1}: ${label(parts[4] ?? "")}`;
  }
  if (parts[0] === "sessions" && parts[2] === "ticketTypes") {
    return `Session ${Number(parts[1]) + 1}, ticket type ${Number(parts[3]) + 1}: ${label(parts[4] ?? "")}`;
  }
  if (parts[0] === "sessions") return `Session ${Number(parts[1]) + 1}: ${label(parts[2] ?? "")}`;
  if (parts[0] === "resources") return `Experience ${Number(parts[1]) + 1}: ${label(parts[2] ?? "")}`;
  if (parts[0] === "questions") return describeQuestionField(parts);
  if (parts[0] === "translations" && isLocale(parts[1])) return `${LOCALE_NAMES_IN_ENGLISH[parts[1]]} translation: ${label(parts[2] ?? "")}`;
  return path;
}

/** "questions.2.options.0.labelTranslations.de" → "Question 3, choice 1: German"; "questions.0.label" → "Question 1: question". */
function describeQuestionField(parts: string[]): string {
  const question = `Question ${Number(parts[1]) + 1}`;
  const rest = parts.slice(2);
  const where = rest[0] === "options" && rest.length > 1 ? `${question}, choice ${Number(rest[1]) + 1}` : question;
  const field = rest[0] === "options" && rest.length > 1 ? rest.slice(2) : rest;
  if (field[0] === "labelTranslations" && isLocale(field[1])) return `${where}: ${LOCALE_NAMES_IN_ENGLISH[field[1]]}`;
  if (rest[0] === "options" && rest.length > 1 && field[0] === "label") return `${where}: label`;
  return `${where}: ${FIELD_LABELS[field[0] ?? ""] ?? field[0] ?? ""}`;
}
