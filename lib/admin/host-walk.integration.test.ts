// Issue 30's measurement: a member of host A walks EVERY admin page, server action and JSON
// route with host B's ids, and every answer is "not found" (a 404, or a form's refusal as if
// the row did not exist) with nothing written; list pages and list routes show none of B's
// rows. Pages, actions and routes are found on disk, so a new one is walked without editing
// this file (a new kind of id parameter makes it fail until it is mapped below).
import { randomUUID } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/users";
import { prisma } from "@/lib/db";
import { paidTicketOrder } from "@/tests/question-fixtures";
import { createHost, createHostEvent, createMember } from "@/tests/host-fixtures";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth", async () => {
  const { notFound } = await import("next/navigation");
  const { actorOf, canAdminister } = await import("@/lib/auth/policy");
  return {
    currentUser: async () => session.user,
    requireAdmin: async () => {
      if (!canAdminister(actorOf(session.user))) notFound();
      return session.user;
    },
  };
});
// The store's locale-aware Link (a page's pagination) needs Next's runtime; the walk reads props only.
vi.mock("@/lib/i18n/navigation", () => ({ Link: () => null, redirect: () => {}, usePathname: () => "/", useRouter: () => ({}), getPathname: () => "/" }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, unstable_cache: <T,>(fn: T) => fn }));

const ROOT = path.resolve(".");
const isNotFound = (error: unknown) => String((error as { digest?: string })?.digest ?? "").startsWith("NEXT_HTTP_ERROR_FALLBACK;404");

function filesNamed(dir: string, name: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesNamed(full, name) : entry === name ? [full] : [];
  });
}

/** Every string inside a value (a page's React element and its props, a JSON answer), cycles skipped. */
function stringsIn(value: unknown, seen = new Set<unknown>(), out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (value && typeof value === "object" && !seen.has(value)) {
    seen.add(value);
    if (value instanceof Date) return out;
    for (const [key, inner] of Object.entries(value)) if (key !== "_owner" && key !== "_store") stringsIn(inner, seen, out);
  }
  return out;
}

type Other = Awaited<ReturnType<typeof setUp>>;
let other: Other;
let member: SessionUser;

async function setUp() {
  const [hostA, hostB] = [await createHost({ name: "Host A" }), await createHost({ name: "Host B" })];
  const a = await createHostEvent(hostA.id, { title: `A's own evening ${Date.now()}` });
  const b = await createHostEvent(hostB.id, { title: `B's secret evening ${Date.now()}` });
  const { order, tickets } = await paidTicketOrder(b.ticketType.id, 2, "Bea Buyer");
  const voucher = await prisma.voucher.create({ data: { code: `BSECRET${Date.now()}`, kind: "percent_off", value: 10, maxUses: 5, eventIds: [b.event.id], hostId: hostB.id, tag: `b-batch-${Date.now()}` } });
  const bMember = await createMember(hostB.id, "manager");
  const grant = await prisma.staffGrant.create({ data: { userId: bMember.id, eventId: b.event.id, grantedBy: "b@example.test" } });
  const checkIn = await prisma.checkIn.create({ data: { ticketId: tickets[0].id, sessionId: b.session.id, staffEmail: bMember.email, door: "Main" } });
  const message = await prisma.attendeeMessage.create({ data: { eventId: b.event.id, subject: "B's secret subject", body: "Hello B's guests" } });
  const job = await prisma.job.create({ data: { kind: "deliver_order", payload: { orderId: order.id }, status: "dead", attempts: 8, lastError: "B's failure" } });
  // Someone waiting on B's type (its places are free: an offer by hand would go through for B).
  const entry = await prisma.waitlistEntry.create({ data: { eventId: b.event.id, ticketTypeId: b.ticketType.id, email: `waiting-${Date.now()}@example.test`, name: "B's waiting guest", quantity: 1, leaveTokenHash: `walk-${Date.now()}` } });
  const invitation = await prisma.hostInvitation.create({ data: { id: randomUUID(), hostId: hostB.id, email: `b-invited-${Date.now()}@example.test`, role: "manager", tokenHash: `walk-${randomUUID()}`, invitedByName: "B's owner", expiresAt: new Date(Date.now() + 24 * 3600_000) } });
  return { hostA, hostB, a, b, order, voucher, grant, checkIn, message, job, bMember, entry, invitation };
}

/** What B owns, and every count an admin write could change. */
async function snapshot() {
  const b = other;
  return {
    counts: await prisma.$queryRaw<Record<string, bigint>[]>`
      SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM venues) AS venues, (SELECT count(*) FROM vouchers) AS vouchers,
             (SELECT count(*) FROM staff_grants) AS grants, (SELECT count(*) FROM attendee_messages) AS messages, (SELECT count(*) FROM audit_log) AS audit,
             (SELECT count(*) FROM check_ins WHERE undone_at IS NULL) AS check_ins, (SELECT count(*) FROM jobs) AS jobs, (SELECT count(*) FROM hosts) AS hosts,
             (SELECT count(*) FROM waitlist_entries WHERE status <> 'waiting') AS waitlist_moved,
             (SELECT count(*) FROM host_members) AS members, (SELECT count(*) FROM host_invitations WHERE revoked_at IS NULL) AS invitations`,
    settings: await prisma.platformSettings.findUnique({ where: { id: true } }),
    event: await prisma.event.findUnique({ where: { id: b.b.event.id } }),
    venue: await prisma.venue.findUnique({ where: { id: b.b.venue.id } }),
    order: await prisma.order.findUnique({ where: { id: b.order.id }, select: { status: true } }),
    voucher: await prisma.voucher.findUnique({ where: { id: b.voucher.id } }),
    job: await prisma.job.findUnique({ where: { id: b.job.id }, select: { status: true, attempts: true } }),
    host: await prisma.host.findUnique({ where: { id: b.hostB.id } }),
  };
}

/** The id a path parameter names, by its name and the folder before it. */
function idFor(segments: string[], index: number): string {
  const name = segments[index].slice(1, -1);
  const parent = segments[index - 1];
  if (name === "sessionId") return other.b.session.id;
  if (name === "messageId") return other.message.id;
  if (name === "id") {
    const byParent: Record<string, string> = { events: other.b.event.id, edit: other.b.event.id, delete: other.b.event.id, orders: other.order.id, venues: other.b.venue.id, vouchers: other.voucher.id, sessions: other.b.session.id, payouts: other.hostB.id, hosts: other.hostB.id };
    if (byParent[parent]) return byParent[parent];
  }
  throw new Error(`Map the parameter ${segments[index]} after ${parent} in host-walk.integration.test.ts`);
}

function paramsOf(file: string, base: string): Record<string, string> {
  const segments = path.relative(base, path.dirname(file)).split(path.sep);
  return Object.fromEntries(segments.flatMap((segment, index) => (segment.startsWith("[") ? [[segment.slice(1, -1), idFor(segments, index)]] : [])));
}

/** B's ids under every name a form or a JSON body uses. */
function everyField(): Record<string, string> {
  return {
    confirm: "yes", eventId: other.b.event.id, hostId: other.hostB.id, venueId: other.b.venue.id, sessionId: other.b.session.id, voucherId: other.voucher.id,
    email: other.bMember.email, subject: "From A", body: "A writes to B's guests", "eventIds.0": other.b.event.id, kind: "percent_off", value: "10", maxUses: "5",
    tag: other.voucher.tag, count: "2", title: "Taken over", slug: `taken-${Date.now()}`, summary: "A takes B's event over", description: "A long enough description of a takeover.",
    category: "concert", city: "Lisbon", neighbourhood: "Baixa", imagePath: "/images/events/sao-bento-jazz-sessions.webp", imageAlt: "A stage", status: "published",
    name: "Taken venue", address: "Rua Augusta 2", timeZone: "Europe/Lisbon", version: "1", role: "owner", locale: "en", story: "A takeover", feePercentBp: "0", feeFixedMinor: "0",
  };
}

/**
 * What would show a row of B's. B's event id is left out: the lists echo the filter they were
 * asked for (`?event=`), which is not a row; a leaked row still shows its title or name.
 */
function markers(): string[] {
  return [other.b.event.title, other.b.venue.name, other.order.id, other.voucher.code, other.message.subject, other.job.id, other.grant.id, other.bMember.email, other.entry.email, other.hostB.stripeAccountId!, other.invitation.email];
}

function expectNoMarker(value: unknown, where: string) {
  const text = stringsIn(value).join("\n");
  for (const marker of markers()) expect(text.includes(marker), `${where} shows ${marker}`).toBe(false);
}

beforeAll(async () => {
  other = await setUp();
  member = await createMember(other.hostA.id, "manager");
});

describe("a host's member walking the admin area with another host's ids", () => {
  it("gets 404 from every page that names one, and sees none of its rows on the others", async () => {
    const base = path.join(ROOT, "app/admin");
    const pages = filesNamed(base, "page.tsx");
    expect(pages.length).toBeGreaterThan(15);
    const before = await snapshot();
    session.user = member;
    const search = { q: other.order.reference, event: other.b.event.id, tag: other.voucher.tag, sessionId: other.b.session.id };
    for (const file of pages) {
      const route = path.relative(ROOT, file);
      const params = paramsOf(file, base);
      const { default: Page } = await import(file);
      const rendered = Page({ params: Promise.resolve(params), searchParams: Promise.resolve(search) }).then((element: unknown) => ({ element }), (error: unknown) => ({ error }));
      const outcome = await rendered;
      if (Object.keys(params).length > 0) {
        expect("error" in outcome && isNotFound(outcome.error), `${route} with B's ids`).toBe(true);
      } else if ("error" in outcome) {
        expect(isNotFound(outcome.error), `${route}: ${String(outcome.error)}`).toBe(true);
      } else {
        expectNoMarker(outcome.element, route);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it("is refused by every server action, as if B's rows did not exist, and nothing is written", async () => {
    const actionFiles = filesNamed(path.join(ROOT, "app/admin"), "actions.ts");
    expect(actionFiles.length).toBeGreaterThan(5);
    const before = await snapshot();
    session.user = member;
    const ids: Record<string, string> = {
      eventId: other.b.event.id, orderId: other.order.id, voucherId: other.voucher.id, venueId: other.b.venue.id, grantId: other.grant.id, checkInId: other.checkIn.id, jobId: other.job.id,
      ticketTypeId: other.b.ticketType.id, entryId: other.entry.id, hostId: other.hostB.id, userId: other.bMember.id, invitationId: other.invitation.id,
    };
    let walked = 0;
    for (const file of actionFiles) {
      const actions = await import(file);
      for (const [name, action] of Object.entries(actions)) {
        if (typeof action !== "function") continue;
        const parameters = /\(([^)]*)\)/.exec(String(action))![1].split(",").map((parameter) => parameter.trim().replace(/[=:].*$/, "")).filter(Boolean);
        const form = new FormData();
        for (const [key, value] of Object.entries(everyField())) form.append(key, value);
        const args = parameters.map((parameter) => {
          if (parameter in ids) return ids[parameter];
          if (parameter === "formData") return form;
          if (/^_?(previous|state)$/.test(parameter)) return null;
          throw new Error(`Map the parameter ${parameter} of ${name} in host-walk.integration.test.ts`);
        });
        const outcome = await (action as (...args: unknown[]) => Promise<unknown>)(...args).then((answer) => ({ answer }), (error: unknown) => ({ error }));
        const where = `${path.relative(ROOT, file)} ${name}`;
        if ("error" in outcome) expect(isNotFound(outcome.error), `${where}: ${String(outcome.error)}`).toBe(true);
        else expect(outcome.answer, where).toMatchObject({ ok: false });
        walked++;
      }
    }
    expect(walked).toBeGreaterThan(12);
    expect(await snapshot()).toEqual(before);
  });

  it("gets 404 from every JSON route that names one, sees none of B's rows in the lists, and nothing is written", async () => {
    const base = path.join(ROOT, "app/api/admin");
    const routes = filesNamed(base, "route.ts");
    expect(routes.length).toBeGreaterThan(8);
    const before = await snapshot();
    session.user = member;
    const query = new URLSearchParams({ tag: other.voucher.tag, event: other.b.event.id, report: "sessions" });
    for (const file of routes) {
      const params = paramsOf(file, base);
      const handlers = await import(file);
      for (const method of ["GET", "POST", "PATCH", "PUT", "DELETE"]) {
        const handler = handlers[method];
        if (!handler) continue;
        const where = `${method} ${path.relative(ROOT, file)}`;
        const body = ["GET", "DELETE"].includes(method) ? undefined : JSON.stringify({ ...everyField(), eventIds: [other.b.event.id], sessions: [], resources: [] });
        const request = new Request(`http://localhost/api/admin?${query}`, { method, headers: body ? { "content-type": "application/json" } : {}, body });
        const response: Response = await handler(request, { params: Promise.resolve(params) });
        if (Object.keys(params).length > 0) {
          expect(response.status, where).toBe(404);
        } else if (response.status === 200) {
          expectNoMarker(await response.text(), where);
        } else {
          expect([404, 422], where).toContain(response.status);
        }
      }
    }
    expect(await snapshot()).toEqual(before);
  });
});
