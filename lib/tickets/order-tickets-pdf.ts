import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { actorOf, canViewOrder } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/users";
import { prisma } from "@/lib/db";
import { getBlob, putBlob } from "@/lib/storage/blob-store";
import { verifyDownloadLink } from "./download-link";
import { loadOrderTickets, type OrderTickets } from "./load-order-tickets";
import { renderTicketsPdf } from "./render-ticket-pdf";
import { observePdfSeconds } from "@/lib/ops/metrics";
import { hasOrderAccess } from "@/lib/orders/order-access";

export type TicketsPdfFile = { filename: string; content: Buffer };

/**
 * Where an order's PDF is kept: named by its valid tickets too, so a re-issued ticket (a new
 * holder) makes a new file and the old one, with the old codes, is never served again.
 */
export function ticketsPdfKey(order: { id: string; pdf: { tickets: { id: string }[] } }): string {
  const tickets = createHash("sha256").update(order.pdf.tickets.map((ticket) => ticket.id).join(",")).digest("base64url").slice(0, 16);
  return `tickets/${order.id}-${tickets}.pdf`;
}

export function ticketsPdfFilename(reference: string): string {
  return `tickets-${reference}.pdf`;
}

/**
 * The order's PDF from the blob store, rendered and stored first if missing. Reusing the
 * stored file means a retried delivery attaches the very same bytes (Resend compares the
 * payload of a repeated idempotency key). Tickets change by being voided (the order leaves
 * `paid`, and only paid orders are served) or re-issued to a new holder (a new key).
 */
export async function storedOrRenderedTicketsPdf(order: OrderTickets): Promise<Buffer> {
  const key = ticketsPdfKey(order);
  const stored = await getBlob(key);
  if (stored) return stored;
  const started = performance.now();
  const rendered = await renderTicketsPdf(order.pdf);
  observePdfSeconds((performance.now() - started) / 1000);
  await putBlob(key, rendered, "application/pdf");
  return rendered;
}

async function paidOrderPdf(orderId: string): Promise<TicketsPdfFile | null> {
  const order = await loadOrderTickets(orderId);
  if (!order || order.status !== "paid" || order.pdf.tickets.length === 0) return null;
  return { filename: ticketsPdfFilename(order.reference), content: await storedOrRenderedTicketsPdf(order) };
}

/** The owner, an admin, or whoever holds a private link of the order gets the PDF of a paid order; anyone else null (404). */
export async function getTicketsPdfForViewer(orderId: string, viewer: SessionUser | null, accessToken?: string | null): Promise<TicketsPdfFile | null> {
  if ((!viewer && !accessToken) || !z.uuid().safeParse(orderId).success) return null;
  const owner = await prisma.order.findUnique({ where: { id: orderId }, select: { userId: true, buyerEmail: true } });
  const withAccessLink = owner && (!viewer || owner.userId !== viewer.id) ? await hasOrderAccess(orderId, accessToken) : false;
  if (!owner || !canViewOrder(actorOf(viewer), owner, { withAccessLink })) return null;
  return paidOrderPdf(orderId);
}

/** For the emailed link: a genuine, unexpired signature on a paid order, else null (404). */
export async function getTicketsPdfForDownloadLink(searchParams: URLSearchParams, now = new Date()): Promise<TicketsPdfFile | null> {
  const orderId = verifyDownloadLink(searchParams, now);
  return orderId ? paidOrderPdf(orderId) : null;
}
