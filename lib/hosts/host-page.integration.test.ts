// Issue 30.3: a host's public page (name, story, photo, city, upcoming events, in the reader's
// language), events that name their host, and the host as organizer in the open-data feeds.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getPublicEventBySlug } from "@/lib/catalog/get-event";
import { FEEDS } from "@/lib/feeds/feeds";
import { listPlaceEvents } from "@/lib/places/places";
import { createHost, createHostEvent } from "@/tests/host-fixtures";
import { getPublicHost } from "./public-host";

const BASE = "http://feed.test";

describe("a host's public page", () => {
  it("shows the host in the reader's language and lists only its own upcoming published events", async () => {
    const host = await createHost({ name: "Fado in Alfama", story: "Every night since 1962.", translations: { pt: { name: "Fado em Alfama", story: "Todas as noites desde 1962." }, de: { story: "Jeden Abend seit 1962." } } });
    const other = await createHost();
    const mine = await createHostEvent(host.id, { title: "Fado at nine" });
    const past = await createHostEvent(host.id, { startsAt: new Date(Date.now() - 7 * 24 * 3600_000) });
    const draft = await createHostEvent(host.id);
    await prisma.event.update({ where: { id: draft.event.id }, data: { status: "draft" } });
    const theirs = await createHostEvent(other.id);

    expect(await getPublicHost(host.slug, "pt")).toMatchObject({ id: host.id, name: "Fado em Alfama", story: "Todas as noites desde 1962.", city: "Lisbon" });
    expect(await getPublicHost(host.slug, "de")).toMatchObject({ name: "Fado in Alfama", story: "Jeden Abend seit 1962." });
    expect(await getPublicHost(host.slug, "es")).toMatchObject({ name: "Fado in Alfama", story: "Every night since 1962." });
    expect(await getPublicHost("no-such-host-here", "en")).toBeNull();
    expect(await getPublicHost("Not A Slug", "en")).toBeNull();

    const listed = (await listPlaceEvents({ hostId: host.id }, { locale: "en" })).items.map((card) => card.id);
    expect(listed).toEqual([mine.event.id]);
    expect(listed).not.toContain(past.event.id);
    expect(listed).not.toContain(theirs.event.id);
  });

  it("an event names its host (in the reader's language) for its page and its JSON-LD", async () => {
    const host = await createHost({ name: "Cooking with Rosa", translations: { ca: { name: "Cuinant amb la Rosa" } } });
    const { event } = await createHostEvent(host.id);
    expect((await getPublicEventBySlug(event.slug, { locale: "ca" }))?.host).toEqual({ slug: host.slug, name: "Cuinant amb la Rosa" });
    expect((await getPublicEventBySlug(event.slug, { locale: "en" }))?.host).toEqual({ slug: host.slug, name: "Cooking with Rosa" });
  });
});

describe("the open-data feeds", () => {
  it("name the event's host as the organizer of its SessionSeries, with the host's page", async () => {
    const host = await createHost({ name: "Tiago's Tram Tours" });
    const { event } = await createHostEvent(host.id);
    let after = 0;
    let found: Record<string, unknown> | undefined;
    for (;;) {
      const page = await FEEDS.sessionSeries.read({ params: { afterChangeNumber: after, limit: 500 }, baseUrl: BASE, currentUrl: FEEDS.sessionSeries.path });
      if (!page.items.length) break;
      const item = page.items.find((candidate) => candidate.id === event.id && candidate.state === "updated");
      if (item && item.state === "updated") found = item.data;
      after = page.items.at(-1)!.modified;
    }
    expect(found?.organizer).toEqual({ "@type": "Organization", "@id": `${BASE}/openactive#organization-${host.id}`, identifier: host.id, name: "Tiago's Tram Tours", url: `${BASE}/hosts/${host.slug}` });
  });
});
