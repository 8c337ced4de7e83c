import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getPublicEventBySlug } from "@/lib/catalog/get-event";
import { createActor, eventInput } from "@/tests/admin-fixtures";
import { isAdminError } from "../errors";
import { createEvent } from "./create-event";
import { getEventForm } from "./get-event-form";
import { updateEvent } from "./update-event";
import { confirmOrderPayment } from "@/lib/orders/transitions";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { accountBuyer } from "@/lib/orders/buyer";
import { loadOrderTickets } from "@/lib/tickets/load-order-tickets";
import { createTestUser } from "@/tests/fixtures";

const english = { title: "Harbour Jazz Night", summary: "Live jazz by the harbour, with a bar.", description: "A long evening of jazz by the harbour, with guests from abroad." };
const german = { title: "Jazznacht am Hafen", summary: "Live-Jazz am Hafen, mit Bar.", description: "Ein langer Jazzabend am Hafen, mit Gästen aus dem Ausland." };

describe("event translations from the admin form", () => {
  it("stores the filled-in languages (not blank ones, not the event's own) and pages read them", async () => {
    const admin = await createActor();
    const { input } = await eventInput({
      language: "pt",
      title: "Noite de Jazz no Porto",
      summary: "Jazz ao vivo junto ao porto, com bar.",
      description: "Uma longa noite de jazz junto ao porto, com convidados do estrangeiro.",
      translations: { en: english, de: german, es: { title: "", summary: "", description: "" }, pt: german },
    });
    const saved = await createEvent({ actor: admin, input });
    const stored = await prisma.eventTranslation.findMany({ where: { eventId: saved.id }, orderBy: { locale: "asc" } });
    expect(stored.map((row) => [row.locale, row.title])).toEqual([["de", german.title], ["en", english.title]]);

    expect(await getPublicEventBySlug(saved.slug, { locale: "de" })).toMatchObject({ title: german.title, language: "de", originalLanguage: "pt", untranslated: false });
    expect(await getPublicEventBySlug(saved.slug, { locale: "ca" })).toMatchObject({ title: "Noite de Jazz no Porto", language: "pt", untranslated: true });
    const form = await getEventForm({ actor: admin, eventId: saved.id });
    expect(form).toMatchObject({ language: "pt", translations: { en: english, de: german } });

    // Emptied in the form: the translation goes; changed: it is replaced.
    const { version } = await prisma.event.findUniqueOrThrow({ where: { id: saved.id }, select: { version: true } });
    await updateEvent({ actor: admin, eventId: saved.id, input: { ...input, version, translations: { en: { ...english, title: "Harbour Jazz" }, de: { title: "", summary: "", description: "" } } } });
    const after = await prisma.eventTranslation.findMany({ where: { eventId: saved.id } });
    expect(after.map((row) => [row.locale, row.title])).toEqual([["en", "Harbour Jazz"]]);
  });

  it("translates ticket type names: stored per language, read by the event page, the checkout's rules, the order's PDF and the form", async () => {
    const admin = await createActor();
    const { input, venue } = await eventInput({ language: "pt" });
    const sessions = [
      {
        ...(input.sessions as { startsAt: string; endsAt: string }[])[0],
        ticketTypes: [
          { name: "Plateia", price: "15.00", currency: "EUR", capacity: "100", nameTranslations: { en: "Stalls", de: "Parkett", es: "", pt: "ignored: the event's own language" } },
          { name: "Primeira fila", price: "30", currency: "EUR", capacity: "10" },
        ],
      },
    ];
    const saved = await createEvent({ actor: admin, input: { ...input, sessions } });
    const stored = await prisma.ticketType.findMany({ where: { session: { eventId: saved.id } }, orderBy: { sortOrder: "asc" }, select: { id: true, name: true, nameTranslations: true } });
    expect(stored.map((type) => type.nameTranslations)).toEqual([{ en: "Stalls", de: "Parkett" }, {}]);

    const names = async (locale: "en" | "de" | "ca") => (await getPublicEventBySlug(saved.slug, { locale }))!.sessions[0].ticketTypes.map((type) => type.name);
    expect(await names("de")).toEqual(["Parkett", "Primeira fila"]);
    expect(await names("en")).toEqual(["Stalls", "Primeira fila"]);
    expect(await names("ca")).toEqual(["Plateia", "Primeira fila"]);
    const form = await getEventForm({ actor: admin, eventId: saved.id });
    expect(form!.sessions[0].ticketTypes[0].nameTranslations).toEqual({ en: "Stalls", de: "Parkett" });

    // An order bought in German prints the German name on its tickets.
    const buyer = await createTestUser();
    const order = await reserveTickets({ buyer: accountBuyer(buyer.id), input: { items: [{ ticketTypeId: stored[0].id, quantity: 1 }] }, locale: "de" });
    await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: "p" });
    expect((await loadOrderTickets(order.id))!.pdf.tickets.map((ticket) => ticket.ticketTypeName)).toEqual(["Parkett"]);
    expect(venue.id).toBe(input.venueId);
  });

  it("refuses a half-filled translation, naming its fields", async () => {
    const admin = await createActor();
    const { input } = await eventInput({ translations: { de: { title: "Jazznacht", summary: "", description: "" } } });
    const error = await createEvent({ actor: admin, input }).catch((e) => e);
    expect(isAdminError(error) && error.fieldErrors).toMatchObject({ "translations.de.summary": expect.any(String), "translations.de.description": expect.any(String) });
  });
});
