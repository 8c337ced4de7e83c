// The dashboard's figures, as a handful of set-based queries that read indexes:
//  - money: orders that took money, by sale time (orders_sale_time_idx, index-only):
//    per currency, per bucket and currency, per event and currency in ONE pass (GROUPING SETS);
//  - tickets: the paid orders' lines and bookings, per bucket, event and ticket type in one pass;
//  - conversion: orders created in the range and how many were paid (orders_created_at_idx);
//  - delivery pipeline: open jobs by kind and status, and those finished in the range;
//  - the top events' sessions and ticket types with their stored sold / held / capacity.
// With 100,000+ orders the planner needs to know how sale times are spread: the migration
// adds extended statistics on coalesce(paid_at, created_at) (an expression index on a
// partial index gets none), without which it picks nested loops over every order line.
// No `server-only` here: the functions take the database client, so the benchmark
// (scripts/bench-admin.ts) times exactly this SQL. The app goes through get-analytics.ts.
//
// "Sale time" is coalesce(paid_at, created_at): a late payment that could not get its
// places back is `refund_required` without paid_at, yet the money came in.
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { bucketStarts, type DateRange } from "./range";

export type AnalyticsDb = Pick<PrismaClient, "$queryRaw">;

/**
 * Whose figures (issue 30): "all" for the platform, else the events and hosts of a host's
 * members (lib/admin/host-scope.ts resolves them); the delivery pipeline is the platform's only.
 */
export type AnalyticsScope = { eventIds: "all" | string[]; hostIds: "all" | readonly string[] };
const ALL: AnalyticsScope = { eventIds: "all", hostIds: "all" };

/** `o.event_id` within the scope (TRUE for the platform, so its plans are unchanged). */
function ordersIn(scope: AnalyticsScope): Prisma.Sql {
  return scope.eventIds === "all" ? Prisma.sql`TRUE` : Prisma.sql`o.event_id = ANY(${scope.eventIds}::uuid[])`;
}

function vouchersIn(scope: AnalyticsScope): Prisma.Sql {
  return scope.hostIds === "all" ? Prisma.sql`TRUE` : Prisma.sql`host_id = ANY(${[...scope.hostIds]}::uuid[])`;
}

export type Money = { currency: string; minor: number };

export type RevenueRow = {
  currency: string;
  orders: number;
  grossMinor: number;
  /** Refunds done (status refunded) and still owed (refund_required). */
  refundedMinor: number;
  refundPendingMinor: number;
  netMinor: number;
};

export type SalesBucket = { start: string; orders: number; tickets: number; gross: Money[] };

export type SessionFigures = {
  sessionId: string;
  startsAt: Date;
  timeZone: string;
  cancelled: boolean;
  /** Sold in the range (orders still paid). */
  tickets: number;
  /** Stored figures, whole lifetime. */
  sold: number;
  held: number;
  capacity: number;
  sellThrough: number | null;
  /** Sessions that have started: tickets checked in at the door, and the share that never came. Null before the start. */
  checkedIn: number | null;
  noShowRate: number | null;
};

export type EventFigures = {
  eventId: string;
  title: string;
  slug: string;
  status: string;
  tickets: number;
  orders: number;
  net: Money[];
  sold: number;
  capacity: number;
  sellThrough: number | null;
  /** Over the event's sessions that have started: valid tickets never checked in / valid tickets. */
  noShowRate: number | null;
  sessions: SessionFigures[];
};

export type PipelineRow = { kind: string; status: string; count: number };

/** A code's sales in the range: its paid orders, what they paid and what it took off (per currency). */
export type VoucherFigures = {
  voucherId: string;
  code: string;
  tag: string;
  /** Stored, whole lifetime: places of orders holding or having bought with it, and its limit. */
  uses: number;
  maxUses: number;
  orders: number;
  revenue: Money[];
  discount: Money[];
};

/** A batch (tag; "" for codes without one): its codes and their lifetime uses, and its sales in the range. */
export type VoucherTagFigures = { tag: string; codes: number; uses: number; orders: number; revenue: Money[]; discount: Money[] };

export type Analytics = {
  range: { from: string; to: string; bucket: DateRange["bucket"] };
  revenue: RevenueRow[];
  ordersPaid: number;
  ticketsSold: number;
  conversion: { created: number; paid: number; rate: number | null };
  salesOverTime: SalesBucket[];
  /** Events by tickets sold in the range, most first (at most `eventLimit`). */
  events: EventFigures[];
  pipeline: PipelineRow[];
  oldestDueJobSeconds: number | null;
  /** Sales with a voucher in the range, per code (most orders first, at most `voucherLimit`) and per tag. */
  vouchers: { codes: VoucherFigures[]; tags: VoucherTagFigures[] };
};

type MoneyRow = {
  g_bucket: number;
  g_event: number;
  bucket: Date | null;
  event_id: string | null;
  currency: string;
  orders: bigint;
  paid_orders: bigint;
  gross: bigint;
  refunded: bigint;
  refund_pending: bigint;
};

function moneyQuery(db: AnalyticsDb, range: DateRange, scope: AnalyticsScope) {
  return db.$queryRaw<MoneyRow[]>`
    SELECT GROUPING(bucket)::int AS g_bucket, GROUPING(event_id)::int AS g_event, bucket, event_id, currency,
           count(*) AS orders,
           count(*) FILTER (WHERE status = 'paid') AS paid_orders,
           sum(total_minor)::bigint AS gross,
           coalesce(sum(total_minor) FILTER (WHERE status = 'refunded'), 0)::bigint AS refunded,
           coalesce(sum(total_minor) FILTER (WHERE status = 'refund_required'), 0)::bigint AS refund_pending
      FROM (SELECT date_trunc(${range.bucket}::text, coalesce(o.paid_at, o.created_at), 'UTC') AS bucket,
                   o.event_id, o.currency, o.total_minor, o.status
              FROM orders o
             WHERE o.status IN ('paid', 'refund_required', 'refunded') AND ${ordersIn(scope)}
               AND coalesce(o.paid_at, o.created_at) >= ${range.start}::timestamptz
               AND coalesce(o.paid_at, o.created_at) < ${range.end}::timestamptz) sales
     GROUP BY GROUPING SETS ((currency), (bucket, currency), (event_id, currency))`;
}

type TicketRow = {
  g_bucket: number;
  g_event: number;
  g_type: number;
  bucket: Date | null;
  event_id: string | null;
  ticket_type_id: string | null;
  tickets: bigint;
};

function ticketQuery(db: AnalyticsDb, range: DateRange, scope: AnalyticsScope) {
  // Tickets still valid: lines of orders that are paid now (a refund cancels its lines),
  // plus one per sold booking of a bookable experience (ticket_type_id stays NULL). Grouped
  // by ticket type, not session: the few thousand groups are mapped to sessions afterwards,
  // instead of joining every line to ticket_types.
  return db.$queryRaw<TicketRow[]>`
    SELECT GROUPING(bucket)::int AS g_bucket, GROUPING(event_id)::int AS g_event, GROUPING(ticket_type_id)::int AS g_type,
           bucket, event_id, ticket_type_id, sum(quantity)::bigint AS tickets
      FROM (SELECT date_trunc(${range.bucket}::text, coalesce(o.paid_at, o.created_at), 'UTC') AS bucket, o.event_id, oi.ticket_type_id, oi.quantity
              FROM orders o JOIN order_items oi ON oi.order_id = o.id
             WHERE o.status IN ('paid', 'refund_required', 'refunded') AND o.status = 'paid' AND oi.status = 'sold' AND ${ordersIn(scope)}
               AND coalesce(o.paid_at, o.created_at) >= ${range.start}::timestamptz
               AND coalesce(o.paid_at, o.created_at) < ${range.end}::timestamptz
            UNION ALL
            SELECT date_trunc(${range.bucket}::text, coalesce(o.paid_at, o.created_at), 'UTC'), o.event_id, NULL::uuid, 1
              FROM orders o JOIN bookings b ON b.order_id = o.id
             WHERE o.status IN ('paid', 'refund_required', 'refunded') AND o.status = 'paid' AND b.status = 'sold' AND ${ordersIn(scope)}
               AND coalesce(o.paid_at, o.created_at) >= ${range.start}::timestamptz
               AND coalesce(o.paid_at, o.created_at) < ${range.end}::timestamptz) lines
     GROUP BY GROUPING SETS ((), (bucket), (event_id), (ticket_type_id))`;
}

type VoucherRow = {
  g_code: number;
  voucher_id: string | null;
  code: string | null;
  tag: string;
  uses: number | null;
  max_uses: number | null;
  currency: string;
  orders: bigint;
  revenue: bigint;
  discount: bigint;
};

/**
 * Paid orders placed with a voucher, by sale time, per code and per tag in ONE pass (GROUPING
 * SETS). Revenue is what those orders paid (total_minor, after the discount); discount is what
 * the code took off (discount_minor). Refunded orders count in neither, like net revenue.
 */
function voucherQuery(db: AnalyticsDb, range: DateRange, scope: AnalyticsScope) {
  return db.$queryRaw<VoucherRow[]>`
    SELECT GROUPING(v.id)::int AS g_code, v.id AS voucher_id, v.code, v.tag, v.uses, v.max_uses, o.currency,
           count(*) AS orders, sum(o.total_minor)::bigint AS revenue, sum(o.discount_minor)::bigint AS discount
      FROM orders o JOIN vouchers v ON v.id = o.voucher_id
     WHERE o.voucher_id IS NOT NULL AND o.status = 'paid' AND ${ordersIn(scope)}
       AND coalesce(o.paid_at, o.created_at) >= ${range.start}::timestamptz
       AND coalesce(o.paid_at, o.created_at) < ${range.end}::timestamptz
     GROUP BY GROUPING SETS ((v.id, v.code, v.tag, v.uses, v.max_uses, o.currency), (v.tag, o.currency))`;
}

function voucherTagQuery(db: AnalyticsDb, tags: string[], scope: AnalyticsScope) {
  return db.$queryRaw<{ tag: string; codes: number; uses: number }[]>`
    SELECT tag, count(*)::int AS codes, coalesce(sum(uses), 0)::int AS uses FROM vouchers WHERE tag = ANY(${tags}::text[]) AND ${vouchersIn(scope)} GROUP BY tag`;
}

function addMoney(map: Map<string, Map<string, number>>, key: string, currency: string, minor: number) {
  if (!map.has(key)) map.set(key, new Map());
  map.get(key)!.set(currency, (map.get(key)!.get(currency) ?? 0) + minor);
}

async function voucherFigures(db: AnalyticsDb, rows: VoucherRow[], limit: number, scope: AnalyticsScope): Promise<Analytics["vouchers"]> {
  const codes = new Map<string, Omit<VoucherFigures, "revenue" | "discount">>();
  const tags = new Map<string, number>();
  const revenue = new Map<string, Map<string, number>>();
  const discount = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const key = row.g_code === 0 ? `code:${row.voucher_id}` : `tag:${row.tag}`;
    addMoney(revenue, key, row.currency.trim(), Number(row.revenue));
    addMoney(discount, key, row.currency.trim(), Number(row.discount));
    if (row.g_code === 0 && row.voucher_id) {
      const figures = codes.get(row.voucher_id) ?? { voucherId: row.voucher_id, code: row.code!, tag: row.tag, uses: row.uses ?? 0, maxUses: row.max_uses ?? 0, orders: 0 };
      figures.orders += Number(row.orders);
      codes.set(row.voucher_id, figures);
    } else {
      tags.set(row.tag, (tags.get(row.tag) ?? 0) + Number(row.orders));
    }
  }
  const counts = tags.size > 0 ? await voucherTagQuery(db, [...tags.keys()], scope) : [];
  const byTag = new Map(counts.map((row) => [row.tag, row]));
  return {
    codes: [...codes.values()]
      .sort((a, b) => b.orders - a.orders || (a.code < b.code ? -1 : 1))
      .slice(0, limit)
      .map((figures) => ({ ...figures, revenue: moneyList(revenue.get(`code:${figures.voucherId}`)), discount: moneyList(discount.get(`code:${figures.voucherId}`)) })),
    tags: [...tags]
      .sort(([a, ordersA], [b, ordersB]) => ordersB - ordersA || (a < b ? -1 : 1))
      .map(([tag, orders]) => ({
        tag,
        codes: byTag.get(tag)?.codes ?? 0,
        uses: byTag.get(tag)?.uses ?? 0,
        orders,
        revenue: moneyList(revenue.get(`tag:${tag}`)),
        discount: moneyList(discount.get(`tag:${tag}`)),
      })),
  };
}

function conversionQuery(db: AnalyticsDb, range: DateRange, scope: AnalyticsScope) {
  return db.$queryRaw<{ created: bigint; paid: bigint }[]>`
    SELECT count(*) AS created, count(*) FILTER (WHERE status IN ('paid', 'refund_required', 'refunded')) AS paid
      FROM orders o WHERE created_at >= ${range.start}::timestamptz AND created_at < ${range.end}::timestamptz AND ${ordersIn(scope)}`;
}

/**
 * The queue's state: every job waiting, running or dead (few, whatever the table's age),
 * and the jobs finished in the range. Both read jobs_status_updated_at_idx, so the answer
 * does not slow down as finished jobs pile up.
 */
export function pipelineQuery(db: AnalyticsDb, range?: DateRange) {
  return db.$queryRaw<{ kind: string; status: string; count: number; oldest_due: Date | null }[]>`
    SELECT kind, status::text AS status, count(*)::int AS count,
           min(run_at) FILTER (WHERE status = 'queued' AND run_at <= now()) AS oldest_due
      FROM jobs
     WHERE status IN ('queued', 'running', 'dead')
        OR (status = 'succeeded' AND updated_at >= ${range?.start ?? new Date(Date.now() - 24 * 3600_000)}::timestamptz
                                 AND updated_at < ${range?.end ?? new Date(Date.now() + 60_000)}::timestamptz)
     GROUP BY kind, status ORDER BY kind, status`;
}

function eventDetailsQuery(db: AnalyticsDb, eventIds: string[]) {
  return db.$queryRaw<
    {
      event_id: string;
      title: string;
      slug: string;
      status: string;
      session_id: string | null;
      starts_at: Date | null;
      time_zone: string | null;
      cancelled: boolean | null;
      ticket_type_id: string | null;
      sold: number | null;
      held: number | null;
      capacity: number | null;
    }[]
  >`
    SELECT e.id AS event_id, e.title, e.slug, e.status::text AS status, s.id AS session_id, s.starts_at, v.time_zone, s.cancelled,
           tt.id AS ticket_type_id, tt.sold, tt.held, tt.capacity
      FROM events e
      LEFT JOIN event_sessions s ON s.event_id = e.id
      LEFT JOIN venues v ON v.id = s.venue_id
      LEFT JOIN ticket_types tt ON tt.session_id = s.id
     WHERE e.id = ANY(${eventIds}::uuid[])
     ORDER BY e.id, s.starts_at, s.id`;
}

/**
 * At the door, per session that has started: the valid tickets of paid orders and how many of
 * them were checked in (a check-in that was undone does not count).
 */
function doorQuery(db: AnalyticsDb, eventIds: string[], now: Date) {
  return db.$queryRaw<{ session_id: string; admissible: number; checked_in: number }[]>`
    SELECT s.id AS session_id, count(t.id)::int AS admissible, count(c.id)::int AS checked_in
      FROM event_sessions s
      JOIN ticket_types tt ON tt.session_id = s.id
      JOIN tickets t ON t.ticket_type_id = tt.id AND t.status = 'valid'
      JOIN orders o ON o.id = t.order_id AND o.status = 'paid'
      LEFT JOIN check_ins c ON c.ticket_id = t.id AND c.undone_at IS NULL
     WHERE s.event_id = ANY(${eventIds}::uuid[]) AND s.starts_at <= ${now}::timestamptz AND NOT s.cancelled
     GROUP BY s.id`;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const isoDay = (instant: Date) => instant.toISOString().slice(0, 10);

function moneyList(map: Map<string, number> | undefined): Money[] {
  return [...(map ?? new Map<string, number>())].map(([currency, minor]) => ({ currency, minor })).sort((a, b) => b.minor - a.minor);
}

export async function queryAnalytics(db: AnalyticsDb, range: DateRange, options: { eventLimit?: number; voucherLimit?: number; now?: Date; scope?: AnalyticsScope } = {}): Promise<Analytics> {
  const eventLimit = options.eventLimit ?? 50;
  const scope = options.scope ?? ALL;
  const [moneyRows, ticketRows, [conversion], pipelineRows, voucherRows] = await Promise.all([
    moneyQuery(db, range, scope),
    ticketQuery(db, range, scope),
    conversionQuery(db, range, scope),
    scope.hostIds === "all" ? pipelineQuery(db, range) : Promise.resolve([]),
    voucherQuery(db, range, scope),
  ]);

  const revenue: RevenueRow[] = [];
  const grossByBucket = new Map<string, Map<string, number>>();
  const ordersByBucket = new Map<string, number>();
  const netByEvent = new Map<string, Map<string, number>>();
  const ordersByEvent = new Map<string, number>();
  let ordersPaid = 0;
  for (const row of moneyRows) {
    const gross = Number(row.gross);
    const refunded = Number(row.refunded);
    const pending = Number(row.refund_pending);
    if (row.g_bucket === 1 && row.g_event === 1) {
      revenue.push({ currency: row.currency, orders: Number(row.orders), grossMinor: gross, refundedMinor: refunded, refundPendingMinor: pending, netMinor: gross - refunded - pending });
      ordersPaid += Number(row.paid_orders);
    } else if (row.g_bucket === 0 && row.bucket) {
      const bucket = isoDay(row.bucket);
      if (!grossByBucket.has(bucket)) grossByBucket.set(bucket, new Map());
      grossByBucket.get(bucket)!.set(row.currency, gross);
      ordersByBucket.set(bucket, (ordersByBucket.get(bucket) ?? 0) + Number(row.orders));
    } else if (row.g_event === 0 && row.event_id) {
      if (!netByEvent.has(row.event_id)) netByEvent.set(row.event_id, new Map());
      netByEvent.get(row.event_id)!.set(row.currency, gross - refunded - pending);
      ordersByEvent.set(row.event_id, (ordersByEvent.get(row.event_id) ?? 0) + Number(row.paid_orders));
    }
  }
  revenue.sort((a, b) => b.grossMinor - a.grossMinor);

  let ticketsSold = 0;
  const ticketsByBucket = new Map<string, number>();
  const ticketsByEvent = new Map<string, number>();
  const ticketsByType = new Map<string, number>();
  for (const row of ticketRows) {
    const tickets = Number(row.tickets);
    if (row.g_bucket === 1 && row.g_event === 1 && row.g_type === 1) ticketsSold = tickets;
    else if (row.g_bucket === 0 && row.bucket) ticketsByBucket.set(isoDay(row.bucket), tickets);
    else if (row.g_event === 0 && row.event_id) ticketsByEvent.set(row.event_id, tickets);
    else if (row.g_type === 0 && row.ticket_type_id) ticketsByType.set(row.ticket_type_id, tickets);
  }

  const salesOverTime: SalesBucket[] = bucketStarts(range).map((start) => ({
    start,
    orders: ordersByBucket.get(start) ?? 0,
    tickets: ticketsByBucket.get(start) ?? 0,
    gross: moneyList(grossByBucket.get(start)),
  }));

  // Events that sold in the range: by tickets, then by money (a refunded-only event still shows).
  const eventIds = [...new Set([...ticketsByEvent.keys(), ...netByEvent.keys()])]
    .sort((a, b) => (ticketsByEvent.get(b) ?? 0) - (ticketsByEvent.get(a) ?? 0) || (ordersByEvent.get(b) ?? 0) - (ordersByEvent.get(a) ?? 0) || (a < b ? -1 : 1))
    .slice(0, eventLimit);
  const [details, doorRows] = eventIds.length > 0 ? await Promise.all([eventDetailsQuery(db, eventIds), doorQuery(db, eventIds, options.now ?? new Date())]) : [[], []];
  const door = new Map(doorRows.map((row) => [row.session_id, row]));
  const events: EventFigures[] = eventIds.flatMap((eventId) => {
    const rows = details.filter((row) => row.event_id === eventId);
    if (rows.length === 0) return [];
    const sessions = new Map<string, SessionFigures>();
    for (const row of rows) {
      if (!row.session_id) continue;
      const session = sessions.get(row.session_id) ?? {
        sessionId: row.session_id,
        startsAt: row.starts_at!,
        timeZone: row.time_zone!,
        cancelled: row.cancelled ?? false,
        tickets: 0,
        sold: 0,
        held: 0,
        capacity: 0,
        sellThrough: null,
        checkedIn: null,
        noShowRate: null,
      };
      if (row.ticket_type_id) {
        session.tickets += ticketsByType.get(row.ticket_type_id) ?? 0;
        session.sold += row.sold ?? 0;
        session.held += row.held ?? 0;
        session.capacity += row.capacity ?? 0;
      }
      session.sellThrough = ratio(session.sold, session.capacity);
      const atDoor = door.get(row.session_id);
      if (atDoor) {
        session.checkedIn = atDoor.checked_in;
        session.noShowRate = ratio(atDoor.admissible - atDoor.checked_in, atDoor.admissible);
      }
      sessions.set(row.session_id, session);
    }
    const list = [...sessions.values()];
    const started = list.map((session) => door.get(session.sessionId)).filter((entry) => entry !== undefined);
    const admissible = started.reduce((sum, entry) => sum + entry.admissible, 0);
    const checkedIn = started.reduce((sum, entry) => sum + entry.checked_in, 0);
    const sold = list.reduce((sum, session) => sum + session.sold, 0);
    const capacity = list.reduce((sum, session) => sum + session.capacity, 0);
    return [{
      eventId,
      title: rows[0].title,
      slug: rows[0].slug,
      status: rows[0].status,
      tickets: ticketsByEvent.get(eventId) ?? 0,
      orders: ordersByEvent.get(eventId) ?? 0,
      net: moneyList(netByEvent.get(eventId)),
      sold,
      capacity,
      sellThrough: ratio(sold, capacity),
      noShowRate: ratio(admissible - checkedIn, admissible),
      sessions: list,
    }];
  });

  const oldestDue = pipelineRows.reduce<Date | null>((oldest, row) => (row.oldest_due && (!oldest || row.oldest_due < oldest) ? row.oldest_due : oldest), null);
  const created = Number(conversion?.created ?? 0);
  const paid = Number(conversion?.paid ?? 0);
  return {
    range: { from: range.from, to: range.to, bucket: range.bucket },
    revenue,
    ordersPaid,
    ticketsSold,
    conversion: { created, paid, rate: ratio(paid, created) },
    salesOverTime,
    events,
    pipeline: pipelineRows.map(({ kind, status, count }) => ({ kind, status, count })),
    oldestDueJobSeconds: oldestDue ? Math.max(0, Math.round((Date.now() - oldestDue.getTime()) / 1000)) : null,
    vouchers: await voucherFigures(db, voucherRows, options.voucherLimit ?? 50, scope),
  };
}

