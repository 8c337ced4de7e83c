// An event whose sales open at a set time (issue 28.4), and a second "process" that reaches
// the same line through its own connection, as another app instance would.
import pg from "pg";
import { prisma } from "@/lib/db";
import { resetEnvCacheForTests } from "@/lib/env";
import { resetSaleLinesForTests, saleLineOf } from "@/lib/sale-line/schedule";
import { createTicketedEvent } from "./fixtures";

const LINE_SETTINGS = ["SALE_LINE_ADMIT_PER_SECOND", "SALE_LINE_MAX_ADMITTED", "SALE_LINE_WINDOW_SECONDS", "SALE_LINE_EXPIRY_SECONDS"];

export function setLineSettings(settings: Record<string, string>): void {
  for (const name of LINE_SETTINGS) delete process.env[name];
  Object.assign(process.env, settings);
  resetEnvCacheForTests();
}

/** An event of one ticket type whose sales open `opensInMs` from now (negative: opened that long ago), and its line. */
export async function scheduledOnSale(opensInMs: number, ticketType: { capacity: number; sold?: number; priceMinor?: number } = { capacity: 50 }) {
  const created = await createTicketedEvent({ ticketTypes: [ticketType] });
  const opensAt = new Date(Date.now() + opensInMs);
  await prisma.ticketType.updateMany({ where: { sessionId: created.session.id }, data: { salesStart: opensAt } });
  resetSaleLinesForTests();
  const line = await saleLineOf(created.event.id);
  if (!line) throw new Error("the scheduled on-sale has no line");
  return { ...created, line, opensAt };
}

export async function untilOpen(opensAt: Date): Promise<void> {
  const wait = opensAt.getTime() - Date.now() + 50;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

type RawPass = { position: number; state: "waiting" | "admitted"; ahead: number; joined: boolean };

/** Another app process: its own connection, calling the same SQL function with the same settings. */
export function otherProcess() {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  return {
    pass: async (lineId: string, buyer: string, settings = { rate: 50, max: 500, windowSeconds: 180, expirySeconds: 60 }): Promise<RawPass> => {
      const { rows } = await pool.query<{ pass: RawPass }>(
        "SELECT sale_line_pass($1::uuid, $2, $3::real, $4::int, make_interval(secs => $5::int), make_interval(secs => $6::int)) AS pass",
        [lineId, buyer, settings.rate, settings.max, settings.windowSeconds, settings.expirySeconds],
      );
      return { ...rows[0].pass, position: Number(rows[0].pass.position), ahead: Number(rows[0].pass.ahead) };
    },
    close: () => pool.end(),
  };
}

export async function placesOf(lineId: string) {
  const rows = await prisma.saleLinePlace.findMany({ where: { lineId }, orderBy: { position: "asc" } });
  return rows.map((row) => ({ position: Number(row.position), buyer: row.buyer, state: row.state }));
}
