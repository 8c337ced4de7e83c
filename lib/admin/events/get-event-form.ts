import "server-only";
import { prisma } from "@/lib/db";
import { toLocale } from "@/lib/i18n/locales";
import { formatMinute } from "@/lib/time";
import { assertAdmin, type Actor } from "../authorize";
import { hostWhere } from "../host-scope";
import { priceText, type EventFormValues } from "./form-values";
import { instantToLocal } from "./session-times";
import { isUuid } from "@/lib/ids";
import { readNameTranslations } from "@/lib/catalog/ticket-type-name";
import { readOptions } from "@/lib/questions/stored-question";


/** The edit form's values of an event (times on the venue's clock), or null. */
export async function getEventForm(options: { actor: Actor | null; eventId: string }): Promise<EventFormValues | null> {
  const actor = await assertAdmin(options.actor);
  if (!isUuid(options.eventId)) return null;
  const event = await prisma.event.findFirst({
    where: { id: options.eventId, ...hostWhere(actor) },
    include: {
      venue: { select: { timeZone: true } },
      sessions: {
        where: { cancelled: false },
        orderBy: { startsAt: "asc" },
        include: {
          venue: { select: { timeZone: true } },
          ticketTypes: { orderBy: { sortOrder: "asc" }, include: { priceTiers: { orderBy: { sortOrder: "asc" } } } },
          quotas: { orderBy: { name: "asc" }, include: { ticketTypes: { select: { ticketTypeId: true } } } },
        },
      },
      resources: { orderBy: { name: "asc" }, include: { _count: { select: { bookings: true } } } },
      translations: { select: { locale: true, title: true, summary: true, description: true } },
      questions: { orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!event) return null;
  return {
    id: event.id,
    version: event.version,
    title: event.title,
    slug: event.slug,
    summary: event.summary,
    description: event.description,
    language: toLocale(event.language),
    translations: Object.fromEntries(event.translations.map(({ locale, title, summary, description }) => [locale, { title, summary, description }])),
    category: event.category,
    city: event.city,
    neighbourhood: event.neighbourhood,
    venueId: event.venueId,
    hostId: event.hostId,
    imagePath: event.imagePath,
    imageAlt: event.imageAlt,
    status: event.status,
    activityId: event.activityId ?? "",
    minAge: event.minAge === null ? "" : String(event.minAge),
    maxAge: event.maxAge === null ? "" : String(event.maxAge),
    meetingPoint: event.meetingPoint ?? "",
    reminderHoursBefore: String(event.reminderHoursBefore),
    sessions: event.sessions.map((session) => ({
      key: session.id,
      id: session.id,
      startsAt: instantToLocal(session.startsAt, session.venue.timeZone),
      endsAt: instantToLocal(session.endsAt, session.venue.timeZone),
      ticketTypes: session.ticketTypes.map((type) => ({
        key: type.id,
        id: type.id,
        name: type.name,
        nameTranslations: readNameTranslations(type.nameTranslations),
        description: type.description,
        price: priceText(type.priceMinor),
        currency: type.currency,
        capacity: String(type.capacity),
        sold: type.sold,
        held: type.held,
        salesStart: type.salesStart ? instantToLocal(type.salesStart, session.venue.timeZone) : "",
        salesEnd: type.salesEnd ? instantToLocal(type.salesEnd, session.venue.timeZone) : "",
        hidden: type.hidden,
        tiers: type.priceTiers.map((tier) => ({
          key: tier.id,
          price: priceText(tier.priceMinor),
          until: tier.until ? instantToLocal(tier.until, session.venue.timeZone) : "",
          untilTaken: tier.untilTaken === null ? "" : String(tier.untilTaken),
        })),
      })),
      quotas: session.quotas.map((quota) => {
        const covered = new Set(quota.ticketTypes.map((entry) => entry.ticketTypeId));
        return {
          key: quota.id,
          id: quota.id,
          name: quota.name,
          capacity: String(quota.capacity),
          // In the session's order, as the form ticks them.
          ticketTypes: session.ticketTypes.filter((type) => covered.has(type.id)).map((type) => type.id),
          taken: session.ticketTypes.filter((type) => covered.has(type.id)).reduce((sum, type) => sum + type.sold + type.held, 0),
        };
      }),
    })),
    resources: event.resources.map((resource) => ({
      key: resource.id,
      id: resource.id,
      name: resource.name,
      opensAt: formatMinute(resource.opensMinute),
      closesAt: resource.closesMinute === 1440 ? "00:00" : formatMinute(resource.closesMinute),
      slotMinutes: String(resource.slotMinutes),
      minMinutes: String(resource.minMinutes),
      maxMinutes: String(resource.maxMinutes),
      price: priceText(resource.priceMinorPerSlot),
      currency: resource.currency,
      bookings: resource._count.bookings,
    })),
    questions: event.questions.map((question) => ({
      key: question.id,
      id: question.id,
      kind: question.kind,
      label: question.label,
      labelTranslations: readNameTranslations(question.labelTranslations),
      options: readOptions(question.options).map((option) => ({ key: option.id, id: option.id, saved: true, label: option.label, labelTranslations: readNameTranslations(option.labelTranslations) })),
      required: question.required,
      perTicket: question.perTicket,
      ticketType: question.ticketTypeId ?? "",
      showAtDoor: question.showAtDoor,
    })),
    holderChangeCutoffMinutes: String(event.holderChangeCutoffMinutes),
    transfersForbidden: event.transfersForbidden,
    cancellationPolicy: event.cancellationPolicy,
    cancellationCutoffHours: String(event.cancellationCutoffHours),
    cancellationFeePercent: String(event.cancellationFeePercent),
    waitlistOfferHours: String(event.waitlistOfferHours),
  };
}
