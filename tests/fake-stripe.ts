// A small fake of the Stripe API for tests and e2e: the real Stripe SDK talks to it over
// HTTP (the SDK takes host, port and protocol). It records requests, keeps Checkout
// sessions in memory, serves a hosted "checkout page" with card and crypto buttons, and
// sends webhooks signed exactly as Stripe does (stripe.webhooks.generateTestHeaderString).
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import Stripe from "stripe";

export type Session = {
  id: string;
  object: "checkout.session";
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid";
  mode: "payment";
  url: string;
  client_reference_id: string | null;
  customer_email: string | null;
  metadata: Record<string, string>;
  amount_total: number;
  currency: string;
  expires_at: number;
  success_url: string;
  cancel_url: string;
  payment_intent: string | null;
  allowed_payment_method_types: string[];
  payment_method_types: string[];
  created: number;
  livemode: false;
};

export type RecordedRequest = { method: string; path: string; body: Record<string, string>; idempotencyKey?: string };

const signer = new Stripe("sk_test_fake_signer");
const id = (prefix: string) => `${prefix}_test_${randomBytes(12).toString("hex")}`;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export class FakeStripe {
  readonly sessions = new Map<string, Session>();
  readonly requests: RecordedRequest[] = [];
  readonly refunds: { id: string; payment_intent: string; amount: number | null; metadata: Record<string, string> }[] = [];
  readonly sentEvents: { id: string; type: string; status: number }[] = [];
  private readonly idempotent = new Map<string, unknown>();
  private server?: Server;
  baseUrl = "";
  /** When false, paying on the hosted page sends no webhook (the browser return must confirm). */
  sendWebhookOnPay = true;
  /** Answer the next N API calls with a 500, to exercise retries. */
  failNext = 0;

  constructor(readonly options: { webhookUrl?: string; webhookSecret: string }) {}

  async start(port = 0): Promise<string> {
    this.server = createServer((request, response) => {
      this.route(request).then(
        ({ status, body, headers }) => {
          response.writeHead(status, { "content-type": typeof body === "string" ? "text/html; charset=utf-8" : "application/json", ...headers });
          response.end(typeof body === "string" ? body : JSON.stringify(body));
        },
        (error) => {
          response.writeHead(500, { "content-type": "application/json" });
          response.end(JSON.stringify({ error: { message: String(error), type: "api_error" } }));
        },
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** An event for a session with Stripe's signature header, as Stripe would send it. */
  signEvent(type: string, session: Session, options: { eventId?: string; signatureSecret?: string } = {}) {
    const event = { id: options.eventId ?? id("evt"), object: "event", type, created: Math.floor(Date.now() / 1000), livemode: false, api_version: "2025-01-01", data: { object: session } };
    const payload = JSON.stringify(event);
    const signature = signer.webhooks.generateTestHeaderString({ payload, secret: options.signatureSecret ?? this.options.webhookSecret });
    return { eventId: event.id, payload, signature };
  }

  /** Sends a signed webhook for a session to the app. Returns the app's HTTP status. */
  async sendEvent(type: string, session: Session, options: { eventId?: string } = {}): Promise<number> {
    if (!this.options.webhookUrl) throw new Error("no webhook URL configured");
    const { eventId, payload, signature } = this.signEvent(type, session, options);
    const response = await fetch(this.options.webhookUrl, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": signature }, body: payload });
    this.sentEvents.push({ id: eventId, type, status: response.status });
    return response.status;
  }

  /** Marks a session paid (as the hosted page does) without sending anything. */
  markPaid(sessionId: string, method: "card" | "crypto" = "card"): Session {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error(`no session ${sessionId}`);
    session.status = "complete";
    session.payment_status = "paid";
    session.payment_intent ??= id("pi");
    session.payment_method_types = [method];
    return session;
  }

  private async route(request: IncomingMessage): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const url = new URL(request.url ?? "/", "http://fake");
    const raw = await readBody(request);
    const body = Object.fromEntries(new URLSearchParams(raw));
    const idempotencyKey = request.headers["idempotency-key"] as string | undefined;
    if (url.pathname.startsWith("/v1/")) {
      this.requests.push({ method: request.method ?? "GET", path: url.pathname, body, idempotencyKey });
      if (!request.headers.authorization?.startsWith("Bearer sk_")) return { status: 401, body: { error: { type: "invalid_request_error", message: "No API key" } } };
      if (this.failNext > 0) {
        this.failNext--;
        return { status: 500, body: { error: { type: "api_error", message: "fake outage" } } };
      }
      const replayKey = idempotencyKey ? `${request.method} ${url.pathname} ${idempotencyKey}` : undefined;
      if (replayKey && this.idempotent.has(replayKey)) return { status: 200, body: this.idempotent.get(replayKey), headers: { "idempotent-replayed": "true" } };
      const result = this.api(request.method ?? "GET", url.pathname, body);
      if (replayKey && result.status === 200) this.idempotent.set(replayKey, result.body);
      return result;
    }
    const pay = /^\/pay\/(cs_[\w]+)$/.exec(url.pathname);
    if (pay && request.method === "GET") return { status: 200, body: this.hostedPage(pay[1]) };
    if (pay && request.method === "POST") return this.payOnHostedPage(pay[1], body.method === "crypto" ? "crypto" : "card");
    return { status: 404, body: { error: { type: "invalid_request_error", message: "Unrecognized request URL" } } };
  }

  private api(method: string, path: string, body: Record<string, string>): { status: number; body: unknown } {
    if (method === "POST" && path === "/v1/checkout/sessions") {
      const metadata: Record<string, string> = {};
      for (const [key, value] of Object.entries(body)) {
        const match = /^metadata\[(\w+)\]$/.exec(key);
        if (match) metadata[match[1]] = value;
      }
      let amount = 0;
      for (let index = 0; body[`line_items[${index}][quantity]`]; index++) {
        amount += Number(body[`line_items[${index}][quantity]`]) * Number(body[`line_items[${index}][price_data][unit_amount]`]);
      }
      const methods = Object.entries(body).filter(([key]) => key.startsWith("allowed_payment_method_types[")).map(([, value]) => value);
      const sessionId = id("cs");
      const session: Session = {
        id: sessionId, object: "checkout.session", status: "open", payment_status: "unpaid", mode: "payment",
        url: `${this.baseUrl}/pay/${sessionId}`, client_reference_id: body.client_reference_id ?? null, customer_email: body.customer_email ?? null,
        metadata, amount_total: amount, currency: body["line_items[0][price_data][currency]"] ?? "eur",
        expires_at: Number(body.expires_at ?? Math.floor(Date.now() / 1000) + 86400), success_url: body.success_url, cancel_url: body.cancel_url,
        payment_intent: null, allowed_payment_method_types: methods, payment_method_types: methods, created: Math.floor(Date.now() / 1000), livemode: false,
      };
      if (session.expires_at < Math.floor(Date.now() / 1000) + 30 * 60 - 5) {
        return { status: 400, body: { error: { type: "invalid_request_error", param: "expires_at", message: "expires_at must be at least 30 minutes from now" } } };
      }
      this.sessions.set(sessionId, session);
      return { status: 200, body: session };
    }
    const retrieve = /^\/v1\/checkout\/sessions\/(cs_\w+)$/.exec(path);
    if (method === "GET" && retrieve) {
      const session = this.sessions.get(retrieve[1]);
      return session ? { status: 200, body: session } : { status: 404, body: { error: { type: "invalid_request_error", message: "No such checkout.session" } } };
    }
    const expire = /^\/v1\/checkout\/sessions\/(cs_\w+)\/expire$/.exec(path);
    if (method === "POST" && expire) {
      const session = this.sessions.get(expire[1]);
      if (!session) return { status: 404, body: { error: { type: "invalid_request_error", message: "No such checkout.session" } } };
      if (session.status !== "open") return { status: 400, body: { error: { type: "invalid_request_error", message: "Only open sessions can be expired" } } };
      session.status = "expired";
      if (this.options.webhookUrl) void this.sendEvent("checkout.session.expired", session);
      return { status: 200, body: session };
    }
    if (method === "POST" && path === "/v1/refunds") {
      // `amount` absent: the whole payment (Stripe's default); present: a partial refund.
      const refund = { id: id("re"), object: "refund", status: "succeeded", payment_intent: body.payment_intent, amount: body.amount === undefined ? null : Number(body.amount), metadata: { orderId: body["metadata[orderId]"] ?? "", refundId: body["metadata[refundId]"] ?? "" } };
      this.refunds.push(refund);
      return { status: 200, body: refund };
    }
    return { status: 404, body: { error: { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${path})` } } };
  }

  private hostedPage(sessionId: string): string {
    const session = this.sessions.get(sessionId);
    if (!session) return "<!doctype html><title>Not found</title><h1>Unknown session</h1>";
    const amount = (session.amount_total / 100).toFixed(2);
    return `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width"><title>Fake Stripe Checkout</title></head>
<body><main><h1>Fake Stripe Checkout</h1><p>Pay ${amount} ${session.currency.toUpperCase()}</p>
<form method="post"><button name="method" value="card">Pay by card</button> <button name="method" value="crypto">Pay with crypto</button></form>
<p><a href="${session.cancel_url}">Cancel</a></p></main></body></html>`;
  }

  private async payOnHostedPage(sessionId: string, method: "card" | "crypto") {
    const session = this.markPaid(sessionId, method);
    if (this.sendWebhookOnPay && this.options.webhookUrl) await this.sendEvent("checkout.session.completed", session);
    return { status: 303, body: "", headers: { location: session.success_url.replace("{CHECKOUT_SESSION_ID}", session.id) } };
  }
}

// Stand-alone, for e2e: `tsx tests/fake-stripe.ts --port 12111 --webhook URL --secret whsec_…`
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = new Map<string, string>();
  for (let index = 2; index < process.argv.length; index += 2) args.set(process.argv[index].replace(/^--/, ""), process.argv[index + 1]);
  const fake = new FakeStripe({ webhookUrl: args.get("webhook"), webhookSecret: args.get("secret") ?? "whsec_test" });
  fake.start(Number(args.get("port") ?? 12111)).then((url) => console.log(`fake Stripe listening on ${url}`));
}
