// Every JSON API request has a deadline, even when the database connection hangs half-open
// (the network neither answers nor hangs up): the caller gets a retryable 503 in time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as eventGet } from "@/app/api/events/[id]/route";
import { createTicketedEvent } from "@/tests/fixtures";
import { routeDatabaseThroughProxy, type FaultProxy } from "@/tests/fault-proxy";

let proxy: FaultProxy;
beforeAll(async () => {
  proxy = await routeDatabaseThroughProxy({
    DATABASE_CONNECT_TIMEOUT_MS: "1000",
    DATABASE_STATEMENT_TIMEOUT_MS: "500", // the client gives up on an answer after 2.5 s
    REQUEST_DEADLINE_MS: "1000",
  });
});
afterAll(async () => {
  await proxy.close();
});

const getEvent = (id: string) => eventGet(new Request(`http://localhost/api/events/${id}`), { params: Promise.resolve({ id }) });

describe("the request deadline", () => {
  it("answers 503 unavailable with Retry-After within the deadline when the database hangs half-open, then recovers", async () => {
    const { event } = await createTicketedEvent({ ticketTypes: [{ capacity: 5 }] });
    expect((await getEvent(event.id)).status).toBe(200);

    proxy.hang({ newConnections: "hang" });
    const started = Date.now();
    const response = await getEvent(event.id);
    const elapsed = Date.now() - started;
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ code: "unavailable", status: 503 });
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(2_000);

    // The network comes back: the stuck connection is dropped, the next request is served.
    proxy.forward();
    let status = 0;
    for (const until = Date.now() + 10_000; status !== 200 && Date.now() < until; ) {
      status = (await getEvent(event.id)).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(200);
    // The abandoned work fails by its own query timeout, logged, inside this test's lifetime.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  });
});
