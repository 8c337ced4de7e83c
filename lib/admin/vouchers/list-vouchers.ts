import "server-only";
import { prisma } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertAdmin, type Actor } from "../authorize";
import { hostSql, hostWhere } from "../host-scope";
import { ZVoucherFilter } from "./schemas";
import { toVoucherView, type VoucherView } from "./voucher-view";

export const VOUCHERS_PER_PAGE = 100;

export type VoucherListRow = VoucherView & {
  /** Who may use it, in words: "Every event", or the events and ticket types it names. */
  scope: string;
};

export type VoucherList = {
  vouchers: VoucherListRow[];
  total: number;
  page: number;
  pages: number;
  /** Every batch name with its number of codes, for the filter and the exports. */
  tags: { tag: string; count: number }[];
  filter: { tag?: string; event?: string };
};

/**
 * Vouchers, newest first, a page at a time (a batch may hold 5,000 codes), filtered by tag and
 * by event (those that name it, or one of its ticket types).
 */
export async function listVouchers(options: { actor: Actor | null; query?: { tag?: unknown; event?: unknown; page?: unknown } }): Promise<VoucherList> {
  const actor = await assertAdmin(options.actor);
  const filter = ZVoucherFilter.parse({ tag: options.query?.tag, event: options.query?.event });
  const page = Math.max(1, Math.min(10_000, Number.parseInt(String(options.query?.page ?? "1"), 10) || 1));
  const typeIds = filter.event
    ? (await prisma.ticketType.findMany({ where: { session: { eventId: filter.event } }, select: { id: true } })).map((type) => type.id)
    : [];
  const where = {
    ...hostWhere(actor),
    ...(filter.tag !== undefined && filter.tag !== "" ? { tag: filter.tag } : {}),
    ...(filter.event ? { OR: [{ eventIds: { has: filter.event } }, { ticketTypeIds: { hasSome: typeIds } }] } : {}),
  };
  const [rows, total, tags] = await Promise.all([
    prisma.voucher.findMany({ where, orderBy: [{ createdAt: "desc" }, { code: "asc" }], skip: (page - 1) * VOUCHERS_PER_PAGE, take: VOUCHERS_PER_PAGE }),
    prisma.voucher.count({ where }),
    prisma.$queryRaw<{ tag: string; count: number }[]>`SELECT tag, count(*)::int AS count FROM vouchers WHERE tag <> '' AND ${hostSql(actor, Prisma.sql`host_id`)} GROUP BY tag ORDER BY tag`,
  ]);
  const vouchers = rows.map(toVoucherView);
  const names = await scopeNames(vouchers);
  return {
    vouchers: vouchers.map((voucher) => ({ ...voucher, scope: describeScope(voucher, names) })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / VOUCHERS_PER_PAGE)),
    tags,
    filter: { tag: filter.tag || undefined, event: filter.event },
  };
}

type Names = { events: Map<string, string>; types: Map<string, string> };

async function scopeNames(vouchers: VoucherView[]): Promise<Names> {
  const eventIds = [...new Set(vouchers.flatMap((voucher) => voucher.eventIds))].filter(isUuid);
  const typeIds = [...new Set(vouchers.flatMap((voucher) => voucher.ticketTypeIds))].filter(isUuid);
  const [events, types] = await Promise.all([
    eventIds.length > 0 ? prisma.event.findMany({ where: { id: { in: eventIds } }, select: { id: true, title: true } }) : [],
    typeIds.length > 0 ? prisma.ticketType.findMany({ where: { id: { in: typeIds } }, select: { id: true, name: true, session: { select: { event: { select: { title: true } } } } } }) : [],
  ]);
  return {
    events: new Map(events.map((event) => [event.id, event.title])),
    types: new Map(types.map((type) => [type.id, `${type.name} (${type.session.event.title})`])),
  };
}

function describeScope(voucher: VoucherView, names: Names): string {
  const list = (ids: string[], map: Map<string, string>) => ids.map((id) => map.get(id) ?? "a removed row").join(", ");
  if (voucher.ticketTypeIds.length > 0) return list(voucher.ticketTypeIds, names.types);
  if (voucher.eventIds.length > 0) return list(voucher.eventIds, names.events);
  return "Every event";
}
