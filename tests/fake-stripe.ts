// A small fake of the Stripe API for tests and e2e: the real Stripe SDK talks to it over
// HTTP (the SDK takes host, port and protocol). It records requests, keeps Checkout
// sessions in memory, serves a hosted "checkout page" with card and crypto buttons, and
// sends webhooks signed exactly as Stripe does (stripe.webhooks.generateTestHeaderString).
// Connect (docs/decisions/0020): Express accounts with a hosted onboarding page behind account
// links (its completion sends `account.updated`), destination charges with an application fee
// (a transfer to the account and the fee recorded at payment), and refunds that reverse the
// transfer and refund the fee in proportion; `accountBalance` is what each account was paid.
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
  /** Connect: where the payment goes and what the platform keeps (payment_intent_data). */
  transfer_destination: string | null;
  application_fee_amount: number | null;
  allowed_payment_method_types: string[];
  payment_method_types: string[];
  created: number;
  livemode: false;
};

export type Account = {
  id: string;
  object: "account";
  type: "express";
  email: string | null;
  country: string | null;
  charges_enabled: boolean;
  details_submitted: boolean;
  payouts_enabled: boolean;
  metadata: Record<string, string>;
  created: number;
};

/** A destination charge as Stripe books it: the transfer to the account and the platform's fee. */
export type Charge = {
  id: string;
  paymentIntent: string;
  amount: number;
  currency: string;
  destination: string;
  applicationFee: number;
  /** The application fee object's id (fee_…) and how much of it was given back. */
  applicationFeeId: string;
  applicationFeeRefunded: number;
  refunded: number;
};

/** Money moved for a connected account (what its Stripe balance shows). */
export type ConnectMovement = { account: string; currency: string; kind: "transfer" | "application_fee" | "transfer_reversal" | "application_fee_refund"; amount: number; paymentIntent: string };

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
  readonly refunds: { id: string; payment_intent: string; amount: number | null; reverse_transfer: boolean; refund_application_fee: boolean; metadata: Record<string, string> }[] = [];
  readonly accounts = new Map<string, Account>();
  readonly accountLinks: { account: string; url: string; refresh_url: string; return_url: string; type: string }[] = [];
  readonly charges = new Map<string, Charge>();
  readonly movements: ConnectMovement[] = [];
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
  signEvent(type: string, object: Session | Account, options: { eventId?: string; signatureSecret?: string } = {}) {
    const event = { id: options.eventId ?? id("evt"), object: "event", type, created: Math.floor(Date.now() / 1000), livemode: false, api_version: "2025-01-01", data: { object } };
    const payload = JSON.stringify(event);
    const signature = signer.webhooks.generateTestHeaderString({ payload, secret: options.signatureSecret ?? this.options.webhookSecret });
    return { eventId: event.id, payload, signature };
  }

  /** Sends a signed webhook for a session to the app. Returns the app's HTTP status. */
  async sendEvent(type: string, object: Session | Account, options: { eventId?: string } = {}): Promise<number> {
    if (!this.options.webhookUrl) throw new Error("no webhook URL configured");
    const { eventId, payload, signature } = this.signEvent(type, object, options);
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
    const firstPayment = session.payment_intent === null;
    session.payment_intent ??= id("pi");
    session.payment_method_types = [method];
    if (firstPayment && session.transfer_destination) {
      const charge: Charge = {
        id: id("ch"), paymentIntent: session.payment_intent, amount: session.amount_total, currency: session.currency, destination: session.transfer_destination,
        applicationFee: session.application_fee_amount ?? 0, applicationFeeId: id("fee"), applicationFeeRefunded: 0, refunded: 0,
      };
      this.charges.set(charge.paymentIntent, charge);
      this.movements.push({ account: charge.destination, currency: charge.currency, kind: "transfer", amount: charge.amount, paymentIntent: charge.paymentIntent });
      this.movements.push({ account: charge.destination, currency: charge.currency, kind: "application_fee", amount: charge.applicationFee, paymentIntent: charge.paymentIntent });
    }
    return session;
  }

  /** What a connected account was paid, per currency: transfers − fees − reversals + fee refunds. */
  accountBalance(account: string): Record<string, number> {
    const balance: Record<string, number> = {};
    for (const movement of this.movements.filter((m) => m.account === account)) {
      const sign = movement.kind === "transfer" || movement.kind === "application_fee_refund" ? 1 : -1;
      balance[movement.currency.toUpperCase()] = (balance[movement.currency.toUpperCase()] ?? 0) + sign * movement.amount;
    }
    return balance;
  }

  /** The account's owner finished Stripe's onboarding: it may take charges; `account.updated` is sent when a webhook URL is set. */
  async completeOnboarding(accountId: string): Promise<Account> {
    const account = this.accounts.get(accountId);
    if (!account) throw new Error(`no account ${accountId}`);
    Object.assign(account, { charges_enabled: true, details_submitted: true, payouts_enabled: true });
    if (this.options.webhookUrl) await this.sendEvent("account.updated", account);
    return account;
  }

  /**
   * Stripe's proportional reversal of a destination charge's refund: the transfer back by the
   * refunded amount, the fee back in proportion to all refunded so far, rounded half up, less
   * what earlier refunds gave back (so the whole fee returns with the whole amount).
   */
  private reverseCharge(charge: Charge, amount: number, refundFee: boolean): void {
    const share = (refunded: number) => Math.floor((2 * charge.applicationFee * refunded + charge.amount) / (2 * charge.amount));
    const feeBack = refundFee ? share(charge.refunded + amount) - share(charge.refunded) : 0;
    charge.refunded += amount;
    charge.applicationFeeRefunded += feeBack;
    this.movements.push({ account: charge.destination, currency: charge.currency, kind: "transfer_reversal", amount, paymentIntent: charge.paymentIntent });
    if (refundFee) this.movements.push({ account: charge.destination, currency: charge.currency, kind: "application_fee_refund", amount: feeBack, paymentIntent: charge.paymentIntent });
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
    const onboarding = /^\/connect\/(acct_\w+)$/.exec(url.pathname);
    if (onboarding && request.method === "GET") return { status: 200, body: this.onboardingPage(onboarding[1]) };
    if (onboarding && request.method === "POST") {
      await this.completeOnboarding(onboarding[1]);
      const link = this.accountLinks.findLast((l) => l.account === onboarding[1]);
      return { status: 303, body: "", headers: { location: link?.return_url ?? "/" } };
    }
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
        payment_intent: null, allowed_payment_method_types: methods,
        transfer_destination: body["payment_intent_data[transfer_data][destination]"] ?? null,
        application_fee_amount: body["payment_intent_data[application_fee_amount]"] === undefined ? null : Number(body["payment_intent_data[application_fee_amount]"]), payment_method_types: methods, created: Math.floor(Date.now() / 1000), livemode: false,
      };
      if (session.expires_at < Math.floor(Date.now() / 1000) + 30 * 60 - 5) {
        return { status: 400, body: { error: { type: "invalid_request_error", param: "expires_at", message: "expires_at must be at least 30 minutes from now" } } };
      }
      if (session.transfer_destination && !this.accounts.get(session.transfer_destination)?.charges_enabled) {
        return { status: 400, body: { error: { type: "invalid_request_error", param: "payment_intent_data[transfer_data][destination]", message: "The destination account cannot take charges yet" } } };
      }
      if ((session.application_fee_amount ?? 0) > amount) {
        return { status: 400, body: { error: { type: "invalid_request_error", param: "payment_intent_data[application_fee_amount]", message: "The application fee cannot exceed the amount" } } };
      }
      this.sessions.set(sessionId, session);
      return { status: 200, body: session };
    }
    if (method === "POST" && path === "/v1/accounts") {
      const metadata: Record<string, string> = {};
      for (const [key, value] of Object.entries(body)) {
        const match = /^metadata\[(\w+)\]$/.exec(key);
        if (match) metadata[match[1]] = value;
      }
      if (body.type !== "express") return { status: 400, body: { error: { type: "invalid_request_error", param: "type", message: "The fake makes Express accounts only" } } };
      const account: Account = { id: id("acct"), object: "account", type: "express", email: body.email ?? null, country: body.country ?? null, charges_enabled: false, details_submitted: false, payouts_enabled: false, metadata, created: Math.floor(Date.now() / 1000) };
      this.accounts.set(account.id, account);
      return { status: 200, body: account };
    }
    const account = /^\/v1\/accounts\/(acct_\w+)$/.exec(path);
    if (method === "GET" && account) {
      const found = this.accounts.get(account[1]);
      return found ? { status: 200, body: found } : { status: 404, body: { error: { type: "invalid_request_error", message: "No such account" } } };
    }
    if (method === "POST" && path === "/v1/account_links") {
      if (!this.accounts.has(body.account)) return { status: 400, body: { error: { type: "invalid_request_error", param: "account", message: "No such account" } } };
      if (!body.refresh_url || !body.return_url) return { status: 400, body: { error: { type: "invalid_request_error", message: "refresh_url and return_url are required" } } };
      const link = { account: body.account, url: `${this.baseUrl}/connect/${body.account}`, refresh_url: body.refresh_url, return_url: body.return_url, type: body.type };
      this.accountLinks.push(link);
      return { status: 200, body: { object: "account_link", url: link.url, created: Math.floor(Date.now() / 1000), expires_at: Math.floor(Date.now() / 1000) + 300 } };
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
    const intent = /^\/v1\/payment_intents\/(pi_\w+)$/.exec(path);
    if (method === "GET" && intent) {
      // The payment's charge, as `expand[]=latest_charge` gives it: with its application fee's id.
      const charge = this.charges.get(intent[1]);
      const latest = charge ? { id: charge.id, object: "charge", amount: charge.amount, amount_refunded: charge.refunded, application_fee: charge.applicationFeeId, application_fee_amount: charge.applicationFee } : null;
      return { status: 200, body: { id: intent[1], object: "payment_intent", latest_charge: latest } };
    }
    const feeRefund = /^\/v1\/application_fees\/(fee_\w+)\/refunds$/.exec(path);
    if (method === "POST" && feeRefund) {
      // An explicit application fee refund: back to the connected account it was taken from.
      const charge = [...this.charges.values()].find((c) => c.applicationFeeId === feeRefund[1]);
      if (!charge) return { status: 404, body: { error: { type: "invalid_request_error", message: `No such application fee: '${feeRefund[1]}'` } } };
      const amount = body.amount === undefined ? charge.applicationFee - charge.applicationFeeRefunded : Number(body.amount);
      if (!(amount > 0) || amount > charge.applicationFee - charge.applicationFeeRefunded) {
        return { status: 400, body: { error: { type: "invalid_request_error", param: "amount", message: "Refund amount is greater than what is left of the application fee" } } };
      }
      charge.applicationFeeRefunded += amount;
      this.movements.push({ account: charge.destination, currency: charge.currency, kind: "application_fee_refund", amount, paymentIntent: charge.paymentIntent });
      return { status: 200, body: { id: id("fr"), object: "fee_refund", amount, fee: feeRefund[1] } };
    }
    if (method === "POST" && path === "/v1/refunds") {
      // `amount` absent: the whole payment (Stripe's default); present: a partial refund.
      const refund = {
        id: id("re"), object: "refund", status: "succeeded", payment_intent: body.payment_intent, amount: body.amount === undefined ? null : Number(body.amount),
        reverse_transfer: body.reverse_transfer === "true", refund_application_fee: body.refund_application_fee === "true",
        metadata: { orderId: body["metadata[orderId]"] ?? "", refundId: body["metadata[refundId]"] ?? "" },
      };
      const charge = this.charges.get(body.payment_intent);
      if (charge) {
        const amount = refund.amount ?? charge.amount - charge.refunded;
        if (amount > charge.amount - charge.refunded) return { status: 400, body: { error: { type: "invalid_request_error", param: "amount", message: "Refund is greater than what is left of the charge" } } };
        if (refund.reverse_transfer) this.reverseCharge(charge, amount, refund.refund_application_fee);
        else charge.refunded += amount;
      }
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

  private onboardingPage(accountId: string): string {
    if (!this.accounts.has(accountId)) return "<!doctype html><title>Not found</title><h1>Unknown account</h1>";
    return `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width"><title>Fake Stripe onboarding</title></head>
<body><main><h1>Fake Stripe onboarding</h1><p>Account ${accountId}</p>
<form method="post"><button>Submit details</button></form></main></body></html>`;
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
