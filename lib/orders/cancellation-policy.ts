// An event's cancellation policy (issue 29.1), as the buyer reads it before paying and on the
// order: whether they may cancel, until when, and what comes back. Pure (no database, no
// server-only): `order_cancel` (prisma/functions/order_cancel.sql) enforces the same rule under
// the order's lock and computes the same figure with the same rounding (percentOfMinor);
// cancel-order.integration.test.ts checks the two agree to the cent.
import { percentOfMinor } from "@/lib/money";

export const CANCELLATION_POLICIES = ["none", "free", "fee"] as const;
export type CancellationPolicyKind = (typeof CANCELLATION_POLICIES)[number];
export type CancellationPolicy = { kind: CancellationPolicyKind; cutoffHours: number; feePercent: number };

/** The latest moment a place starting at `startsAt` may be cancelled; null when the policy allows none. */
export function cancellationDeadline(policy: CancellationPolicy, startsAt: Date): Date | null {
  if (policy.kind === "none") return null;
  return new Date(startsAt.getTime() - policy.cutoffHours * 3_600_000);
}

export function canCancelBy(policy: CancellationPolicy, startsAt: Date, now = new Date()): boolean {
  const deadline = cancellationDeadline(policy, startsAt);
  return deadline !== null && now < deadline;
}

/** What comes back for places that cost `costMinor` together, and what the policy keeps. */
export function cancellationRefund(policy: CancellationPolicy, costMinor: number): { refundMinor: number; feeMinor: number } {
  const feeMinor = policy.kind === "fee" ? percentOfMinor(costMinor, policy.feePercent) : 0;
  return { refundMinor: costMinor - feeMinor, feeMinor };
}

/** The policy of an event row (lib/generated's Event fields). */
export function policyOf(event: { cancellationPolicy: CancellationPolicyKind; cancellationCutoffHours: number; cancellationFeePercent: number }): CancellationPolicy {
  return { kind: event.cancellationPolicy, cutoffHours: event.cancellationCutoffHours, feePercent: event.cancellationFeePercent };
}
