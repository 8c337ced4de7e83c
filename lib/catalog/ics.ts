// An "add to calendar" file for one session (RFC 5545). Pure: no database, no clock
// unless the caller leaves out `now` (DTSTAMP, the moment the file was made).

export type IcsEvent = {
  title: string;
  summary: string;
  slug: string;
  venueName: string;
  address: string;
  /** The event page's path in the reader's language (default: /events/<slug>). */
  path?: string;
};
export type IcsSession = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  /** The VEVENT's UID before "@host" (default: session-<id>): one per session, or per booking. */
  uid?: string;
  cancelled?: boolean;
};

const CRLF = "\r\n";
const MAX_LINE_OCTETS = 75;

/** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    // Other control characters are not allowed in TEXT (HTAB is).
    .replace(/(?!\t)\p{Cc}/gu, "");
}

/**
 * Splits a content line into lines of at most 75 octets (RFC 5545 §3.1): each continuation
 * starts with one space, and a multi-byte UTF-8 character is never cut in two.
 */
export function foldIcsLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = " ";
      octets = 1;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** 20261124T190000Z */
export function formatIcsDate(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

function hostOf(appUrl: string): string {
  try {
    return new URL(appUrl).hostname || "localtickets";
  } catch {
    return "localtickets";
  }
}

function veventLines(event: IcsEvent, session: IcsSession, base: string, host: string, stamp: string): string[] {
  const url = `${base}${event.path ?? `/events/${encodeURIComponent(event.slug)}`}`;
  const description = event.summary ? `${event.summary}\n\n${url}` : url;
  const location = [event.venueName, event.address].filter(Boolean).join(", ");
  return [
    "BEGIN:VEVENT",
    `UID:${session.uid ?? `session-${session.id}`}@${host}`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${formatIcsDate(session.startsAt)}`,
    `DTEND:${formatIcsDate(session.endsAt)}`,
    `SUMMARY:${escapeIcsText(event.title)}`,
    `DESCRIPTION:${escapeIcsText(description)}`,
    `LOCATION:${escapeIcsText(location)}`,
    ...(session.cancelled ? ["STATUS:CANCELLED"] : []),
    // URL is a URI value, not TEXT: it is not backslash-escaped.
    `URL:${url}`,
    "END:VEVENT",
  ];
}

export function buildIcs(event: IcsEvent, session: IcsSession, appUrl: string, options: { now?: Date } = {}): string {
  return buildIcsCalendar([{ event, session }], appUrl, options);
}

/**
 * A calendar of several sessions: a subscription feed (a city's upcoming sessions, a buyer's
 * tickets) or the sessions of one order. `name` titles a subscribed calendar (X-WR-CALNAME,
 * which the common calendar apps read); `refreshMinutes` asks them to fetch it again that often.
 */
export function buildIcsCalendar(
  entries: { event: IcsEvent; session: IcsSession }[],
  appUrl: string,
  options: { now?: Date; name?: string; refreshMinutes?: number } = {},
): string {
  const base = appUrl.replace(/\/+$/, "");
  const host = hostOf(appUrl);
  const stamp = formatIcsDate(options.now ?? new Date());
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Local Tickets//Events//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    ...(options.name ? [`X-WR-CALNAME:${escapeIcsText(options.name)}`, `NAME:${escapeIcsText(options.name)}`] : []),
    ...(options.refreshMinutes ? [`REFRESH-INTERVAL;VALUE=DURATION:PT${options.refreshMinutes}M`, `X-PUBLISHED-TTL:PT${options.refreshMinutes}M`] : []),
    ...entries.flatMap(({ event, session }) => veventLines(event, session, base, host, stamp)),
    "END:VCALENDAR",
  ];
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
}
