// A crowd of buyers for the database-restart test (tests/crash-safety.integration.test.ts):
// each buyer has a request key and buys through the real quote and commit (lib/orders),
// retrying only what the app answers as "try again" (busy, or the database out of reach) with
// the same key, as a client retries a 503 with the same Idempotency-Key. It prints one line
// per buyer with its true answer, `ok <order id>` or `refused <code>`, or `error <message>`
// for anything else (what a 500 would have been).
//
//   node --conditions=react-server --import tsx tests/retrying-buyer.ts USER_IDS TICKET_TYPE_ID BUYERS CONCURRENCY
import { isDatabaseBusy } from "@/lib/errors/database";
import { accountBuyer } from "@/lib/orders/buyer";
import { isOrderError } from "@/lib/orders/errors";
import { reserveTickets } from "@/lib/orders/reserve-tickets";

const [userIds, ticketTypeId, buyers = "200", concurrency = "8"] = process.argv.slice(2);
const users = userIds.split(",");
const say = (line: string): void => void process.stdout.write(`${line}\n`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function buy(index: number): Promise<void> {
  const requestKey = `restart-${index}`;
  for (let attempt = 1; attempt <= 100; attempt++) {
    try {
      const order = await reserveTickets({ buyer: accountBuyer(users[index % users.length]), input: { items: [{ ticketTypeId, quantity: 1 + (index % 2) }] }, requestKey });
      return say(`ok ${order.id} ${attempt}`);
    } catch (error) {
      if (isOrderError(error) && error.code !== "busy") return say(`refused ${error.code}`);
      if (!isDatabaseBusy(error) && !(isOrderError(error) && error.code === "busy")) return say(`error ${(error as Error).message.split("\n")[0]}`);
      await pause(100 + Math.random() * 200);
    }
  }
  say(`error gave up after 100 attempts`);
}

let next = 0;
say("ready");
await Promise.all(
  Array.from({ length: Number(concurrency) }, async () => {
    while (next < Number(buyers)) await buy(next++);
  }),
);
say("done");
process.exit(0);
