/**
 * The wait before retry number `attempt` (1, 2, …): doubling from `minMs`, capped at `maxMs`,
 * then scaled by a random 50–100 %, so that processes that lost the same database at the
 * same moment do not all come back in the same instant.
 */
export function backoffDelayMs(attempt: number, minMs: number, maxMs: number, random = Math.random): number {
  const ceiling = Math.min(maxMs, minMs * 2 ** Math.min(Math.max(attempt, 1) - 1, 30));
  return Math.round(ceiling * (0.5 + random() / 2));
}
