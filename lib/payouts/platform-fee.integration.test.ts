// The platform's default fee (docs/decisions/0022): set by the platform admin, refused (nothing
// changed) when it would take more than the cheapest paid place of a host that uses it; hosts
// with a fee of their own are not concerned; audited.
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createActor } from "@/tests/admin-fixtures";
import { createHost, createHostEvent, createMember } from "@/tests/host-fixtures";
import { getPlatformFee, setPlatformFee } from "./platform-fee";

const ORIGINAL = { feePercentBp: 500, feeFixedMinor: 0 };

afterEach(async () => {
  // Other tests' payments read the default: put it back.
  await prisma.platformSettings.update({ where: { id: true }, data: ORIGINAL });
});

describe("the platform's default fee", () => {
  // Fees of a few cents against tickets of a few cents: other tests' hosts (15.00 tickets) stay out of the way.
  it("is refused above the cheapest ticket of a host that uses it, nothing changed; hosts with their own fee are not concerned", async () => {
    const admin = await createActor("admin");
    const ownFee = await createHost({ name: "Own Fee Host" });
    await prisma.host.update({ where: { id: ownFee.id }, data: { feePercentBp: 100, feeFixedMinor: 0 } });
    await prisma.ticketType.update({ where: { id: (await createHostEvent(ownFee.id)).ticketType.id }, data: { priceMinor: 1 } });

    // 2 cents per ticket is more than Own Fee Host's 1-cent ticket, but that host has its own fee.
    expect(await setPlatformFee({ actor: admin, input: { feePercentBp: "0", feeFixedMinor: "2" } })).toEqual({ feePercentBp: 0, feeFixedMinor: 2 });
    expect(await getPlatformFee()).toEqual({ feePercentBp: 0, feeFixedMinor: 2 });

    const user = await createHost({ name: "Default Fee Host" });
    await prisma.ticketType.update({ where: { id: (await createHostEvent(user.id)).ticketType.id }, data: { priceMinor: 3 } });
    await expect(setPlatformFee({ actor: admin, input: { feePercentBp: "0", feeFixedMinor: "4" } })).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringContaining("Default Fee Host uses the platform's fee and its cheapest ticket costs €0.03. Nothing was changed."),
      fieldErrors: { feeFixedMinor: "More than Default Fee Host's cheapest ticket (€0.03)" },
    });
    expect(await getPlatformFee()).toEqual({ feePercentBp: 0, feeFixedMinor: 2 });

    // A host with only its own percentage takes the default's fixed part: still concerned.
    await prisma.host.update({ where: { id: user.id }, data: { feePercentBp: 0 } });
    await expect(setPlatformFee({ actor: admin, input: { feePercentBp: "0", feeFixedMinor: "4" } })).rejects.toMatchObject({ code: "validation_failed" });
    expect(await setPlatformFee({ actor: admin, input: { feePercentBp: "0", feeFixedMinor: "3" } })).toEqual({ feePercentBp: 0, feeFixedMinor: 3 });
    expect(await prisma.auditLog.count({ where: { actorId: admin.id, action: "platform.fee" } })).toBe(2);
  });

  it("takes whole numbers in range, both needed", async () => {
    const admin = await createActor("admin");
    await expect(setPlatformFee({ actor: admin, input: { feePercentBp: "", feeFixedMinor: "-1" } })).rejects.toMatchObject({
      fieldErrors: { feePercentBp: expect.stringContaining("needed"), feeFixedMinor: expect.stringContaining("negative") },
    });
    await expect(setPlatformFee({ actor: admin, input: { feePercentBp: "10001", feeFixedMinor: "1.5" } })).rejects.toMatchObject({
      fieldErrors: { feePercentBp: expect.any(String), feeFixedMinor: expect.stringContaining("whole") },
    });
  });

  it("is the platform admin's only", async () => {
    const host = await createHost();
    const owner = await createMember(host.id, "owner");
    await expect(setPlatformFee({ actor: owner, input: { feePercentBp: "0", feeFixedMinor: "0" } })).rejects.toMatchObject({ code: "forbidden" });
    expect(await getPlatformFee()).toEqual(ORIGINAL);
  });
});
