// A buyer process for the crash test (tests/crash-safety.integration.test.ts): several
// concurrent loops hold places and pay, through the real lib/orders code, against
// DATABASE_URL, and print one line per COMMITTED step, so the test knows what must
// survive when it SIGKILLs this process (or the database) mid-purchase.
//
//   node --conditions=react-server --import tsx tests/crash-buyer.ts USER_IDS TICKET_TYPE_IDS [LOOPS] [MAX_PAID]
//
// With MAX_PAID it stops (exit 0, after printing `done`) once that many orders are paid:
// e2e/scale-out.spec.ts uses it to fill the job queue with real delivery jobs.
// `--conditions=react-server` makes `import "server-only"` resolve to its empty module, as
// in Next's server bundles; tsx resolves the `@/` paths of tsconfig.json.
import { confirmOrderPayment } from "@/lib/orders/transitions";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { accountBuyer } from "@/lib/orders/buyer";

const [userIds, ticketTypeIds, loops = "4", maxPaid = "0"] = process.argv.slice(2);
const users = userIds.split(",");
const types = ticketTypeIds.split(",");
const limit = Number(maxPaid);
let paid = 0;

function say(line: string) {
  // Synchronous write: the line is out before the next step can start.
  process.stdout.write(`${line}\n`);
}

async function buy(loop: number): Promise<void> {
  for (let round = 0; !limit || paid < limit; round++) {
    const user = users[(loop + round) % users.length];
    const items = types
      .filter((_, index) => (round + index + loop) % 3 !== 2)
      .map((ticketTypeId, index) => ({ ticketTypeId, quantity: 1 + ((round + index) % 3) }));
    try {
      const order = await reserveTickets({ buyer: accountBuyer(user), input: { items: items.length ? items : [{ ticketTypeId: types[0], quantity: 1 }] } });
      say(`held ${order.id}`);
      if (round % 4 !== 3) {
        const result = await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: `crash-${loop}-${round}` });
        say(`${result.outcome} ${order.id}`);
        if (result.outcome === "paid") paid++;
      }
    } catch (error) {
      say(`error ${(error as Error).message.split("\n")[0]}`);
    }
  }
}

say("ready");
await Promise.all(Array.from({ length: Number(loops) }, (_, loop) => buy(loop)));
say("done");
process.exit(0);
