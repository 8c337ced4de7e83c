// The zod schemas of the buyer's API: request schemas validate what clients send (strict:
// unknown fields are refused), response schemas describe what they get back. Both feed the
// OpenAPI document (lib/api/openapi.ts), and the tests parse real answers with the response
// schemas, so the document cannot drift from the code.
import { z } from "zod";
import { ZReserveBooking } from "@/lib/orders/reserve-booking";
import { ZTicketSelection } from "@/lib/orders/reserve-tickets";
import { ZId } from "@/lib/id-schema";
import { isIsoDate } from "@/lib/time";
import { ZCreateApiToken } from "@/lib/auth/api-tokens";
import { ZGuestBuyer } from "@/lib/orders/buyer";
import { QUESTION_KINDS } from "@/lib/questions/question";
import { MAX_HOLDER_NAME } from "@/lib/questions/check-particulars";

export const ZInstant = z.iso.datetime({ offset: true }).describe("ISO 8601 instant, e.g. 2026-06-30T19:00:00.000Z");
export const ZIsoDate = z.string().refine(isIsoDate, "Use a date like 2026-06-30").meta({ format: "date", examples: ["2026-06-30"] });
const ZMinor = z.int().min(0).describe("Amount in minor units of `currency` (cents)");
const ZCurrency = z.string().regex(/^[A-Z]{3}$/).describe("ISO 4217 code");
const ZAbsoluteUrl = z.url();

export const ZEventIdParams = z.object({ id: z.string().describe("Event id (UUID)") });
export const ZOrderIdParams = z.object({ id: z.string().describe("Order id (UUID)") });
export const ZTokenIdParams = z.object({ id: z.string().describe("Token id (UUID)") });

/** A private link's token (lib/orders/order-access.ts): opens the order without credentials. */
export const ZOrderAccessQuery = z.object({
  access: z.string().regex(/^[A-Za-z0-9_-]{43}$/).optional().describe("A private link's token (the delivery email's link has it): the order opens without credentials"),
});

// ── Questions (lib/questions) ─────────────────────────────────────────────────────────────

const ZTranslations = z.unknown().describe('The text in other languages than the event\'s, by locale: {"pt": "…"}');
export const ZQuestion = z
  .object({
    id: ZId,
    kind: z.enum(QUESTION_KINDS).describe("short_text (≤ 200 characters), long_text (≤ 2,000), one_choice (an option id), several_choices (option ids), yes_no (a boolean; when required, only true answers it: a consent), number, date (YYYY-MM-DD)"),
    label: z.string().describe("In the event's own language"),
    labelTranslations: ZTranslations.optional(),
    options: z.array(z.object({ id: z.string(), label: z.string(), labelTranslations: ZTranslations.optional() })).describe("The choices of one_choice and several_choices"),
    required: z.boolean(),
    perTicket: z.boolean().describe("Asked of every ticket's holder (answer in holders[i].answers) rather than once per order (answers)"),
    ticketTypeId: ZId.nullable().describe("Asked only of the tickets of this type"),
    showAtDoor: z.boolean().describe("The answer is shown to door staff"),
  })
  .meta({ id: "Question" });


// ── GET /api/events/{id}/buy ─────────────────────────────────────────────────────────────

export const ZBuyOptionsQuery = z.strictObject({
  date: ZIsoDate.optional().describe("Day (venue time) whose free ranges a bookable experience lists; default: today at the venue"),
  voucher: z.string().min(1).max(40).optional().describe("A code: prices the ticket types it covers and lists the hidden ones it reveals (a presale); a code that cannot be used is 422 voucher_invalid"),
});

export const ZBuyOptions = z
  .object({
    event: z.object({ id: ZId, slug: z.string(), title: z.string(), timeZone: z.string().describe("IANA zone of the venue") }),
    voucher: z
      .object({ code: z.string(), kind: z.enum(["percent_off", "amount_off", "set_price"]), value: z.int(), currency: z.string().nullable(), revealsHidden: z.boolean() })
      .nullable()
      .describe("The code asked for (`?voucher=`), as it applies; null without one"),
    questions: z.array(ZQuestion).describe("What the buyer is asked: answer per-order questions in `answers`, per-ticket ones in `holders[i].answers`"),
    holderChangeCutoffMinutes: z.int().describe("Ticket holders can be changed until this many minutes before the start"),
    limits: z.object({
      maxTicketsPerOrder: z.int().min(1).describe("Most tickets one order may hold, over all ticket types"),
      holdMinutes: z.int().min(1).describe("How long an order's places are held while the buyer pays"),
    }),
    sessions: z
      .array(
        z.object({
          id: ZId,
          startsAt: ZInstant,
          endsAt: ZInstant,
          remaining: z.int().min(0),
          ticketTypes: z.array(
            z.object({
              id: ZId,
              name: z.string(),
              description: z.string(),
              priceMinor: ZMinor.describe("What one costs now: its early tier, and the code's discount when a code covers it"),
              listPriceMinor: ZMinor.describe("Before the code"),
              currency: ZCurrency,
              remaining: z.int().min(0),
              salesStart: ZInstant.nullable().describe("On sale from (null: now); before it, the purchase is 409 not_on_sale_yet with `opensAt`"),
              salesEnd: ZInstant.nullable(),
            }),
          ),
        }),
      )
      .describe("Sessions on sale now, soonest first"),
    bookable: z
      .object({
        date: ZIsoDate,
        resources: z.array(
          z.object({
            id: ZId,
            name: z.string(),
            priceMinorPerSlot: ZMinor,
            currency: ZCurrency,
            slotMinutes: z.int().min(1).describe("Start times are every slotMinutes from opening; lengths are multiples of it"),
            minMinutes: z.int().min(1),
            maxMinutes: z.int().min(1),
            opens: z.string().regex(/^\d{2}:\d{2}$/).describe("Local opening time (HH:MM)"),
            closes: z.string().regex(/^\d{2}:\d{2}$/).describe("Local closing time (HH:MM)"),
            freeRanges: z
              .array(z.object({ start: ZInstant, end: ZInstant, minutes: z.int().min(1) }))
              .describe("Free time that day: any slot start s in a range with s + minutes <= end (and minMinutes <= minutes <= maxMinutes) can be booked"),
          }),
        ),
      })
      .nullable()
      .describe("For a bookable experience: its resources and their free ranges on `date`; null otherwise"),
  })
  .meta({ id: "BuyOptions" });
export type BuyOptions = z.input<typeof ZBuyOptions>;

// ── POST /api/events/{id}/buy ────────────────────────────────────────────────────────────

/** Who buys without a token (issue 27): the order is this email's, and opens with its private link. */
const ZBuyBuyer = ZGuestBuyer.meta({
  id: "Buyer",
  description: "Buy as a guest, without an API token: the order belongs to this email (tickets and a private link go there). Not with a token: a token buys for its account.",
});
const ZAnswers = z.record(z.string(), z.unknown()).describe("Answers by question id: text, an option id, a list of option ids, true/false, a number, or a date (YYYY-MM-DD), as the question's kind asks");
const ZHolder = z
  .strictObject({
    ticketTypeId: ZId.optional().describe("If given, must be the type of the ticket at this position"),
    name: z.string().optional().describe(`Printed on the ticket (at most ${MAX_HOLDER_NAME} characters); default: the buyer's name`),
    email: z.string().optional().describe("The holder's email (optional)"),
    answers: ZAnswers.optional(),
  })
  .meta({ id: "Holder" });
const particularsFields = {
  holders: z
    .array(ZHolder)
    .max(1000)
    .optional()
    .describe("One per ticket, in the order of `items` (items[0]'s tickets first); a booking has one. Tickets without a holder carry the buyer's name. Each field at fault is named in the 422's errors (JSON Pointer)."),
  answers: ZAnswers.optional().describe("Answers to the questions asked once per order (GET lists them)"),
  buyer: ZBuyBuyer.optional(),
};
const ZVoucherCode = z.string().trim().min(1).max(40).describe("A code (any case): its discount, counted under its lock when the places are held; an unknown, expired, used-up or out-of-scope code is 422 voucher_invalid pointing here, and nothing is held");

// The same field rules as the checkout forms (lib/orders), minus the coercion a form needs:
// JSON has real numbers.
export const ZBuyTickets = z
  .strictObject({
    items: z
      .array(
        z.strictObject({
          ticketTypeId: ZTicketSelection.shape.ticketTypeId,
          quantity: z.int("Use a whole number").min(1, "Buy at least one").max(1000, "That is more than one order can hold"),
        }),
        { error: (issue) => (issue.input === undefined ? "Send items (tickets) or booking (a time range)" : "Send items as a list") },
      )
      .min(1, "Choose at least one ticket")
      .max(50, "Send at most 50 items"),
    voucher: ZVoucherCode.optional(),
    ...particularsFields,
  })
  .meta({ id: "BuyTickets", description: "Tickets of one session of the event" });

export const ZBuyBooking = z
  .strictObject({
    booking: z.strictObject({ ...ZReserveBooking.shape, minutes: z.int("Choose a length in whole minutes").min(1) }),
    ...particularsFields,
  })
  .meta({ id: "BuyBooking", description: "A time range of a bookable experience: start (an instant on a slot boundary) and length" });

export const ZBuyRequest = z.union([ZBuyTickets, ZBuyBooking]).meta({ id: "BuyRequest" });
export type BuyRequest = z.output<typeof ZBuyRequest>;

/**
 * ZBuyRequest, validated against the member the body means (`booking` present: a booking;
 * otherwise tickets), so the messages name the real problem instead of "no union member matched".
 */
export const buyRequestParser = {
  safeParse(data: unknown): z.ZodSafeParseResult<BuyRequest> {
    const isBooking = typeof data === "object" && data !== null && "booking" in data && !("items" in data);
    return isBooking ? ZBuyBooking.safeParse(data) : ZBuyTickets.safeParse(data);
  },
};

const ZOrderSummary = z.object({
  id: ZId,
  reference: z.string().describe("Human reference printed on tickets, e.g. LT-7K2M9QXD"),
  status: z
    .enum(["pending", "paid", "expired", "cancelled", "refund_required", "refunded"])
    .describe("pending: places held until holdExpiresAt, pay at payment.url; paid: free order, confirmed. A retry with the same Idempotency-Key whose first answer was lost gets the order it made, in its status now (paid meanwhile, or expired)"),
  totalMinor: ZMinor,
  currency: ZCurrency,
  holdExpiresAt: ZInstant,
});

export const ZBuyResponse = z
  .object({
    order: ZOrderSummary,
    payment: z
      .object({
        provider: z.enum(["local", "stripe"]),
        url: ZAbsoluteUrl.nullable().describe("Where the buyer pays (the local test page or Stripe Checkout); null if the provider could not be reached: read the confirmation later"),
        api: ZAbsoluteUrl.optional().describe("Local provider only: POST here to pay without a browser"),
      })
      .nullable()
      .describe("null for a free order (already paid)"),
    links: z.object({ confirmation: ZAbsoluteUrl, page: ZAbsoluteUrl }),
    accessUrl: ZAbsoluteUrl.describe(
      "A private link to the order page: it opens the order, its tickets and PDF without an account (append its `access` parameter to the confirmation URL to read it as JSON). Keep it secret. A replayed answer carries a new link; earlier ones keep working.",
    ),
  })
  .meta({ id: "BuyResponse" });
export type BuyResponse = z.input<typeof ZBuyResponse>;

// ── GET /api/orders/{id}/confirmation ────────────────────────────────────────────────────

export const ZOrderConfirmation = z
  .object({
    order: z.object({
      id: ZId,
      reference: z.string(),
      status: z.enum(["pending", "paid", "expired", "cancelled", "refund_required", "refunded"]),
      totalMinor: ZMinor,
      currency: ZCurrency,
      createdAt: ZInstant,
      holdExpiresAt: ZInstant,
      paidAt: ZInstant.nullable(),
      paymentProvider: z.string().nullable(),
    }),
    event: z.object({ title: z.string(), slug: z.string() }).nullable(),
    venue: z.object({ name: z.string(), address: z.string(), timeZone: z.string() }).nullable(),
    items: z.array(
      z.object({
        ticketTypeId: ZId,
        name: z.string(),
        quantity: z.int().min(1),
        unitPriceMinor: ZMinor,
        status: z.enum(["held", "sold", "released", "cancelled"]),
        session: z.object({ id: ZId, startsAt: ZInstant, endsAt: ZInstant }),
      }),
    ),
    bookings: z.array(
      z.object({ id: ZId, resourceId: ZId, name: z.string(), startsAt: ZInstant, endsAt: ZInstant, status: z.enum(["held", "sold", "released", "cancelled"]) }),
    ),
    tickets: z.array(
      z.object({
        id: ZId,
        label: z.string(),
        holderName: z.string(),
        holderEmail: z.string().nullable().describe("Where the holder was sent their ticket, if given"),
        code: z.string().describe("What the door scans"),
        status: z.enum(["valid", "void"]),
      }),
    ).describe("The order's tickets; a ticket given to a new holder is listed as its re-issued self (PUT …/tickets/{ticketId}/holder)"),
    delivery: z.object({
      status: z.enum(["none", "queued", "sending", "sent", "failed"]).describe("The email with the PDF tickets"),
      ticketsPdfUrl: ZAbsoluteUrl.nullable().describe("Download of the PDF tickets once delivery has succeeded"),
    }),
    links: z.object({
      self: ZAbsoluteUrl,
      page: ZAbsoluteUrl,
      payLocal: ZAbsoluteUrl.optional().describe("Pending order with the local provider: POST here to pay"),
    }),
  })
  .meta({ id: "OrderConfirmation" });
export type OrderConfirmation = z.input<typeof ZOrderConfirmation>;

// ── POST /api/orders/{id}/pay/local ──────────────────────────────────────────────────────

export const ZLocalPayRequest = z
  .strictObject({
    outcome: z
      .enum(["succeed", "decline", "late"], { error: "Use succeed, decline or late" })
      .describe("succeed: pay now; decline: a declined card (nothing changes); late: pay after the hold ran out (re-take or refund path)"),
  })
  .meta({ id: "LocalPayRequest" });

export const ZLocalPayResponse = z
  .object({
    outcome: z.enum(["paid", "refund_required", "unchanged", "declined"]),
    order: z.object({ id: ZId, status: ZOrderConfirmation.shape.order.shape.status }),
    links: z.object({ confirmation: ZAbsoluteUrl }),
  })
  .meta({ id: "LocalPayResponse" });
export type LocalPayResponse = z.input<typeof ZLocalPayResponse>;

// ── /api/account/tokens ──────────────────────────────────────────────────────────────────

export const ZCreateTokenRequest = ZCreateApiToken.meta({ id: "CreateTokenRequest" });

export const ZApiToken = z
  .object({
    id: ZId,
    name: z.string(),
    hint: z.string().describe("Last four characters of the secret"),
    createdAt: ZInstant,
    lastUsedAt: ZInstant.nullable(),
    revokedAt: ZInstant.nullable(),
    scope: z.enum(["read", "write"]).describe("read: only reads; write: may also buy and pay"),
    expiresAt: ZInstant.describe("After this the token is refused (401), like a revoked one"),
  })
  .meta({ id: "ApiToken" });

export const ZTokenList = z.object({ tokens: z.array(ZApiToken) }).meta({ id: "ApiTokenList" });
export const ZCreatedToken = z
  .object({ token: ZApiToken, secret: z.string().describe("The bearer secret. Shown once: store it now.") })
  .meta({ id: "CreatedApiToken" });

// ── PUT /api/orders/{id}/tickets/{ticketId}/holder ───────────────────────────────────────

export const ZTicketIdParams = z.object({ id: z.string().describe("Order id (UUID)"), ticketId: z.string().describe("Ticket id (UUID), as in the confirmation") });

export const ZHolderChangeAnswer = z
  .object({
    ticket: z.object({
      id: ZId.describe("The ticket that now holds the place: a new id (and new codes) when re-issued"),
      holderName: z.string(),
      holderEmail: z.string().nullable(),
    }),
    reissued: z.boolean().describe("false when the holder was already this name and email (nothing changed)"),
  })
  .meta({ id: "HolderChange" });

// ── POST /api/orders/{id}/cancel ─────────────────────────────────────────────────────────

export const ZCancelRequest = z
  .object({
    tickets: z.array(ZId).min(1).max(100).optional().describe("The tickets to cancel (ids as in the confirmation); all the order's valid tickets when left out"),
  })
  .meta({ id: "CancelRequest" });

export const ZCancelAnswer = z
  .object({
    status: z.enum(["paid", "cancelled", "refund_required", "refunded"]).describe("The order's status now: `paid` when some tickets are still valid"),
    cancelled: z.int().describe("How many tickets were cancelled (0 for an unpaid order given up)"),
    refundMinor: z.int().describe("What goes back to the buyer, in minor units, through the way they paid"),
    feeMinor: z.int().describe("What the event's cancellation policy kept, in minor units"),
  })
  .meta({ id: "Cancellation" });

// ── The waiting list (issue 29.3): POST /api/events/{id}/waitlist, DELETE /api/waitlist/{id} ──

const waitlistWho = {
  email: z.email().max(254).optional().describe("Without a token or session: the email the offer goes to"),
  name: z.string().trim().min(1).max(100).optional().describe("Without a token or session: who is waiting"),
  locale: z.enum(["en", "pt", "es", "ca", "de"]).optional().describe("The language of the emails (default en)"),
};

/** Either places of a ticket type, or one time range of a bookable resource (docs/decisions/0021). */
export const ZWaitlistJoinRequest = z
  .union([
    z
      .object({
        ticketTypeId: ZId.describe("The sold-out ticket type to wait for"),
        quantity: z.int().min(1).max(100).describe("How many places (at most the per-order limit)"),
        ...waitlistWho,
      })
      .meta({ id: "WaitlistJoinTicketType" }),
    z
      .object({
        resourceId: ZId.describe("The bookable resource (an experience's guide, boat, room) whose time is taken"),
        startsAt: ZInstant.describe("The start of the range to wait for: a start the resource offers (its slot grid and opening hours)"),
        endsAt: ZInstant.describe("Its end: a length the resource allows (min/max minutes, whole slots)"),
        ...waitlistWho,
      })
      .meta({ id: "WaitlistJoinTimeRange" }),
  ])
  .meta({ id: "WaitlistJoinRequest" });

export const ZWaitlistJoined = z
  .object({
    id: ZId.describe("The entry: DELETE /api/waitlist/{id}?token= leaves the list"),
    position: z.int().describe("Where it stands in its type's line, or among those waiting for an overlapping time (1: next to be offered)"),
    leaveToken: z.string().describe("The private token that leaves the list (also in the confirmation email's link); shown only here"),
    ticketTypeId: ZId.optional().describe("The ticket type waited for (a ticket type's list)"),
    resourceId: ZId.optional().describe("The resource whose time is waited for (a time range's list)"),
    startsAt: ZInstant.optional(),
    endsAt: ZInstant.optional(),
    quantity: z.int().describe("Places (a time range: 1)"),
    status: z.literal("waiting"),
  })
  .meta({ id: "WaitlistJoined" });

export const ZWaitlistIdParams = z.object({ id: z.string().describe("Waiting-list entry id (UUID)") });
export const ZWaitlistLeaveQuery = z.object({ token: z.string().max(100).optional().describe("The private token of the join answer or email; not needed signed in as who joined") });

export const ZWaitlistLeft = z
  .object({
    status: z.literal("left"),
    from: z.enum(["waiting", "offered"]).describe("`offered`: the places held for it went to the next in line"),
  })
  .meta({ id: "WaitlistLeft" });
