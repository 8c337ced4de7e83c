// The demo's word to attendees (issue 29.4): meeting points on the tours and workshops, one
// message an organiser sent to tonight's fado audience (with each recipient's delivery status,
// one refused by the provider), and the reminders already sent for the tickets whose session
// was inside its 24-hour window when the demo starts (as a shop that had been running would
// have; the worker sends the next ones as their sessions come near). Rows only; seed-demo.ts
// writes them with everything else.

/** Where attendees meet, by event slug: the tours and workshops of the demo. */
export const DEMO_MEETING_POINTS: Record<string, string> = {
  "alfama-private-walking-tour": "At the Miradouro de Santa Luzia, by the tiled wall; your guide carries an orange umbrella.",
  "guitarra-portuguesa-for-beginners": "Ring the bell at the side door of the tasca; guitars are waiting upstairs.",
  "azulejo-tile-painting": "In the back room of the studio; aprons are provided.",
  "tagus-sunset-sailing-trip": "Pontoon 3 of the Doca de Belém marina, 15 minutes before departure.",
  "belem-pastry-walk": "In front of the Monument to the Discoveries, facing the river.",
  "lisbon-tram-28-history-ride": "At the Martim Moniz tram stop, under the clock.",
  "catalan-cooking-class-with-marta": "At the kitchen's street door on Carrer del Rec; Marta opens it at ten to.",
  "crema-catalana-workshop": "At the kitchen's street door on Carrer del Rec.",
  "poblenou-street-art-tour": "By the Poblenou metro exit on Rambla del Poblenou.",
  "latte-art-basics": "At the counter of Café Müller; ask for the barista class.",
  "berlin-techno-history-walk": "Under the Oberbaumbrücke, Friedrichshain side.",
  "pottery-wheel-hour": "In the studio's courtyard, second door on the left.",
  "ceramics-glazing-evening": "In the studio's courtyard, second door on the left.",
  "neukolln-canal-cycle-tour": "At the bike racks by the Maybachufer market entrance; bikes and helmets provided.",
  "sourdough-bread-workshop": "At the bakery's side entrance on the canal path.",
  "southwark-ghost-walk": "Outside the gates of Southwark Cathedral, 10 minutes before the start.",
  "thames-private-photo-walk": "By the Gabriel's Wharf sign on the riverside walk.",
  "london-sketching-by-the-river": "On the steps below the National Theatre terrace.",
};

/** The demo's message to attendees: tonight's fado session, a few sent, one bounced and one refused. */
export const DEMO_MESSAGE = {
  slug: "fado-a-noite-alfama",
  subject: "Tonight: doors open at 20:00",
  body: "Boa noite! The tasca opens its doors at 20:00, half an hour before the first fado.\n\nThe stairs of Alfama are steep and slippery after rain: comfortable shoes help. Petiscos are served between sets.",
} as const;

type SoldOrder = { id: string; buyerEmail: string; buyerName: string; locale: string; eventId: string; paidAt: Date };
type SoldTicket = { id: string; orderId: string; ticketTypeId: string };

const HOUR = 3600_000;
const REMINDER_HOURS = 24;

export function demoAttendeeWordRows(options: {
  id: (name: string) => string;
  now: number;
  /** The message's session: the first session of DEMO_MESSAGE.slug. */
  messageEventId: string;
  messageSessionId: string;
  orders: SoldOrder[];
  tickets: SoldTicket[];
  sessionOfType: (ticketTypeId: string) => { id: string; startsAt: number };
  authorId: string;
}) {
  const orders = new Map(options.orders.map((order) => [order.id, order]));
  const sentAt = new Date(options.now - 2 * HOUR);

  const messageId = options.id(`message:${DEMO_MESSAGE.slug}`);
  const holders = new Map<string, SoldOrder>();
  for (const ticket of options.tickets) {
    if (options.sessionOfType(ticket.ticketTypeId).id !== options.messageSessionId) continue;
    const order = orders.get(ticket.orderId)!;
    const known = holders.get(order.buyerEmail);
    if (!known || known.paidAt < order.paidAt) holders.set(order.buyerEmail, order);
  }
  const recipients = [...holders.values()]
    .sort((a, b) => a.buyerEmail.localeCompare(b.buyerEmail))
    .map((order, index, all) => {
      // The last one: an address the provider refused (what the admin's list shows as failed);
      // the one before: taken, then bounced by the receiving server (Resend's webhook, ADR 0023).
      const failed = index === all.length - 1;
      const bounced = index === all.length - 2;
      return {
        id: options.id(`message-recipient:${order.buyerEmail}`), messageId, email: order.buyerEmail, name: order.buyerName, locale: order.locale,
        status: failed ? ("failed" as const) : bounced ? ("bounced" as const) : ("sent" as const),
        error: failed ? "Resend refused the email: validation_error: The recipient's mailbox does not accept mail" : bounced ? "Permanent / General: 550 5.1.1 The email account that you tried to reach does not exist" : null,
        sentAt: failed ? null : sentAt, updatedAt: sentAt,
      };
    });
  const messages = [
    { id: messageId, eventId: options.messageEventId, sessionId: options.messageSessionId, subject: DEMO_MESSAGE.subject, body: DEMO_MESSAGE.body, authorId: options.authorId, createdAt: new Date(sentAt.getTime() - 60_000), fannedOutAt: sentAt },
  ];

  // Tickets already inside the window: reminded when the window opened (or when bought, if later).
  const reminders = options.tickets.flatMap((ticket) => {
    const start = options.sessionOfType(ticket.ticketTypeId).startsAt;
    if (start < options.now || start > options.now + REMINDER_HOURS * HOUR) return [];
    const order = orders.get(ticket.orderId)!;
    const at = new Date(Math.max(start - REMINDER_HOURS * HOUR, order.paidAt.getTime()));
    return [{ ticketId: ticket.id, kind: "before_start", batchId: options.id(`reminder:${order.id}`), email: order.buyerEmail, status: "sent" as const, createdAt: at, sentAt: at }];
  });
  return { messages, recipients, reminders };
}
