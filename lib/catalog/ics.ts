// An "add to calendar" file for one session (RFC 5545). Pure: no database, no clock
// unless the caller leaves out `now` (DTSTAMP, the moment the file was made).

export type IcsEvent = { title: string; summary: string; slug: string; venueName: string; address: string };
export type IcsSession = { id: string; startsAt: Date; endsAt: Date };

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

export function buildIcs(event: IcsEvent, session: IcsSession, appUrl: string, options: { now?: Date } = {}): string {
  const base = appUrl.replace(/\/+$/, "");
  const url = `${base}/events/${encodeURIComponent(event.slug)}`;
  const description = event.summary ? `${event.summary}\n\n${url}` : url;
  const location = [event.venueName, event.address].filter(Boolean).join(", ");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Local Tickets//Events//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:session-${session.id}@${hostOf(appUrl)}`,
    `DTSTAMP:${formatIcsDate(options.now ?? new Date())}`,
    `DTSTART:${formatIcsDate(session.startsAt)}`,
    `DTEND:${formatIcsDate(session.endsAt)}`,
    `SUMMARY:${escapeIcsText(event.title)}`,
    `DESCRIPTION:${escapeIcsText(description)}`,
    `LOCATION:${escapeIcsText(location)}`,
    // URL is a URI value, not TEXT: it is not backslash-escaped.
    `URL:${url}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
}
