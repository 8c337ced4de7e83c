import { Refusal } from "@/lib/errors/refusal";
import { REJECTION_TEXT, type Verdict } from "./verdict";

type Refused = Exclude<Verdict, { result: "admitted" }>;

/**
 * A scan the door did not admit, as a refusal: 409 `already_checked_in` (amber) or 422
 * `ticket_rejected` (red), each carrying the door's `verdict` so a scanner shows the same
 * screen online as offline.
 */
export class CheckInRefusal extends Refusal<"already_checked_in" | "ticket_rejected"> {
  constructor(readonly verdict: Refused) {
    super(
      verdict.result === "already_checked_in" ? "already_checked_in" : "ticket_rejected",
      verdict.result === "already_checked_in"
        ? `Checked in at ${verdict.checkIn.at} by ${verdict.checkIn.by} (${verdict.checkIn.door}).`
        : REJECTION_TEXT[verdict.reason],
      { extensions: { verdict } },
    );
    this.name = "CheckInRefusal";
  }
}
