import "server-only";
import { authSecret, env } from "@/lib/env";
import { signTicket, type TicketCodePayload } from "./signing";

/** The secret door scanners share with us: TICKET_SIGNING_SECRET, else AUTH_SECRET. */
export function ticketSigningSecret(): string {
  return env().TICKET_SIGNING_SECRET ?? authSecret();
}

export function signTicketCode(payload: TicketCodePayload): string {
  return signTicket(payload, ticketSigningSecret());
}
