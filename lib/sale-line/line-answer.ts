import "server-only";
import type { ProblemOptions } from "@/lib/http/problem";
import type { LinePass } from "./pass-line";
import type { LineStatus } from "./schemas";

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

/** The JSON API's 503 `in_line`: where the buyer stands, when to come back, and their line token. */
export function inLineProblem(pass: LinePass): ProblemOptions {
  const where = pass.secondsToOpening > 0 ? `Sales open at ${pass.opensAt.toISOString()}. ` : "";
  const detail = !pass.proven
    ? "This email already has a place in line: send its Line-Token header (from the answer that gave the place) to keep it. Nothing was bought."
    : `${where}You are in line: ${pass.ahead} ${pass.ahead === 1 ? "buyer" : "buyers"} ahead of you, about ${minutes(pass.estimatedWaitSeconds)} min. ` +
      `Try again after Retry-After with the header Line-Token: ${pass.token}. Nothing was bought.`;
  return {
    detail,
    retryAfterSeconds: pass.retryAfterSeconds,
    extensions: {
      line: {
        position: pass.position,
        ahead: pass.ahead,
        opensAt: pass.opensAt.toISOString(),
        estimatedWaitSeconds: pass.estimatedWaitSeconds,
        token: pass.token,
      },
    },
    headers: pass.token ? { "line-token": pass.token } : {},
  };
}

/** The 409 the crowd after the sell-out gets at the edge. */
export const SOLD_OUT_AT_EDGE: ProblemOptions = { detail: "Sold out: every place of this event is taken. Nothing was bought." };

/** What the event page's panel shows. */
export function lineStatusOf(pass: LinePass): LineStatus {
  return {
    state: pass.letThrough ? "admitted" : "waiting",
    position: pass.position,
    ahead: pass.ahead,
    opensAt: pass.opensAt.toISOString(),
    estimatedWaitSeconds: pass.estimatedWaitSeconds,
    windowEndsAt: pass.letThrough && pass.windowEndsAt ? pass.windowEndsAt.toISOString() : null,
    // Often enough to look live and to keep the place; less often far back in a long line.
    pollAfterSeconds: pass.letThrough ? 15 : Math.min(10, Math.max(2, pass.retryAfterSeconds)),
  };
}

export const NO_LINE: LineStatus = { state: "none", position: null, ahead: null, opensAt: null, estimatedWaitSeconds: null, windowEndsAt: null, pollAfterSeconds: 60 };

export function soldOutStatus(opensAt: Date): LineStatus {
  return { state: "sold_out", position: null, ahead: null, opensAt: opensAt.toISOString(), estimatedWaitSeconds: null, windowEndsAt: null, pollAfterSeconds: 30 };
}
