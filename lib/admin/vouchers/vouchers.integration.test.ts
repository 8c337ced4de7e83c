import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createActor } from "@/tests/admin-fixtures";
import { createTicketedEvent } from "@/tests/fixtures";
import { createVoucherOrder } from "@/tests/voucher-fixtures";
import { createVoucher } from "./create-voucher";
import { deleteVoucher } from "./delete-voucher";
import { exportVouchersCsv } from "./export-vouchers";
import { generateVouchers } from "./generate-vouchers";
import { listVouchers } from "./list-vouchers";
import { updateVoucher } from "./update-voucher";

const unique = () => Math.random().toString(36).slice(2, 8).toUpperCase();

describe("createVoucher", () => {
  it("saves a typed code in upper case, scoped to an event, and audits it", async () => {
    const admin = await createActor();
    const { event } = await createTicketedEvent({ ticketTypes: [{ capacity: 10, priceMinor: 2000 }] });
    const code = `spring-${unique()}`;
    const saved = await createVoucher({ actor: admin, input: { code, kind: "amount_off", value: "5.00", currency: "eur", maxUses: "50", eventIds: [event.id], tag: "spring" } });
    expect(saved).toMatchObject({ code: code.toUpperCase(), kind: "amount_off", value: 500, currency: "EUR", maxUses: 50, uses: 0, eventIds: [event.id], createdBy: admin.email });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityType: "voucher", entityId: saved.id } });
    expect(audit).toMatchObject({ action: "voucher.create", actorEmail: admin.email, before: null });
  });

  it("draws a code when none is typed", async () => {
    const saved = await createVoucher({ actor: await createActor(), input: { kind: "percent_off", value: "10" } });
    expect(saved.code).toMatch(/^[A-Z2-9]{10}$/);
    expect(saved).toMatchObject({ value: 10, currency: null, maxUses: 1 });
  });

  it("names each bad field: percent over 100, money without a currency, a window the wrong way round, an unknown scope", async () => {
    const admin = await createActor();
    await expect(createVoucher({ actor: admin, input: { kind: "percent_off", value: "120" } })).rejects.toMatchObject({ code: "validation_failed", fieldErrors: { value: expect.stringContaining("0 to 100") } });
    await expect(
      createVoucher({ actor: admin, input: { kind: "amount_off", value: "5", validFrom: "2027-01-02T10:00", validUntil: "2027-01-01T10:00", eventIds: ["nope"] } }),
    ).rejects.toMatchObject({ fieldErrors: { currency: expect.any(String), validUntil: "End after the start", "eventIds.0": "Unknown event" } });
    await expect(createVoucher({ actor: admin, input: { kind: "percent_off", value: "5", eventIds: [crypto.randomUUID()] } })).rejects.toMatchObject({ fieldErrors: { eventIds: expect.stringContaining("no longer exists") } });
    await expect(createVoucher({ actor: await createActor("attendee"), input: { kind: "percent_off", value: "5" } })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuses an amount off that would make a negative price, looking at the early price tiers too", async () => {
    const admin = await createActor();
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ name: "Adult", capacity: 10, priceMinor: 2000 }, { name: "Child", capacity: 10, priceMinor: 800 }] });
    await expect(createVoucher({ actor: admin, input: { kind: "amount_off", value: "9", currency: "EUR", eventIds: [event.id] } })).rejects.toMatchObject({
      fieldErrors: { value: expect.stringContaining("“Child”") },
    });
    // Only the adult type: 9.00 off 20.00 is fine, until an early tier makes it 6.00.
    const saved = await createVoucher({ actor: admin, input: { kind: "amount_off", value: "9", currency: "EUR", ticketTypeIds: [ticketTypes[0].id] } });
    expect(saved.value).toBe(900);
    await prisma.priceTier.create({ data: { ticketTypeId: ticketTypes[0].id, priceMinor: 600, untilTaken: 5 } });
    await expect(createVoucher({ actor: admin, input: { kind: "amount_off", value: "9", currency: "EUR", ticketTypeIds: [ticketTypes[0].id] } })).rejects.toMatchObject({
      fieldErrors: { value: expect.stringContaining("early price") },
    });
    // A type of another event than the ones named, and a currency nothing in scope is priced in.
    const other = await createTicketedEvent({ ticketTypes: [{ capacity: 5 }] });
    await expect(createVoucher({ actor: admin, input: { kind: "percent_off", value: "10", eventIds: [event.id], ticketTypeIds: [other.ticketTypes[0].id] } })).rejects.toMatchObject({
      fieldErrors: { ticketTypeIds: expect.stringContaining("not a ticket type of the events you chose") },
    });
    await expect(createVoucher({ actor: admin, input: { kind: "set_price", value: "0", currency: "GBP", eventIds: [event.id] } })).rejects.toMatchObject({
      fieldErrors: { currency: expect.stringContaining("GBP") },
    });
  });

  it("refuses to reveal hidden types in a scope that has none", async () => {
    const admin = await createActor();
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 10 }, { capacity: 10 }] });
    const input = { kind: "percent_off", value: "0", eventIds: [event.id], revealsHidden: "on" };
    await expect(createVoucher({ actor: admin, input })).rejects.toMatchObject({ fieldErrors: { revealsHidden: expect.stringContaining("nothing to reveal") } });
    await prisma.ticketType.update({ where: { id: ticketTypes[1].id }, data: { hidden: true } });
    expect((await createVoucher({ actor: admin, input })).revealsHidden).toBe(true);
  });

  it("refuses a code another voucher has", async () => {
    const admin = await createActor();
    const code = `TAKEN-${unique()}`;
    await createVoucher({ actor: admin, input: { code, kind: "percent_off", value: "5" } });
    await expect(createVoucher({ actor: admin, input: { code: code.toLowerCase(), kind: "percent_off", value: "5" } })).rejects.toMatchObject({ fieldErrors: { code: expect.stringContaining("already") } });
  });
});

describe("generateVouchers and the export", () => {
  it("makes 1,000 unique codes in one batch, lists them by tag and exports them as formula-safe CSV", async () => {
    const admin = await createActor();
    const tag = `batch-${unique()}`;
    const batch = await generateVouchers({ actor: admin, input: { count: "1000", prefix: "vip-", tag, kind: "set_price", value: "0", currency: "EUR", note: "=HYPERLINK(\"x\")" } });
    expect(batch.count).toBe(1000);
    expect(new Set(batch.codes).size).toBe(1000);
    expect(batch.codes.every((code) => /^VIP-[A-HJKMNP-Z2-9]{10}$/.test(code))).toBe(true);
    expect(await prisma.voucher.count({ where: { tag } })).toBe(1000);

    const listed = await listVouchers({ actor: admin, query: { tag } });
    expect(listed).toMatchObject({ total: 1000, pages: 10, filter: { tag } });
    expect(listed.vouchers).toHaveLength(100);
    expect(listed.tags).toContainEqual({ tag, count: 1000 });

    const { csv, filename } = await exportVouchersCsv({ actor: admin, tag });
    const lines = csv.trimEnd().split("\r\n");
    expect(filename).toBe(`vouchers-${tag}.csv`);
    expect(lines[0]).toBe("code,kind,value,currency,max_uses,uses,max_per_buyer,valid_from,valid_until,reveals_hidden,tag,note");
    expect(lines).toHaveLength(1001);
    expect(lines[1]).toMatch(/^VIP-\w+,set_price,0\.00,EUR,1,0,,,,no,batch-\w+,"'=HYPERLINK\(""x""\)"$/);
    await expect(exportVouchersCsv({ actor: admin, tag: "" })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(exportVouchersCsv({ actor: admin, tag: `none-${unique()}` })).rejects.toMatchObject({ code: "not_found" });
  });

  it("needs a tag and at most 5,000 codes", async () => {
    await expect(generateVouchers({ actor: await createActor(), input: { count: "5001", kind: "percent_off", value: "5" } })).rejects.toMatchObject({
      fieldErrors: { count: expect.any(String), tag: expect.any(String) },
    });
  });
});

describe("updateVoucher and deleteVoucher", () => {
  it("merges a PATCH over the stored voucher, never below the places already used", async () => {
    const admin = await createActor();
    const saved = await createVoucher({ actor: admin, input: { kind: "percent_off", value: "10", maxUses: "5", tag: "x" } });
    await prisma.voucher.update({ where: { id: saved.id }, data: { uses: 3 } });
    const patched = await updateVoucher({ actor: admin, voucherId: saved.id, input: { value: 15, maxUses: 3 } });
    expect(patched).toMatchObject({ value: 15, maxUses: 3, uses: 3, tag: "x", code: saved.code });
    await expect(updateVoucher({ actor: admin, voucherId: saved.id, input: { maxUses: 2 } })).rejects.toMatchObject({
      code: "validation_failed",
      fieldErrors: { maxUses: expect.stringContaining("can't go below 3") },
    });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: saved.id, action: "voucher.update" } });
    expect(audit.before).toMatchObject({ value: 10 });
    expect(audit.after).toMatchObject({ value: 15 });
    await expect(updateVoucher({ actor: admin, voucherId: crypto.randomUUID(), input: {} })).rejects.toMatchObject({ code: "not_found" });
  });

  it("a form save replaces the whole voucher (an unticked box is absent)", async () => {
    const admin = await createActor();
    const saved = await createVoucher({ actor: admin, input: { kind: "percent_off", value: "10", tag: "keep" } });
    const replaced = await updateVoucher({ actor: admin, voucherId: saved.id, mode: "replace", input: { code: saved.code, kind: "percent_off", value: "20", maxUses: "1" } });
    expect(replaced).toMatchObject({ value: 20, tag: "" });
  });

  it("deletes a voucher never used, and refuses one an order was placed with", async () => {
    const admin = await createActor();
    const unused = await createVoucher({ actor: admin, input: { kind: "percent_off", value: "10" } });
    await deleteVoucher({ actor: admin, voucherId: unused.id });
    expect(await prisma.voucher.findUnique({ where: { id: unused.id } })).toBeNull();
    expect(await prisma.auditLog.count({ where: { entityId: unused.id, action: "voucher.delete" } })).toBe(1);

    const used = await createVoucher({ actor: admin, input: { kind: "percent_off", value: "10", maxUses: "5" } });
    const { event } = await createTicketedEvent({ ticketTypes: [{ capacity: 5 }] });
    // An expired hold gave its places back (uses 0), but its order still names the voucher.
    await createVoucherOrder({ eventId: event.id, voucherId: used.id, status: "expired", totalMinor: 1350, discountMinor: 150 });
    await expect(deleteVoucher({ actor: admin, voucherId: used.id })).rejects.toMatchObject({ code: "in_use", message: expect.stringContaining("1 order") });
    expect(await prisma.voucher.findUnique({ where: { id: used.id } })).not.toBeNull();
  });
});
