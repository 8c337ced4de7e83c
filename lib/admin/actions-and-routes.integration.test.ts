// The server actions and route handlers of app/admin and app/api/admin are public
// endpoints: called directly as an attendee or a visitor they answer 404 and change nothing.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/users";
import { prisma } from "@/lib/db";
import { createTicketedEvent } from "@/tests/fixtures";
import { createActor, eventInput } from "@/tests/admin-fixtures";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth", async () => {
  const { notFound } = await import("next/navigation");
  return {
    currentUser: async () => session.user,
    requireAdmin: async () => {
      if (session.user?.role !== "admin") notFound();
      return session.user;
    },
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { createEventAction, deleteEventAction } = await import("@/app/admin/events/actions");
const { refundOrderAction } = await import("@/app/admin/orders/actions");
const { POST: createRoute } = await import("@/app/api/admin/events/create/route");
const { POST: deleteRoute } = await import("@/app/api/admin/events/delete/[id]/route");
const { GET: readRoute, POST: editRoute } = await import("@/app/api/admin/events/edit/[id]/route");
const { GET: analyticsRoute } = await import("@/app/api/admin/analytics/route");

const isNotFound = (error: unknown) => String((error as { digest?: string })?.digest ?? "").startsWith("NEXT_HTTP_ERROR_FALLBACK;404");
const json = (body: unknown) => new Request("http://localhost/api", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const params = (id: string) => ({ params: Promise.resolve({ id }) });

function formOf(input: Record<string, unknown>): FormData {
  const form = new FormData();
  const add = (prefix: string, value: unknown) => {
    if (Array.isArray(value)) value.forEach((item, index) => add(`${prefix}.${index}`, item));
    else if (value && typeof value === "object") Object.entries(value).forEach(([key, inner]) => add(prefix ? `${prefix}.${key}` : key, inner));
    else form.append(prefix, String(value));
  };
  add("", input);
  return form;
}

beforeEach(() => {
  session.user = null;
});

describe("admin server actions", () => {
  it("answer 404 to an attendee and a visitor, writing nothing", async () => {
    const attendee = await createActor("attendee");
    const { event } = await createTicketedEvent({ ticketTypes: [{ capacity: 5 }] });
    const { input } = await eventInput();
    for (const user of [null, { ...attendee, name: "A" }]) {
      session.user = user;
      await expect(createEventAction(null, formOf(input))).rejects.toSatisfy(isNotFound);
      const confirmed = formOf({ confirm: "yes" });
      await expect(deleteEventAction(event.id, null, confirmed)).rejects.toSatisfy(isNotFound);
      await expect(refundOrderAction("00000000-0000-0000-0000-000000000000", null, confirmed)).rejects.toSatisfy(isNotFound);
    }
    expect(await prisma.event.count({ where: { slug: input.slug as string } })).toBe(0);
    expect(await prisma.event.count({ where: { id: event.id } })).toBe(1);
  });

  it("an admin whose role was taken away meanwhile is refused too", async () => {
    const admin = await createActor("admin");
    await prisma.user.update({ where: { id: admin.id }, data: { role: "attendee" } });
    session.user = { ...admin, name: "Former admin" };
    const { input } = await eventInput();
    await expect(createEventAction(null, formOf(input))).rejects.toSatisfy(isNotFound);
  });

  it("an admin gets field errors back from the form action", async () => {
    const admin = await createActor("admin");
    session.user = { ...admin, name: "Admin" };
    const { input } = await eventInput({ title: "" });
    expect(await createEventAction(null, formOf(input))).toMatchObject({ ok: false, fieldErrors: { title: "Enter a title" } });
  });
});

describe("admin JSON routes", () => {
  it("answer 404 to an attendee; create 201 and 422 with field errors for an admin", async () => {
    const { input } = await eventInput();
    const attendee = await createActor("attendee");
    session.user = { ...attendee, name: "A" };
    expect((await createRoute(json(input))).status).toBe(404);
    expect((await analyticsRoute(new Request("http://localhost/api/admin/analytics"))).status).toBe(404);

    const admin = await createActor("admin");
    session.user = { ...admin, name: "Admin" };
    const created = await createRoute(json(input));
    expect(created.status).toBe(201);
    const { event } = await created.json();
    expect(event).toMatchObject({ slug: input.slug, version: 1 });

    const invalid = await createRoute(json({ ...input, slug: "Bad Slug" }));
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get("content-type")).toBe("application/problem+json");
    const problem = await invalid.json();
    expect(problem).toMatchObject({ code: "validation_failed", status: 422 });
    expect(problem.errors.find((error: { pointer: string }) => error.pointer === "/slug")?.detail).toMatch(/lowercase/);

    const textPlain = new Request("http://localhost/api", { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify(input) });
    expect((await createRoute(textPlain)).status).toBe(415);

    // Read it back and save it again through the edit route: the version moves on.
    const read = await (await readRoute(new Request("http://localhost/api"), params(event.id))).json();
    expect(read.event).toMatchObject({ version: 1, title: input.title });
    const edited = await editRoute(json({ ...read.event, title: "Renamed through the API" }), params(event.id));
    expect(await edited.json()).toMatchObject({ event: { version: 2 } });
    const conflict = await editRoute(json({ ...read.event, title: "Stale" }), params(event.id));
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toMatchObject({ code: "conflict", detail: expect.stringMatching(/Someone else saved this event/) });

    const stale = await deleteRoute(json({ version: 1 }), params(event.id));
    expect(stale.status).toBe(409);
    const deleted = await deleteRoute(json({}), params(event.id));
    expect(await deleted.json()).toEqual({ outcome: "deleted" });

    const analytics = await analyticsRoute(new Request("http://localhost/api/admin/analytics?from=2001-01-01&to=2001-01-31"));
    expect(analytics.status).toBe(200);
    expect(await analytics.json()).toMatchObject({ range: { from: "2001-01-01", to: "2001-01-31", bucket: "day" }, ticketsSold: 0 });
  });
});
