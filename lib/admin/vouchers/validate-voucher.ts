import "server-only";
import { prisma } from "@/lib/db";
import { fieldErrorsOf } from "@/lib/errors/field-errors";
import type { AdminActor } from "../authorize";
import { AdminError } from "../errors";
import { voucherHostProblem } from "./voucher-host";
import { checkVoucherRules } from "./check-voucher-rules";
import type { VoucherRules } from "./schemas";

export const CHECK_FIELDS = "Check the highlighted fields.";

type SafeParser<T> = {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
};

/**
 * The schema, then whose voucher it is (voucher-host.ts: its events' host, within the actor's
 * scope, before anything of those events is read), then the rules that need the database:
 * every problem at once, as field errors. `hostId` null: the platform's (every event).
 */
export async function validateVoucher<T extends VoucherRules>(actor: AdminActor, schema: SafeParser<T>, raw: unknown): Promise<T & { hostId: string | null }> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AdminError("validation_failed", CHECK_FIELDS, fieldErrorsOf(parsed.error.issues));
  const host = await voucherHostProblem(prisma, actor, parsed.data);
  if ("errors" in host) throw new AdminError("validation_failed", CHECK_FIELDS, host.errors);
  const errors = await checkVoucherRules(prisma, parsed.data);
  if (Object.keys(errors).length > 0) throw new AdminError("validation_failed", CHECK_FIELDS, errors);
  return { ...parsed.data, hostId: host.hostId };
}

/** The columns of a voucher's rules (code and counters aside). */
export function voucherColumns(rules: VoucherRules) {
  return {
    kind: rules.kind,
    value: rules.value,
    currency: rules.currency,
    maxUses: rules.maxUses,
    maxPerBuyer: rules.maxPerBuyer ?? null,
    validFrom: rules.validFrom ?? null,
    validUntil: rules.validUntil ?? null,
    eventIds: [...new Set(rules.eventIds)],
    ticketTypeIds: [...new Set(rules.ticketTypeIds)],
    revealsHidden: rules.revealsHidden,
    tag: rules.tag,
    note: rules.note,
  };
}

/** A code another voucher already has (the unique index said so: a concurrent save, or a typed code). */
export function isCodeTaken(error: unknown): boolean {
  const record = error as { code?: unknown; meta?: unknown; message?: unknown } | null;
  return (record?.code === "P2002" && JSON.stringify(record.meta ?? "").includes("code")) || (typeof record?.message === "string" && record.message.includes("vouchers_code_key"));
}
