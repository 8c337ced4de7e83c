// A host edits its own page (issue 30, docs/decisions/0022): name, story, city and their
// translations; bad input changes nothing; a rename reaches the open-data feeds (the events'
// items get new change numbers and name the host anew), by a trigger on hosts.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { FEEDS } from "@/lib/feeds/feeds";
import { createActor } from "@/tests/admin-fixtures";
import { createHost, createHostEvent, createMember } from "@/tests/host-fixtures";
import { getPublicHost } from "../public-host";
import { getHostProfile } from "./get-host-profile";
import { updateHostProfile } from "./update-host-profile";

const BASE = "http://feed.test";

/** The newest SessionSeries item of `eventId` after `after`, with its change number. */
async function seriesItem(eventId: string, after = 0) {
  let found: { modified: number; data: Record<string, unknown> } | undefined;
  for (;;) {
    const page = await FEEDS.sessionSeries.read({ params: { afterChangeNumber: after, limit: 500 }, baseUrl: BASE, currentUrl: FEEDS.sessionSeries.path });
    if (!page.items.length) return found;
    const item = page.items.find((candidate) => candidate.id === eventId);
    if (item && item.state === "updated") found = { modified: item.modified, data: item.data };
    after = page.items.at(-1)!.modified;
  }
}

const input = (overrides: Record<string, unknown> = {}) => ({
  name: "Fado by the River", story: "Evenings of fado by the river.", city: "Lisbon",
  translations: { pt: { name: "Fado junto ao Rio", story: "Noites de fado junto ao rio." }, de: { name: "", story: "" } },
  ...overrides,
});

describe("a host's page, edited", () => {
  it("saves name, story, city and translations (keeping a stored English name), audited, on the public page at once", async () => {
    const host = await createHost({ name: "Old Name", translations: { en: { name: "Old English Name" }, de: { story: "Alt" } } });
    const manager = await createMember(host.id, "manager");
    await updateHostProfile({ actor: manager, hostId: host.id, input: input() });
    const saved = await prisma.host.findUniqueOrThrow({ where: { id: host.id } });
    expect(saved).toMatchObject({ name: "Fado by the River", story: "Evenings of fado by the river.", city: "Lisbon", slug: host.slug });
    expect(saved.translations).toEqual({ en: { name: "Old English Name" }, pt: { name: "Fado junto ao Rio", story: "Noites de fado junto ao rio." } });
    expect(await getPublicHost(host.slug, "pt")).toMatchObject({ name: "Fado junto ao Rio" });
    expect(await prisma.auditLog.count({ where: { entityId: host.id, action: "host.profile" } })).toBe(1);
    expect((await getHostProfile({ actor: manager, hostId: host.id })).canManageTeam).toBe(false);
  });

  it("refuses bad input with the field named and changes nothing", async () => {
    const host = await createHost({ name: "Kept Name" });
    const owner = await createMember(host.id, "owner");
    await expect(updateHostProfile({ actor: owner, hostId: host.id, input: input({ name: "  ", translations: { pt: { story: "x".repeat(5001) } } }) })).rejects.toMatchObject({
      code: "validation_failed",
      fieldErrors: { name: "Enter the host's name", "translations.pt.story": expect.stringContaining("at most 5000") },
    });
    await expect(updateHostProfile({ actor: owner, hostId: host.id, input: input(), photo: { bytes: new Uint8Array([1, 2, 3]), contentType: "image/png", size: 3 } })).rejects.toMatchObject({
      fieldErrors: { photo: expect.any(String) },
    });
    expect(await prisma.host.findUniqueOrThrow({ where: { id: host.id } })).toMatchObject({ name: "Kept Name" });
    expect(await prisma.auditLog.count({ where: { entityId: host.id } })).toBe(0);
  });

  it("is its owners', managers' and the platform admin's: another host's member and door staff get not found", async () => {
    const host = await createHost({ name: "Theirs" });
    const outsider = await createMember((await createHost()).id, "owner");
    await expect(updateHostProfile({ actor: outsider, hostId: host.id, input: input() })).rejects.toMatchObject({ code: "not_found" });
    await expect(getHostProfile({ actor: outsider, hostId: host.id })).rejects.toMatchObject({ code: "not_found" });
    const door = await createMember(host.id, "door");
    await expect(updateHostProfile({ actor: door, hostId: host.id, input: input() })).rejects.toMatchObject({ code: "forbidden" });
    await updateHostProfile({ actor: await createActor("admin"), hostId: host.id, input: input({ name: "By the platform" }) });
    expect((await prisma.host.findUniqueOrThrow({ where: { id: host.id } })).name).toBe("By the platform");
  });

  it("a rename gives the host's events new feed change numbers, naming the host anew; a story change does not", async () => {
    const host = await createHost({ name: "Before the Rename" });
    const owner = await createMember(host.id, "owner");
    const { event } = await createHostEvent(host.id);
    const before = await seriesItem(event.id);
    expect(before?.data.organizer).toMatchObject({ name: "Before the Rename" });

    await updateHostProfile({ actor: owner, hostId: host.id, input: input({ name: "Before the Rename", story: "Only the story changed." }) });
    expect(await seriesItem(event.id, before!.modified)).toBeUndefined();

    await updateHostProfile({ actor: owner, hostId: host.id, input: input({ name: "After the Rename" }) });
    const after = await seriesItem(event.id, before!.modified);
    expect(after?.modified).toBeGreaterThan(before!.modified);
    expect(after?.data.organizer).toMatchObject({ name: "After the Rename", url: `${BASE}/hosts/${host.slug}` });

    // Any path that renames a host, not only the form: the trigger is on the table.
    await prisma.host.update({ where: { id: host.id }, data: { name: "Renamed in SQL" } });
    expect((await seriesItem(event.id, after!.modified))?.data.organizer).toMatchObject({ name: "Renamed in SQL" });
  });
});
