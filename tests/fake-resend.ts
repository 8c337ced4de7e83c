// A stand-in for the Resend API at the HTTP boundary, for integration tests and e2e:
// point RESEND_BASE_URL at `url`. It records every request, can answer 500 a number of
// times before accepting, and honours Idempotency-Key as Resend does: a repeated key with
// the same payload gets the first answer again and is not a new send.
import { createHmac, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeResendAttachment = { filename?: string; content?: string; content_type?: string };
export type FakeResendEmail = {
  from: string;
  to: string | string[];
  subject: string;
  html?: string;
  text?: string;
  attachments?: FakeResendAttachment[];
};

export type RecordedRequest = {
  method: string;
  path: string;
  authorization: string | null;
  idempotencyKey: string | null;
  body: FakeResendEmail | null;
  status: number;
};

export type AcceptedEmail = { id: string; idempotencyKey: string | null; email: FakeResendEmail };

export type FakeResend = {
  url: string;
  requests: RecordedRequest[];
  /** Distinct sends the fake accepted (replays of an idempotency key are not counted). */
  accepted: AcceptedEmail[];
  /** The next `count` POST /emails answer 500. */
  failNext(count: number): void;
  reset(): void;
  close(): Promise<void>;
};

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

export async function startFakeResend(options: { failFirst?: number } = {}): Promise<FakeResend> {
  let failuresLeft = options.failFirst ?? 0;
  const requests: RecordedRequest[] = [];
  const accepted: AcceptedEmail[] = [];
  const byKey = new Map<string, { payload: string; id: string }>();

  const server = createServer(async (request, response) => {
    const raw = await readBody(request);
    const path = new URL(request.url ?? "/", "http://fake").pathname;
    const idempotencyKey = request.headers["idempotency-key"]?.toString() ?? null;
    let body: FakeResendEmail | null = null;
    try {
      body = raw ? (JSON.parse(raw) as FakeResendEmail) : null;
    } catch {
      body = null;
    }
    const record: RecordedRequest = {
      method: request.method ?? "",
      path,
      authorization: request.headers.authorization ?? null,
      idempotencyKey,
      body,
      status: 0,
    };
    requests.push(record);
    const answer = (status: number, payload: unknown) => {
      record.status = status;
      reply(response, status, payload);
    };

    if (request.method !== "POST" || path !== "/emails") return answer(404, { statusCode: 404, name: "not_found", message: "Not found" });
    if (!record.authorization?.startsWith("Bearer ")) return answer(401, { statusCode: 401, name: "missing_api_key", message: "Missing API key" });
    if (!body || !body.from || !body.to || !body.subject) {
      return answer(422, { statusCode: 422, name: "validation_error", message: "from, to and subject are required" });
    }
    if (failuresLeft > 0) {
      failuresLeft--;
      return answer(500, { statusCode: 500, name: "internal_server_error", message: "Fake outage" });
    }
    if (idempotencyKey) {
      const previous = byKey.get(idempotencyKey);
      if (previous && previous.payload !== raw) {
        return answer(409, { statusCode: 409, name: "invalid_idempotent_request", message: "Same idempotency key used with a different request payload" });
      }
      if (previous) return answer(200, { id: previous.id });
    }
    const id = randomUUID();
    if (idempotencyKey) byKey.set(idempotencyKey, { payload: raw, id });
    accepted.push({ id, idempotencyKey, email: body });
    return answer(200, { id });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    accepted,
    failNext(count) {
      failuresLeft = count;
    },
    reset() {
      failuresLeft = 0;
      requests.length = 0;
      accepted.length = 0;
      byKey.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * A webhook as Resend sends it (Standard Webhooks signing, as Svix does): the JSON body and the
 * svix-* headers signed with `secret` ("whsec_" + base64 key). Written here from the
 * specification, not with the SDK's verifier, so the app's verification is really tested.
 */
export function signedResendWebhook(
  secret: string,
  event: { type: string; data: Record<string, unknown> },
  options: { id?: string; timestampSeconds?: number } = {},
): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ ...event, created_at: new Date().toISOString() });
  const id = options.id ?? `msg_${randomUUID()}`;
  const timestamp = String(options.timestampSeconds ?? Math.floor(Date.now() / 1000));
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  return { body, headers: { "content-type": "application/json", "svix-id": id, "svix-timestamp": timestamp, "svix-signature": `v1,${signature}` } };
}
