// The demo data a new user meets (issue 33): every "sold" figure is real paid orders with
// tickets, the sessions already held have check-ins and no-shows, an event that says "Tuesday"
// is on a Tuesday, and ticket types are named in every storefront language.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_HOST_LOGINS, DEMO_HOSTS } from "./seed-demo-hosts";
import { DEMO_INVITATION } from "./seed-demo-invitations";
import { PrismaClient } from "../generated/prisma/client";
import { LOCALES } from "../i18n/locales";
import { applyMigrations } from "./migrations";
import { DEMO_SLUGS, seedDemoData } from "./seed-demo";
import { DEMO_QUESTION_SLUGS } from "./seed-demo-questions";
import { DEMO_CODES, DEMO_PRESALE } from "./seed-demo-box-office";
import { DEMO_MEETING_POINTS, DEMO_MESSAGE } from "./seed-demo-attendee-word";
import { DEMO_RANGE_WAITLIST, DEMO_WAITLIST } from "./seed-demo-waitlist";

const serverUrl = process.env.DATABASE_URL!;
const name = `seed_demo_${randomUUID().slice(0, 8)}`;
const url = (() => {
  const parsed = new URL(serverUrl);
  parsed.pathname = `/${name}`;
  return parsed.toString();
})();
const client = new pg.Client({ connectionString: url });

async function onServer(sql: string) {
  const server = new pg.Client({ connectionString: serverUrl });
  await server.connect();
  try {
    await server.query(sql);
  } finally {
    await server.end();
  }
}

async function rows<T>(sql: string): Promise<T[]> {
  return (await client.query(sql)).rows as T[];
}

beforeAll(async () => {
  await onServer(`CREATE DATABASE ${name}`);
  await applyMigrations(url);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    await seedDemoData(prisma, { now: new Date() });
  } finally {
    await prisma.$disconnect();
  }
  await client.connect();
}, 120_000);

afterAll(async () => {
  await client.end().catch(() => {});
  await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

describe("the demo data", () => {
  it("has paid orders with tickets behind every place it counts as sold", async () => {
    const mismatched = await rows(`
      SELECT tt.id, tt.sold, coalesce(items.quantity, 0) AS ordered, coalesce(issued.tickets, 0) AS tickets
        FROM ticket_types tt
        LEFT JOIN (SELECT oi.ticket_type_id, sum(oi.quantity)::int AS quantity FROM order_items oi JOIN orders o ON o.id = oi.order_id
                    WHERE o.status = 'paid' AND oi.status = 'sold' GROUP BY 1) items ON items.ticket_type_id = tt.id
        LEFT JOIN (SELECT ticket_type_id, count(*)::int AS tickets FROM tickets WHERE status = 'valid' GROUP BY 1) issued ON issued.ticket_type_id = tt.id
       WHERE tt.sold <> coalesce(items.quantity, 0) OR tt.sold <> coalesce(issued.tickets, 0)`);
    expect(mismatched).toEqual([]);
    const [totals] = await rows<{ sold: number; orders: number }>(`SELECT (SELECT sum(sold)::int FROM ticket_types) AS sold, (SELECT count(*)::int FROM orders) AS orders`);
    expect(totals.sold).toBeGreaterThan(1000);
    // Orders are totalled from their lines, and each buyer's order is in their language.
    expect(await rows(`SELECT o.id FROM orders o JOIN order_items oi ON oi.order_id = o.id GROUP BY o.id HAVING o.total_minor <> sum(oi.quantity * oi.unit_price_minor)`)).toEqual([]);
    const locales = (await rows<{ locale: string }>(`SELECT DISTINCT locale FROM orders ORDER BY 1`)).map((row) => row.locale);
    expect(locales.sort()).toEqual([...LOCALES].sort());
    // Some sales are guests': an email and a name on the order, no account.
    const [guests] = await rows<{ guests: number; accounts: number }>(`SELECT count(*) FILTER (WHERE user_id IS NULL)::int AS guests, count(*) FILTER (WHERE user_id IS NOT NULL)::int AS accounts FROM orders`);
    expect(guests.guests).toBeGreaterThan(10);
    expect(guests.accounts).toBeGreaterThan(guests.guests);
    // Short codes as the door reads them; none shared.
    expect(await rows(`SELECT short_code FROM tickets WHERE short_code !~ '^[2-9A-HJKMNP-TV-Z]{10}$'`)).toEqual([]);
  });

  it("has past sessions with check-ins at the door and some no-shows", async () => {
    const held = await rows<{ session_id: string; tickets: number; came: number }>(`
      SELECT s.id AS session_id, count(t.id)::int AS tickets, count(c.id)::int AS came
        FROM event_sessions s JOIN ticket_types tt ON tt.session_id = s.id JOIN tickets t ON t.ticket_type_id = tt.id
        LEFT JOIN check_ins c ON c.ticket_id = t.id
       WHERE s.starts_at < now() - interval '1 day' GROUP BY s.id`);
    expect(held.length).toBeGreaterThan(3);
    for (const session of held) expect(session.came).toBeGreaterThan(0);
    // Not everyone came: the dashboard's no-show column has something to say.
    expect(held.filter((session) => session.came < session.tickets).length).toBeGreaterThan(held.length / 2);
    expect(await rows(`SELECT c.id FROM check_ins c JOIN event_sessions s ON s.id = c.session_id WHERE s.starts_at > now()`)).toEqual([]);
  });

  it("puts the Tuesday open mic on Tuesdays, on the venue's clock", async () => {
    const days = await rows<{ weekday: number }>(`
      SELECT extract(isodow FROM s.starts_at AT TIME ZONE v.time_zone)::int AS weekday
        FROM event_sessions s JOIN events e ON e.id = s.event_id JOIN venues v ON v.id = s.venue_id WHERE e.slug = '${DEMO_SLUGS.free}'`);
    expect(days.length).toBe(3);
    expect(days.every((day) => day.weekday === 2)).toBe(true);
  });

  it("names every ticket type in the five storefront languages", async () => {
    const types = await rows<{ name: string; language: string; names: Record<string, string> }>(`
      SELECT tt.name, e.language, tt.name_translations AS names FROM ticket_types tt JOIN event_sessions s ON s.id = tt.session_id JOIN events e ON e.id = s.event_id`);
    for (const type of types) {
      expect(Object.keys(type.names).sort(), type.name).toEqual(LOCALES.filter((locale) => locale !== type.language).sort());
    }
    const german = await rows<{ name: string }>(`SELECT DISTINCT tt.name_translations->>'de' AS name FROM ticket_types tt WHERE tt.name = 'General admission'`);
    expect(german).toEqual([{ name: "Eintritt" }]);
  });

  it("asks questions: one event per ticket with a required one shown at the door, one per order; every label in the five languages", async () => {
    const questions = await rows<{ slug: string; language: string; label: string; labels: Record<string, string>; options: { label: string; labelTranslations: Record<string, string> }[]; required: boolean; per_ticket: boolean; show_at_door: boolean }>(`
      SELECT e.slug, e.language, q.label, q.label_translations AS labels, q.options, q.required, q.per_ticket, q.show_at_door
        FROM event_questions q JOIN events e ON e.id = q.event_id`);
    expect(questions.some((q) => q.slug === DEMO_QUESTION_SLUGS.perTicket && q.per_ticket && q.required && q.show_at_door)).toBe(true);
    expect(questions.some((q) => q.slug === DEMO_QUESTION_SLUGS.perOrder && !q.per_ticket && q.required)).toBe(true);
    for (const question of questions) {
      const others = LOCALES.filter((locale) => locale !== question.language).sort();
      expect(Object.keys(question.labels).sort(), question.label).toEqual(others);
      for (const option of question.options) expect(Object.keys(option.labelTranslations).sort(), option.label).toEqual(others);
    }
  });

  it("shows a waiting list: a sold-out type with two people waiting and one holding an offer, its place counted as held", async () => {
    const entries = await rows<{ status: string; email: string; held: number; available: number; code: string | null }>(`
      SELECT w.status::text AS status, w.email, tt.held, ticket_type_available(tt.id) AS available, v.code
        FROM waitlist_entries w JOIN ticket_types tt ON tt.id = w.ticket_type_id LEFT JOIN vouchers v ON v.id = w.voucher_id
       ORDER BY w.created_at`);
    expect(entries.map((entry) => entry.status)).toEqual(["offered", "waiting", "waiting"]);
    expect(entries[0]).toMatchObject({ email: DEMO_WAITLIST.people[0].email, held: 1, available: 0 });
    expect(entries[0].code).toMatch(/^WAIT-/);
    expect((await rows<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE kind = 'waitlist_offer'`))[0].n).toBe(1);
  });

  it("shows a waiting list for a taken time of a bookable experience: its booking paid, one person waiting (docs/decisions/0021)", async () => {
    const entries = await rows<{ status: string; email: string; taken: number; slug: string }>(`
      SELECT w.status::text AS status, w.email, e.slug,
             (SELECT count(*)::int FROM bookings b JOIN orders o ON o.id = b.order_id
               WHERE b.resource_id = w.resource_id AND b.status = 'sold' AND o.status = 'paid'
                 AND tstzrange(b.starts_at, b.ends_at) && tstzrange(w.starts_at, w.ends_at)) AS taken
        FROM waitlist_entries w JOIN events e ON e.id = w.event_id WHERE w.resource_id IS NOT NULL`);
    expect(entries).toEqual([{ status: "waiting", email: DEMO_RANGE_WAITLIST.person.email, taken: 1, slug: DEMO_RANGE_WAITLIST.slug }]);
  });

  it("has three local hosts besides the platform's, with members who can sign in, each running its city's venues and events", async () => {
    const hosts = await rows<{ slug: string; venues: number; events: number; mismatched: number; members: number }>(`
      SELECT h.slug, (SELECT count(*)::int FROM venues v WHERE v.host_id = h.id) AS venues, (SELECT count(*)::int FROM events e WHERE e.host_id = h.id) AS events,
             (SELECT count(*)::int FROM events e JOIN venues v ON v.id = e.venue_id WHERE e.host_id = h.id AND v.host_id <> h.id) AS mismatched,
             (SELECT count(*)::int FROM host_members m WHERE m.host_id = h.id) AS members
        FROM hosts h ORDER BY h.slug`);
    expect(hosts.map((host) => host.slug).sort()).toEqual([...DEMO_HOSTS.map((host) => host.slug), "local-tickets"].sort());
    for (const host of hosts) {
      expect(host.venues, host.slug).toBeGreaterThan(0);
      expect(host.events, host.slug).toBeGreaterThan(3);
      expect(host.mismatched, host.slug).toBe(0);
      if (host.slug !== "local-tickets") expect(host.members, host.slug).toBeGreaterThan(0);
    }
    expect(DEMO_HOSTS.filter((host) => host.stripe === "not connected")).toHaveLength(1);
    // Stripe Connect (docs/decisions/0020): two hosts may take charges and have payouts in the ledger; the third sells nothing yet.
    const stripe = await rows<{ slug: string; ready: boolean; on_sale: number; ledger: number }>(`
      SELECT h.slug, h.charges_enabled AS ready, (SELECT count(*)::int FROM events e WHERE e.host_id = h.id AND event_on_sale(e.id, now())) AS on_sale,
             (SELECT count(*)::int FROM ledger_entries l WHERE l.host_id = h.id) AS ledger
        FROM hosts h WHERE h.slug <> 'local-tickets' ORDER BY h.slug`);
    for (const host of stripe) {
      const connected = DEMO_HOSTS.find((demo) => demo.slug === host.slug)!.stripe === "connected";
      expect(host.ready, host.slug).toBe(connected);
      expect(host.on_sale > 0, host.slug).toBe(connected);
      expect(host.ledger > 0, host.slug).toBe(connected);
    }
    const logins = await rows<{ email: string; role: string; verified: boolean }>(`SELECT u.email, m.role::text AS role, u.email_verified_at IS NOT NULL AS verified FROM host_members m JOIN users u ON u.id = m.user_id`);
    expect(logins.map((login) => login.email).sort()).toEqual(DEMO_HOST_LOGINS.map((login) => login.email).sort());
    expect(logins.every((login) => login.verified)).toBe(true);
    // Alfama Nights' owner has a pending invitation on the Team page (docs/decisions/0022).
    expect(await rows<{ email: string; role: string; slug: string }>(`SELECT i.email, i.role::text AS role, h.slug FROM host_invitations i JOIN hosts h ON h.id = i.host_id WHERE i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()`))
      .toEqual([{ email: DEMO_INVITATION.email, role: DEMO_INVITATION.role, slug: DEMO_INVITATION.host }]);
    const vouchers = await rows<{ code: string; mixed: number }>(`SELECT v.code, (SELECT count(*)::int FROM events e WHERE e.id = ANY(v.event_ids) AND e.host_id <> v.host_id) AS mixed FROM vouchers v`);
    expect(vouchers.every((voucher) => voucher.mixed === 0)).toBe(true);
  });

  it("has a promo code, an access code to a hidden presale type, and an early-bird tier", async () => {
    const vouchers = await rows<{ code: string; reveals_hidden: boolean; events: number }>(`SELECT code, reveals_hidden, cardinality(event_ids) AS events FROM vouchers WHERE tag <> 'waitlist' ORDER BY code`);
    expect(vouchers.map((v) => v.code).sort()).toEqual([DEMO_CODES.promo, DEMO_CODES.presale].sort());
    expect(vouchers.find((v) => v.code === DEMO_CODES.presale)?.reveals_hidden).toBe(true);
    expect(vouchers.find((v) => v.code === DEMO_CODES.promo)!.events).toBeGreaterThan(3);
    const hidden = await rows<{ slug: string }>(`SELECT DISTINCT e.slug FROM ticket_types tt JOIN event_sessions s ON s.id = tt.session_id JOIN events e ON e.id = s.event_id WHERE tt.hidden`);
    expect(hidden).toEqual([{ slug: DEMO_PRESALE.slug }]);
    expect((await rows<{ n: number }>(`SELECT count(*)::int AS n FROM price_tiers`))[0].n).toBeGreaterThan(0);
  });

  it("has meeting points on the tours and workshops, a message with delivery statuses, and the reminders already due as sent", async () => {
    const met = await rows<{ slug: string; category: string }>(`SELECT slug, category::text FROM events WHERE meeting_point IS NOT NULL`);
    expect(met.map((event) => event.slug).sort()).toEqual(Object.keys(DEMO_MEETING_POINTS).sort());
    expect(new Set(met.map((event) => event.category))).toEqual(new Set(["tour", "workshop", "food"]));
    const statuses = await rows<{ status: string; n: number }>(`
      SELECT r.status::text, count(*)::int AS n FROM attendee_message_recipients r JOIN attendee_messages m ON m.id = r.message_id
        JOIN events e ON e.id = m.event_id WHERE e.slug = '${DEMO_MESSAGE.slug}' GROUP BY 1 ORDER BY 1`);
    expect(statuses).toEqual([{ status: "bounced", n: 1 }, { status: "failed", n: 1 }, { status: "sent", n: expect.any(Number) }]);
    // Every recipient holds a valid ticket of the message's session: the same rule the app applies.
    const strangers = await rows(`
      SELECT r.email FROM attendee_message_recipients r JOIN attendee_messages m ON m.id = r.message_id
       WHERE NOT EXISTS (SELECT 1 FROM attendee_tickets(m.event_id, '-infinity', 'infinity') a WHERE a.email = r.email AND a.session_id = m.session_id)`);
    expect(strangers).toEqual([]);
    // Reminded: exactly the valid tickets whose session starts within a day, none twice.
    const [reminders] = await rows<{ reminded: number; due: number; both: number }>(`
      WITH due AS (SELECT ticket_id FROM attendee_tickets(NULL, now(), now() + interval '24 hours') WHERE NOT cancelled)
      SELECT (SELECT count(*)::int FROM ticket_reminders) AS reminded, (SELECT count(*)::int FROM due) AS due,
             (SELECT count(*)::int FROM ticket_reminders r JOIN due USING (ticket_id)) AS both`);
    expect(reminders.reminded).toBeGreaterThan(0);
    expect(reminders.both).toBe(reminders.reminded);
    expect(reminders.due).toBe(reminders.reminded);
  });
});
