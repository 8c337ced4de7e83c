import type { Messages } from "next-intl";

/** The namespaces client components read; the rest stays on the server. */
export const CLIENT_NAMESPACES = [
  "header",
  "finder",
  "quick",
  "categories",
  "availability",
  "event",
  "ticketPanel",
  "bookingPanel",
  "checkout",
  "pay",
  "order",
  "questions",
  "auth",
  "tokens",
  "error",
  "near",
  "calendarFeed",
  "line",
  "waitlist",
] as const satisfies readonly (keyof Messages)[];

export function clientMessages(messages: Messages): Pick<Messages, (typeof CLIENT_NAMESPACES)[number]> {
  return Object.fromEntries(CLIENT_NAMESPACES.map((namespace) => [namespace, messages[namespace]])) as Pick<Messages, (typeof CLIENT_NAMESPACES)[number]>;
}
