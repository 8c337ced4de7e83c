// The OpenAPI document against the code: every route handler under app/api and every method
// it exports is documented, nothing documented is missing on disk, and real answers of the
// route handlers (called directly, as Next calls them) match their documented schemas.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/users";
import { eventInput } from "@/tests/admin-fixtures";
import { createBookableEvent, createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { reserveBooking } from "@/lib/orders/reserve-booking";
import { instantAt, localDateAndMinute } from "@/lib/time";
import { API_OPERATIONS, buildOpenApiDocument, findOperation, type HttpMethod } from "./openapi";
import { apiRequest, routeParams, TEST_ORIGIN, tokenFor } from "@/tests/api-fixtures";
import { prisma } from "@/lib/db";
import { createApiToken } from "@/lib/auth/api-tokens";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { confirmOrderPayment, releasePendingOrder } from "@/lib/orders/transitions";
import { loadOrderTickets } from "@/lib/tickets/load-order-tickets";
import { accountBuyer } from "@/lib/orders/buyer";
import { createVoucherOrder } from "@/tests/voucher-fixtures";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth", () => ({ currentUser: async () => session.user }));

const APP_DIR = path.resolve("app");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

type RouteFile = { file: string; template: string; catchAll: boolean; methods: string[] };

function routeFiles(dir = path.join(APP_DIR, "api")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith("_") ? [] : routeFiles(full);
    return /^route\.(ts|tsx|js)$/.test(entry.name) ? [full] : [];
  });
}

/** app/api/events/[id]/buy/route.ts → /api/events/{id}/buy; route groups vanish; [...x] is a catch-all. */
function templateOf(file: string): { template: string; catchAll: boolean } {
  const segments = path.relative(APP_DIR, path.dirname(file)).split(path.sep).filter((segment) => !/^\(.*\)$/.test(segment));
  const catchAll = segments.some((segment) => /^\[\[?\.\.\./.test(segment));
  const kept = catchAll ? segments.slice(0, segments.findIndex((segment) => /^\[\[?\.\.\./.test(segment))) : segments;
  return { template: `/${kept.map((segment) => segment.replace(/^\[(\w+)\]$/, "{$1}")).join("/")}`, catchAll };
}

/** The HTTP methods a route file exports, read from its source (importing it would run it). */
function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  const methods = METHODS.join("|");
  for (const match of source.matchAll(new RegExp(`export\\s+(?:async\\s+)?function\\s+(${methods})\\b`, "g"))) found.add(match[1]);
  for (const match of source.matchAll(new RegExp(`export\\s+(?:const|let|var)\\s+(${methods})\\b`, "g"))) found.add(match[1]);
  for (const match of source.matchAll(/export\s+(?:const|let|var)\s*\{([^}]*)\}\s*=/g)) {
    for (const name of match[1].split(",").map((part) => part.split(":").pop()!.trim())) if ((METHODS as readonly string[]).includes(name)) found.add(name);
  }
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const name of match[1].split(",").map((part) => part.split(/\s+as\s+/).pop()!.trim())) if ((METHODS as readonly string[]).includes(name)) found.add(name);
  }
  return [...found].sort();
}

const routes: RouteFile[] = routeFiles().map((file) => ({ file: path.relative(process.cwd(), file), ...templateOf(file), methods: exportedMethods(readFileSync(file, "utf8")) }));
const document = buildOpenApiDocument();

describe("the OpenAPI document covers app/api", () => {
  it("finds the route files (sanity check of the walk)", () => {
    expect(routes.map((route) => route.template)).toEqual(expect.arrayContaining(["/api/events/{id}/buy", "/api/openapi.json", "/api/auth"]));
    expect(routes.find((route) => route.template === "/api/account/tokens")?.methods).toEqual(["GET", "POST"]);
    expect(routes.find((route) => route.template === "/api/auth")?.methods).toEqual(["GET", "POST"]);
  });

  it("documents every route handler file and every method it exports", () => {
    const missing: string[] = [];
    for (const route of routes) {
      expect(route.methods, `${route.file} exports no HTTP method`).not.toEqual([]);
      for (const method of route.methods) {
        const lower = method.toLowerCase();
        const documented = route.catchAll
          ? Object.entries(document.paths).some(([template, operations]) => template.startsWith(`${route.template}/`) && lower in operations)
          : lower in (document.paths[route.template] ?? {});
        if (!documented) missing.push(`${method} ${route.template} (${route.file})`);
      }
    }
    expect(missing, "add these to API_OPERATIONS in lib/api/openapi.ts").toEqual([]);
  });

  it("documents nothing that is not on disk", () => {
    const phantom = API_OPERATIONS.filter((operation) => {
      const method = operation.method.toUpperCase();
      return !routes.some(
        (route) => route.methods.includes(method) && (route.catchAll ? operation.path.startsWith(`${route.template}/`) : operation.path === route.template),
      );
    }).map((operation) => `${operation.method.toUpperCase()} ${operation.path}`);
    expect(phantom).toEqual([]);
  });

  it("is well-formed: unique operation ids, declared path parameters, resolvable $refs", () => {
    expect(document.openapi).toBe("3.1.0");
    const ids = API_OPERATIONS.map((operation) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [template, operations] of Object.entries(document.paths)) {
      const inTemplate = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      for (const [method, operation] of Object.entries(operations)) {
        const declared = ((operation.parameters ?? []) as { in: string; name: string }[]).filter((parameter) => parameter.in === "path").map((parameter) => parameter.name).sort();
        expect(declared, `${method} ${template}`).toEqual(inTemplate);
        expect(Object.keys(operation.responses as object).length, `${method} ${template}`).toBeGreaterThan(0);
      }
    }
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map((match) => match[1]);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(document.components.schemas[ref.slice("#/components/schemas/".length)], ref).toBeDefined();
    }
  });
});

// ── Real answers ─────────────────────────────────────────────────────────────────────────

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Response | Promise<Response>;
type Sample = { status: number; method: HttpMethod; path: string; load: () => Promise<Record<string, unknown>>; request: () => Promise<{ url: string; init?: Parameters<typeof apiRequest>[1]; params?: Record<string, string> }> };

let fixtures: Promise<{ eventId: string; ticketTypeId: string; orderId: string; token: string; user: SessionUser }> | undefined;
function world() {
  fixtures ??= (async () => {
    const user = await createTestUser();
    const token = await tokenFor(user);
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 20, priceMinor: 900 }] });
    const { POST } = await import("@/app/api/events/[id]/buy/route");
    const created = await (await POST(apiRequest(`/api/events/${event.id}/buy`, { token, body: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] } }), routeParams({ id: event.id }))).json();
    return { eventId: event.id, ticketTypeId: ticketTypes[0].id, orderId: created.order.id, token, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
  })();
  return fixtures;
}

const COOKIE = { cookie: "authjs.session-token=stand-in" };

let adminWorld: Promise<{ admin: SessionUser; eventId: string; input: Record<string, unknown> }> | undefined;
/** An admin (in the database: the role is checked there too) and an event created through the admin API. */
function admin() {
  adminWorld ??= (async () => {
    const user = await createTestUser({ role: "admin" });
    const adminUser: SessionUser = { id: user.id, email: user.email, name: user.name, role: "admin" };
    session.user = adminUser;
    const { input } = await eventInput({ status: "draft" });
    const { POST } = await import("@/app/api/admin/events/create/route");
    const created = await (await POST(apiRequest("/api/admin/events/create", { body: input, headers: COOKIE }))).json();
    return { admin: adminUser, eventId: created.event.id, input };
  })();
  return adminWorld;
}
const asAdmin = async () => (session.user = (await admin()).admin);

let paidFixtures: Promise<{ orderId: string; ticketId: string }> | undefined;
/** A paid order of the world's user, whose first ticket can be given to someone else. */
function paidWorld() {
  paidFixtures ??= (async () => {
    const { ticketTypeId, user } = await world();
    const order = await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId, quantity: 1 }] } });
    await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: "p" });
    const ticket = await prisma.ticket.findFirstOrThrow({ where: { orderId: order.id } });
    return { orderId: order.id, ticketId: ticket.id };
  })();
  return paidFixtures;
}

let doorFixtures: Promise<{ sessionId: string; token: string; codes: string[] }> | undefined;
/** Door staff with a check_in token, and a paid order of two tickets for their event's session. */
function doorWorld() {
  doorFixtures ??= (async () => {
    const { event, session: eventSession, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 5 }] });
    const staff = await createTestUser();
    await prisma.staffGrant.create({ data: { userId: staff.id, eventId: event.id, grantedBy: "test" } });
    const created = await createApiToken({ userId: staff.id, input: { name: "door", scope: "check_in" } });
    if (!created.ok) throw new Error(created.message);
    const buyer = await createTestUser();
    const order = await reserveTickets({ buyer: accountBuyer(buyer.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 3 }] } });
    await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: "p" });
    const codes = (await loadOrderTickets(order.id))!.pdf.tickets.map((ticket) => ticket.signedCode);
    return { sessionId: eventSession.id, token: created.secret, codes };
  })();
  return doorFixtures;
}

let voucherFixtures: Promise<{ unusedId: string; usedId: string; tag: string }> | undefined;
/** Two vouchers of one batch: one never used, one an order was placed with. */
function voucherWorld() {
  voucherFixtures ??= (async () => {
    await asAdmin();
    const tag = `docs-${randomUUID().slice(0, 8)}`;
    const { POST } = await import("@/app/api/admin/vouchers/route");
    const make = async () => (await (await POST(apiRequest("/api/admin/vouchers", { body: { kind: "percent_off", value: "10", maxUses: "5", tag }, headers: COOKIE }))).json()).voucher.id as string;
    const [unusedId, usedId] = [await make(), await make()];
    await createVoucherOrder({ eventId: (await world()).eventId, voucherId: usedId, totalMinor: 810, discountMinor: 90 });
    return { unusedId, usedId, tag };
  })();
  return voucherFixtures;
}

const VOUCHER_SAMPLES: Sample[] = [
  { status: 200, method: "get", path: "/api/admin/vouchers", load: () => import("@/app/api/admin/vouchers/route"), request: async () => ({ url: `/api/admin/vouchers?tag=${(await voucherWorld()).tag}`, init: { headers: COOKIE } }) },
  { status: 201, method: "post", path: "/api/admin/vouchers", load: () => import("@/app/api/admin/vouchers/route"), request: async () => (await asAdmin(), { url: "/api/admin/vouchers", init: { body: { kind: "amount_off", value: "2.50", currency: "EUR", eventIds: [(await world()).eventId] }, headers: COOKIE } }) },
  { status: 422, method: "post", path: "/api/admin/vouchers", load: () => import("@/app/api/admin/vouchers/route"), request: async () => (await asAdmin(), { url: "/api/admin/vouchers", init: { body: { kind: "percent_off", value: "150" }, headers: COOKIE } }) },
  { status: 201, method: "post", path: "/api/admin/vouchers/generate", load: () => import("@/app/api/admin/vouchers/generate/route"), request: async () => (await asAdmin(), { url: "/api/admin/vouchers/generate", init: { body: { count: 3, tag: "docs-batch", kind: "percent_off", value: 20 }, headers: COOKIE } }) },
  { status: 200, method: "get", path: "/api/admin/vouchers/export", load: () => import("@/app/api/admin/vouchers/export/route"), request: async () => ({ url: `/api/admin/vouchers/export?tag=${(await voucherWorld()).tag}`, init: { headers: COOKIE } }) },
  { status: 404, method: "get", path: "/api/admin/vouchers/export", load: () => import("@/app/api/admin/vouchers/export/route"), request: async () => (await asAdmin(), { url: `/api/admin/vouchers/export?tag=nothing-${randomUUID()}`, init: { headers: COOKIE } }) },
  { status: 200, method: "patch", path: "/api/admin/vouchers/{id}", load: () => import("@/app/api/admin/vouchers/[id]/route"), request: async () => ({ url: `/api/admin/vouchers/${(await voucherWorld()).usedId}`, params: { id: (await voucherWorld()).usedId }, init: { method: "PATCH", body: { maxUses: 8, note: "docs" }, headers: COOKIE } }) },
  { status: 422, method: "patch", path: "/api/admin/vouchers/{id}", load: () => import("@/app/api/admin/vouchers/[id]/route"), request: async () => ({ url: `/api/admin/vouchers/${(await voucherWorld()).usedId}`, params: { id: (await voucherWorld()).usedId }, init: { method: "PATCH", body: { kind: "amount_off" }, headers: COOKIE } }) },
  { status: 409, method: "delete", path: "/api/admin/vouchers/{id}", load: () => import("@/app/api/admin/vouchers/[id]/route"), request: async () => ({ url: `/api/admin/vouchers/${(await voucherWorld()).usedId}`, params: { id: (await voucherWorld()).usedId }, init: { method: "DELETE", headers: COOKIE } }) },
  { status: 204, method: "delete", path: "/api/admin/vouchers/{id}", load: () => import("@/app/api/admin/vouchers/[id]/route"), request: async () => ({ url: `/api/admin/vouchers/${(await voucherWorld()).unusedId}`, params: { id: (await voucherWorld()).unusedId }, init: { method: "DELETE", headers: COOKIE } }) },
];

let waitlistFixtures: Promise<{ eventId: string; ticketTypeId: string }> | undefined;
/** A sold-out ticket type, whose waiting list can be joined. */
function waitlistWorld() {
  waitlistFixtures ??= (async () => {
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 1, sold: 1 }] });
    return { eventId: event.id, ticketTypeId: ticketTypes[0].id };
  })();
  return waitlistFixtures;
}
let rangeFixtures: Promise<{ eventId: string; resourceId: string; startsAt: string; endsAt: string }> | undefined;
/** A bookable resource with a paid booking: its time's waiting list can be joined (docs/decisions/0021). */
function rangeWorld() {
  rangeFixtures ??= (async () => {
    const { event, resource } = await createBookableEvent();
    const start = instantAt(localDateAndMinute(new Date(Date.now() + 2 * 86_400_000), "Europe/Lisbon").date, 10 * 60, "Europe/Lisbon");
    const order = await reserveBooking({ buyer: accountBuyer((await createTestUser()).id), input: { resourceId: resource.id, start, minutes: 60 } });
    await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: "local_docs" });
    return { eventId: event.id, resourceId: resource.id, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString() };
  })();
  return rangeFixtures;
}
const joinAsGuest = async () => {
  const { eventId, ticketTypeId } = await waitlistWorld();
  const { POST } = await import("@/app/api/events/[id]/waitlist/route");
  const body = { ticketTypeId, quantity: 1, email: `docs-${randomUUID().slice(0, 8)}@example.test`, name: "Docs Waiter" };
  return (await POST(apiRequest(`/api/events/${eventId}/waitlist`, { body }), routeParams({ id: eventId }))).json() as Promise<{ id: string; leaveToken: string }>;
};

const WAITLIST_SAMPLES: Sample[] = [
  {
    status: 201, method: "post", path: "/api/events/{id}/waitlist", load: () => import("@/app/api/events/[id]/waitlist/route"),
    request: async () => {
      const { eventId, resourceId, startsAt, endsAt } = await rangeWorld();
      return { url: `/api/events/${eventId}/waitlist`, params: { id: eventId }, init: { body: { resourceId, startsAt, endsAt, email: "docs-range@example.test", name: "Docs Range" } } };
    },
  },
  {
    status: 201, method: "post", path: "/api/events/{id}/waitlist", load: () => import("@/app/api/events/[id]/waitlist/route"),
    request: async () => {
      const { eventId, ticketTypeId } = await waitlistWorld();
      return { url: `/api/events/${eventId}/waitlist`, params: { id: eventId }, init: { token: (await world()).token, body: { ticketTypeId, quantity: 1, locale: "pt" } } };
    },
  },
  { status: 409, method: "post", path: "/api/events/{id}/waitlist", load: () => import("@/app/api/events/[id]/waitlist/route"), request: async () => ({ url: `/api/events/${(await world()).eventId}/waitlist`, params: { id: (await world()).eventId }, init: { token: (await world()).token, body: { ticketTypeId: (await world()).ticketTypeId, quantity: 1 } } }) },
  { status: 404, method: "post", path: "/api/events/{id}/waitlist", load: () => import("@/app/api/events/[id]/waitlist/route"), request: async () => ({ url: `/api/events/${randomUUID()}/waitlist`, params: { id: randomUUID() }, init: { token: (await world()).token, body: { ticketTypeId: (await waitlistWorld()).ticketTypeId, quantity: 1 } } }) },
  { status: 422, method: "post", path: "/api/events/{id}/waitlist", load: () => import("@/app/api/events/[id]/waitlist/route"), request: async () => ({ url: `/api/events/${(await waitlistWorld()).eventId}/waitlist`, params: { id: (await waitlistWorld()).eventId }, init: { body: { ticketTypeId: (await waitlistWorld()).ticketTypeId, quantity: 1 } } }) },
  {
    status: 200, method: "delete", path: "/api/waitlist/{id}", load: () => import("@/app/api/waitlist/[id]/route"),
    request: async () => {
      const joined = await joinAsGuest();
      return { url: `/api/waitlist/${joined.id}?token=${joined.leaveToken}`, params: { id: joined.id } };
    },
  },
  { status: 404, method: "delete", path: "/api/waitlist/{id}", load: () => import("@/app/api/waitlist/[id]/route"), request: async () => ({ url: `/api/waitlist/${(await joinAsGuest()).id}?token=${"x".repeat(43)}`, params: { id: (await joinAsGuest()).id } }) },
  {
    status: 409, method: "delete", path: "/api/waitlist/{id}", load: () => import("@/app/api/waitlist/[id]/route"),
    request: async () => {
      const joined = await joinAsGuest();
      const { DELETE } = await import("@/app/api/waitlist/[id]/route");
      await DELETE(apiRequest(`/api/waitlist/${joined.id}?token=${joined.leaveToken}`, { method: "DELETE" }), routeParams({ id: joined.id }));
      return { url: `/api/waitlist/${joined.id}?token=${joined.leaveToken}`, params: { id: joined.id } };
    },
  },
];

const SAMPLES: Sample[] = [
  { status: 200, method: "get", path: "/api/health", load: () => import("@/app/api/health/route"), request: async () => ({ url: "/api/health" }) },
  { status: 200, method: "get", path: "/api/ready", load: () => import("@/app/api/ready/route"), request: async () => ({ url: "/api/ready?skip=queue" }) },
  { status: 200, method: "get", path: "/api/events", load: () => import("@/app/api/events/route"), request: async () => (await world(), { url: "/api/events" }) },
  { status: 400, method: "get", path: "/api/events", load: () => import("@/app/api/events/route"), request: async () => ({ url: "/api/events?page=0" }) },
  { status: 200, method: "get", path: "/api/events/{id}", load: () => import("@/app/api/events/[id]/route"), request: async () => ({ url: `/api/events/${(await world()).eventId}`, params: { id: (await world()).eventId } }) },
  { status: 404, method: "get", path: "/api/events/{id}", load: () => import("@/app/api/events/[id]/route"), request: async () => ({ url: `/api/events/x`, params: { id: "x" } }) },
  { status: 200, method: "get", path: "/api/search", load: () => import("@/app/api/search/route"), request: async () => ({ url: "/api/search?q=test%20concert" }) },
  { status: 400, method: "get", path: "/api/search", load: () => import("@/app/api/search/route"), request: async () => ({ url: "/api/search" }) },
  { status: 200, method: "post", path: "/api/search", load: () => import("@/app/api/search/route"), request: async () => ({ url: "/api/search", init: { body: { q: "concert", page: 1 } } }) },
  { status: 200, method: "get", path: "/api/events/{id}/buy", load: () => import("@/app/api/events/[id]/buy/route"), request: async () => ({ url: `/api/events/${(await world()).eventId}/buy`, params: { id: (await world()).eventId } }) },
  {
    status: 201, method: "post",
    path: "/api/events/{id}/buy",
    load: () => import("@/app/api/events/[id]/buy/route"),
    request: async () => {
      const { eventId, ticketTypeId, token } = await world();
      return { url: `/api/events/${eventId}/buy`, params: { id: eventId }, init: { token, body: { items: [{ ticketTypeId, quantity: 2 }] }, headers: { "idempotency-key": randomUUID() } } };
    },
  },
  {
    status: 422, method: "post",
    path: "/api/events/{id}/buy",
    load: () => import("@/app/api/events/[id]/buy/route"),
    request: async () => {
      const { eventId, ticketTypeId, token } = await world();
      return { url: `/api/events/${eventId}/buy`, params: { id: eventId }, init: { token, body: { items: [{ ticketTypeId, quantity: 99 }] } } };
    },
  },
  {
    status: 201, method: "post",
    path: "/api/events/{id}/buy",
    load: () => import("@/app/api/events/[id]/buy/route"),
    request: async () => {
      const { eventId, ticketTypeId } = await world();
      return { url: `/api/events/${eventId}/buy`, params: { id: eventId }, init: { body: { buyer: { email: "docs-guest@example.test", name: "Docs Guest" }, items: [{ ticketTypeId, quantity: 1 }], holders: [{ name: "A Friend" }] } } };
    },
  },
  {
    status: 200, method: "put",
    path: "/api/orders/{id}/tickets/{ticketId}/holder",
    load: () => import("@/app/api/orders/[id]/tickets/[ticketId]/holder/route"),
    request: async () => {
      const { orderId, ticketId } = await paidWorld();
      return { url: `/api/orders/${orderId}/tickets/${ticketId}/holder`, params: { id: orderId, ticketId }, init: { method: "PUT", token: (await world()).token, body: { name: "Docs Friend", email: "friend@example.test" } } };
    },
  },
  {
    status: 404, method: "put",
    path: "/api/orders/{id}/tickets/{ticketId}/holder",
    load: () => import("@/app/api/orders/[id]/tickets/[ticketId]/holder/route"),
    request: async () => ({ url: `/api/orders/${randomUUID()}/tickets/${randomUUID()}/holder`, params: { id: randomUUID(), ticketId: randomUUID() }, init: { method: "PUT", token: (await world()).token, body: { name: "Nobody" } } }),
  },
  {
    status: 200, method: "post",
    path: "/api/orders/{id}/cancel",
    load: () => import("@/app/api/orders/[id]/cancel/route"),
    request: async () => {
      const { ticketTypeId, user, token } = await world();
      const order = await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId, quantity: 2 }] } });
      await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: "p" });
      const ticket = await prisma.ticket.findFirstOrThrow({ where: { orderId: order.id } });
      return { url: `/api/orders/${order.id}/cancel`, params: { id: order.id }, init: { token, body: { tickets: [ticket.id] } } };
    },
  },
  {
    status: 409, method: "post",
    path: "/api/orders/{id}/cancel",
    load: () => import("@/app/api/orders/[id]/cancel/route"),
    request: async () => {
      const { ticketTypeId, user, token } = await world();
      const order = await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId, quantity: 1 }] } });
      await releasePendingOrder(order.id);
      return { url: `/api/orders/${order.id}/cancel`, params: { id: order.id }, init: { token, body: {} } };
    },
  },
  {
    status: 404, method: "post",
    path: "/api/orders/{id}/cancel",
    load: () => import("@/app/api/orders/[id]/cancel/route"),
    request: async () => ({ url: `/api/orders/${randomUUID()}/cancel`, params: { id: randomUUID() }, init: { token: (await world()).token, body: {} } }),
  },
  { status: 200, method: "get", path: "/api/orders/{id}/confirmation", load: () => import("@/app/api/orders/[id]/confirmation/route"), request: async () => ({ url: `/api/orders/${(await world()).orderId}/confirmation`, params: { id: (await world()).orderId }, init: { token: (await world()).token } }) },
  { status: 401, method: "get", path: "/api/orders/{id}/confirmation", load: () => import("@/app/api/orders/[id]/confirmation/route"), request: async () => ({ url: `/api/orders/${randomUUID()}/confirmation`, params: { id: randomUUID() } }) },
  {
    status: 200, method: "post",
    path: "/api/orders/{id}/pay/local",
    load: () => import("@/app/api/orders/[id]/pay/local/route"),
    request: async () => ({ url: `/api/orders/${(await world()).orderId}/pay/local`, params: { id: (await world()).orderId }, init: { token: (await world()).token, body: { outcome: "succeed" } } }),
  },
  { status: 200, method: "get", path: "/api/account/tokens", load: () => import("@/app/api/account/tokens/route"), request: async () => ((session.user = (await world()).user), { url: "/api/account/tokens", init: { headers: COOKIE } }) },
  { status: 201, method: "post", path: "/api/account/tokens", load: () => import("@/app/api/account/tokens/route"), request: async () => ((session.user = (await world()).user), { url: "/api/account/tokens", init: { body: { name: "docs" }, headers: COOKIE } }) },
  { status: 404, method: "delete", path: "/api/account/tokens/{id}", load: () => import("@/app/api/account/tokens/[id]/route"), request: async () => ((session.user = (await world()).user), { url: `/api/account/tokens/${randomUUID()}`, params: { id: randomUUID() }, init: { method: "DELETE", headers: COOKIE } }) },
  { status: 200, method: "get", path: "/api/openapi.json", load: () => import("@/app/api/openapi.json/route"), request: async () => ({ url: "/api/openapi.json" }) },
  { status: 200, method: "get", path: "/api/availability", load: () => import("@/app/api/availability/route"), request: async () => ({ url: `/api/availability?event=${(await world()).eventId}` }) },
  { status: 400, method: "get", path: "/api/availability", load: () => import("@/app/api/availability/route"), request: async () => ({ url: "/api/availability" }) },
  { status: 200, method: "get", path: "/api/feeds/sessions", load: () => import("@/app/api/feeds/sessions/route"), request: async () => (await world(), { url: "/api/feeds/sessions?limit=5" }) },
  { status: 400, method: "get", path: "/api/feeds/sessions", load: () => import("@/app/api/feeds/sessions/route"), request: async () => ({ url: "/api/feeds/sessions?afterId=1" }) },
  { status: 400, method: "get", path: "/api/stream", load: () => import("@/app/api/stream/route"), request: async () => ({ url: "/api/stream?event=nope" }) },
  { status: 404, method: "get", path: "/api/images/events/{file}", load: () => import("@/app/api/images/[...key]/route"), request: async () => ({ url: "/api/images/events/nope.webp", params: { key: ["events", "nope.webp"] } as unknown as Record<string, string> }) },
  { status: 404, method: "get", path: "/api/admin/analytics", load: () => import("@/app/api/admin/analytics/route"), request: async () => ((session.user = null), { url: "/api/admin/analytics", init: { headers: COOKIE } }) },
  { status: 200, method: "get", path: "/api/admin/analytics", load: () => import("@/app/api/admin/analytics/route"), request: async () => (await world(), await asAdmin(), { url: "/api/admin/analytics", init: { headers: COOKIE } }) },
  { status: 200, method: "get", path: "/api/admin/analytics/export", load: () => import("@/app/api/admin/analytics/export/route"), request: async () => (await asAdmin(), { url: "/api/admin/analytics/export?report=sales", init: { headers: COOKIE } }) },
  { status: 201, method: "post", path: "/api/admin/events/create", load: () => import("@/app/api/admin/events/create/route"), request: async () => (await asAdmin(), { url: "/api/admin/events/create", init: { body: (await eventInput({ status: "draft" })).input, headers: COOKIE } }) },
  { status: 422, method: "post", path: "/api/admin/events/create", load: () => import("@/app/api/admin/events/create/route"), request: async () => (await asAdmin(), { url: "/api/admin/events/create", init: { body: { title: "x" }, headers: COOKIE } }) },
  {
    status: 200,
    method: "post",
    path: "/api/admin/events/edit/{id}",
    load: () => import("@/app/api/admin/events/edit/[id]/route"),
    request: async () => {
      const { eventId, input } = await admin();
      await asAdmin();
      return { url: `/api/admin/events/edit/${eventId}`, params: { id: eventId }, init: { body: { ...input, title: "Harbour Jazz Night, renamed", version: 1 }, headers: COOKIE } };
    },
  },
  {
    status: 200,
    method: "post",
    path: "/api/admin/events/delete/{id}",
    load: () => import("@/app/api/admin/events/delete/[id]/route"),
    request: async () => {
      await asAdmin();
      const { input } = await eventInput({ status: "draft" });
      const { POST } = await import("@/app/api/admin/events/create/route");
      const created = await (await POST(apiRequest("/api/admin/events/create", { body: input, headers: COOKIE }))).json();
      return { url: `/api/admin/events/delete/${created.event.id}`, params: { id: created.event.id }, init: { body: {}, headers: COOKIE } };
    },
  },
  ...VOUCHER_SAMPLES,
  ...WAITLIST_SAMPLES,
  { status: 200, method: "get", path: "/api/admin/sessions/{id}/attendees", load: () => import("@/app/api/admin/sessions/[id]/attendees/route"), request: async () => (await asAdmin(), { url: `/api/admin/sessions/${(await doorWorld()).sessionId}/attendees`, params: { id: (await doorWorld()).sessionId }, init: { headers: COOKIE } }) },
  { status: 404, method: "get", path: "/api/admin/sessions/{id}/attendees", load: () => import("@/app/api/admin/sessions/[id]/attendees/route"), request: async () => (await asAdmin(), { url: `/api/admin/sessions/${randomUUID()}/attendees`, params: { id: randomUUID() }, init: { headers: COOKIE } }) },
  { status: 200, method: "get", path: "/api/admin/sessions/{id}/attendees/export", load: () => import("@/app/api/admin/sessions/[id]/attendees/export/route"), request: async () => (await asAdmin(), { url: `/api/admin/sessions/${(await doorWorld()).sessionId}/attendees/export`, params: { id: (await doorWorld()).sessionId }, init: { headers: COOKIE } }) },
  { status: 404, method: "get", path: "/api/admin/sessions/{id}/attendees/export", load: () => import("@/app/api/admin/sessions/[id]/attendees/export/route"), request: async () => ((session.user = null), { url: `/api/admin/sessions/${(await doorWorld()).sessionId}/attendees/export`, params: { id: (await doorWorld()).sessionId }, init: { headers: COOKIE } }) },
  { status: 404, method: "get", path: "/api/metrics", load: () => import("@/app/api/metrics/route"), request: async () => ({ url: "/api/metrics" }) },
  { status: 401, method: "post", path: "/api/jobs/run", load: () => import("@/app/api/jobs/run/route"), request: async () => ({ url: "/api/jobs/run", init: { method: "POST", headers: { authorization: "Bearer wrong" } } }) },
  { status: 400, method: "post", path: "/api/payments/stripe/webhook", load: () => import("@/app/api/payments/stripe/webhook/route"), request: async () => ({ url: "/api/payments/stripe/webhook", init: { body: { id: "evt_1", type: "checkout.session.completed" } } }) },
  { status: 400, method: "post", path: "/api/email/resend/webhook", load: () => import("@/app/api/email/resend/webhook/route"), request: async () => ({ url: "/api/email/resend/webhook", init: { body: { type: "email.bounced", data: { email_id: "x" } } } }) },
  { status: 400, method: "get", path: "/api/payments/stripe/return", load: () => import("@/app/api/payments/stripe/return/route"), request: async () => ({ url: "/api/payments/stripe/return?order=x" }) },
  { status: 404, method: "get", path: "/api/tickets/download", load: () => import("@/app/api/tickets/download/route"), request: async () => ({ url: `/api/tickets/download?order=${randomUUID()}&expires=1&sig=${"a".repeat(43)}` }) },
  { status: 404, method: "get", path: "/api/orders/{id}/tickets.pdf", load: () => import("@/app/api/orders/[id]/tickets.pdf/route"), request: async () => ((session.user = null), { url: `/api/orders/${randomUUID()}/tickets.pdf`, params: { id: randomUUID() } }) },
  { status: 200, method: "get", path: "/api/check-in/keys", load: () => import("@/app/api/check-in/keys/route"), request: async () => ({ url: "/api/check-in/keys" }) },
  { status: 200, method: "get", path: "/api/check-in/sessions", load: () => import("@/app/api/check-in/sessions/route"), request: async () => ({ url: "/api/check-in/sessions", init: { token: (await doorWorld()).token } }) },
  { status: 200, method: "get", path: "/api/check-in/sessions/{id}/tickets", load: () => import("@/app/api/check-in/sessions/[id]/tickets/route"), request: async () => ({ url: `/api/check-in/sessions/${(await doorWorld()).sessionId}/tickets`, params: { id: (await doorWorld()).sessionId }, init: { token: (await doorWorld()).token } }) },
  { status: 404, method: "get", path: "/api/check-in/sessions/{id}/tickets", load: () => import("@/app/api/check-in/sessions/[id]/tickets/route"), request: async () => ({ url: `/api/check-in/sessions/${randomUUID()}/tickets`, params: { id: randomUUID() }, init: { token: (await doorWorld()).token } }) },
  { status: 401, method: "post", path: "/api/check-in", load: () => import("@/app/api/check-in/route"), request: async () => ({ url: "/api/check-in", init: { body: { sessionId: randomUUID(), code: "x" } } }) },
  { status: 200, method: "post", path: "/api/check-in", load: () => import("@/app/api/check-in/route"), request: async () => ({ url: "/api/check-in", init: { token: (await doorWorld()).token, body: { sessionId: (await doorWorld()).sessionId, code: (await doorWorld()).codes[0], door: "Docs" } } }) },
  { status: 409, method: "post", path: "/api/check-in", load: () => import("@/app/api/check-in/route"), request: async () => ({ url: "/api/check-in", init: { token: (await doorWorld()).token, body: { sessionId: (await doorWorld()).sessionId, code: (await doorWorld()).codes[0] } } }) },
  { status: 422, method: "post", path: "/api/check-in", load: () => import("@/app/api/check-in/route"), request: async () => ({ url: "/api/check-in", init: { token: (await doorWorld()).token, body: { sessionId: (await doorWorld()).sessionId, code: "bm90.YSB0aWNrZXQ" } } }) },
  {
    status: 200, method: "post",
    path: "/api/check-in/uploads",
    load: () => import("@/app/api/check-in/uploads/route"),
    request: async () => {
      const { token, sessionId, codes } = await doorWorld();
      const scans = [codes[1], codes[0]].map((code) => ({ scanId: randomUUID(), code, scannedAt: new Date().toISOString() }));
      return { url: "/api/check-in/uploads", init: { token, body: { sessionId, door: "Side", scans } } };
    },
  },
];

describe("real answers match their documented schemas", () => {
  it.each(SAMPLES.map((sample, index) => [`${sample.method.toUpperCase()} ${sample.path} #${index}`, sample] as const))("%s", async (_name, sample) => {
    const operation = findOperation(sample.method, sample.path);
    expect(operation, "documented").toBeDefined();
    const routeModule = await sample.load();
    const handler = routeModule[sample.method.toUpperCase()] as Handler;
    const { url, init, params } = await sample.request();
    const response = await handler(apiRequest(url, { method: sample.method.toUpperCase(), ...init }), routeParams(params ?? {}));
    expect(response.status, "the sample's expected status").toBe(sample.status);
    const documented = operation!.responses[response.status];
    expect(documented, `status ${response.status} is documented for ${sample.method.toUpperCase()} ${sample.path}`).toBeDefined();
    const contentType = (response.headers.get("content-type") ?? "").split(";")[0].trim();
    const expectedType = documented.contentType ?? (documented.schema ? "application/json" : undefined);
    if (expectedType) expect(contentType).toBe(expectedType);
    if (documented.schema) {
      const parsed = documented.schema.safeParse(await response.json());
      expect(parsed.success ? [] : parsed.error.issues, `${response.status} body matches its schema`).toEqual([]);
    }
  });

  it("serves the same document at /api/openapi.json, with this server's URL", async () => {
    const { GET } = await import("@/app/api/openapi.json/route");
    const served = await (await GET(new Request(`${TEST_ORIGIN}/api/openapi.json`))).json();
    expect(served).toEqual({ ...JSON.parse(JSON.stringify(document)), servers: [{ url: TEST_ORIGIN }] });
  });
});
