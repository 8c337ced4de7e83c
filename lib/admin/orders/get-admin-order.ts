import "server-only";
import { prisma } from "@/lib/db";
import { jobKey } from "@/lib/jobs/kinds";
import { assertAdmin, type Actor } from "../authorize";
import { isUuid } from "@/lib/ids";


/** One order as support sees it: buyer, what was bought, tickets, and its delivery and refund jobs. */
export async function getAdminOrder(options: { actor: Actor | null; orderId: string }) {
  await assertAdmin(options.actor);
  if (!isUuid(options.orderId)) return null;
  const order = await prisma.order.findUnique({
    where: { id: options.orderId },
    include: {
      user: { select: { email: true, name: true } },
      items: {
        orderBy: { ticketTypeId: "asc" },
        include: {
          ticketType: {
            select: {
              name: true,
              session: { select: { startsAt: true, venue: { select: { name: true, timeZone: true } }, event: { select: { id: true, title: true } } } },
            },
          },
        },
      },
      bookings: {
        orderBy: { startsAt: "asc" },
        include: { resource: { select: { name: true, venue: { select: { name: true, timeZone: true } }, event: { select: { id: true, title: true } } } } },
      },
      tickets: {
        orderBy: { createdAt: "asc" },
        select: { id: true, code: true, holderName: true, status: true, ticketType: { select: { name: true } }, booking: { select: { resource: { select: { name: true } } } } },
      },
      paymentEvents: { orderBy: { receivedAt: "asc" }, select: { id: true, provider: true, type: true, receivedAt: true } },
    },
  });
  if (!order) return null;
  const jobs = await prisma.job.findMany({
    where: { uniqueKey: { in: [jobKey("deliver_order", order.id), jobKey("refund_order", order.id)] } },
    select: { id: true, kind: true, status: true, attempts: true, maxAttempts: true, lastError: true, runAt: true, updatedAt: true },
  });
  return {
    ...order,
    // Support never needs a whole ticket code (it is what gets someone in): the end identifies it.
    tickets: order.tickets.map(({ code, ...ticket }) => ({ ...ticket, codeEnd: code.slice(-6) })),
    delivery: jobs.find((job) => job.kind === "deliver_order") ?? null,
    refund: jobs.find((job) => job.kind === "refund_order") ?? null,
  };
}

export type AdminOrder = NonNullable<Awaited<ReturnType<typeof getAdminOrder>>>;
