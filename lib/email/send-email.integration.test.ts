import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCacheForTests } from "@/lib/env";
import { startFakeResend, type FakeResend } from "@/tests/fake-resend";
import { EmailSendError, getOutboxAttachment, getOutboxEmail, listOutbox, sendEmail } from "./send-email";

const saved = { RESEND_API_KEY: process.env.RESEND_API_KEY, RESEND_BASE_URL: process.env.RESEND_BASE_URL, STORAGE_DIR: process.env.STORAGE_DIR };
let storageDir: string;
let fake: FakeResend;

function set(name: keyof typeof saved, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  resetEnvCacheForTests();
}

beforeAll(async () => {
  storageDir = mkdtempSync(path.join(tmpdir(), "send-email-"));
  set("STORAGE_DIR", storageDir);
  set("RESEND_API_KEY", undefined);
  set("RESEND_BASE_URL", undefined);
  fake = await startFakeResend();
});

afterEach(() => {
  set("RESEND_API_KEY", undefined);
  set("RESEND_BASE_URL", undefined);
  fake.reset();
});

afterAll(async () => {
  await fake.close();
  for (const [name, value] of Object.entries(saved)) set(name as keyof typeof saved, value);
  rmSync(storageDir, { recursive: true, force: true });
});

const message = (key: string) => ({
  to: "ana@example.test",
  subject: "Hello",
  html: "<p>Hello</p>",
  text: "Hello",
  attachments: [{ filename: "note.txt", content: Buffer.from("attached bytes"), contentType: "text/plain" }],
  idempotencyKey: key,
});

describe("sendEmail without a Resend key: the dev outbox", () => {
  it("writes one row per idempotency key, even when called at the same moment", async () => {
    const key = `test:${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 5 }, () => sendEmail(message(key))));
    const ids = new Set(results.map((result) => result.id));
    expect(ids.size).toBe(1);
    expect(results.filter((result) => result.transport === "outbox" && result.created)).toHaveLength(1);
    const again = await sendEmail({ ...message(key), subject: "Changed" });
    expect(again).toMatchObject({ transport: "outbox", created: false });

    const email = (await getOutboxEmail([...ids][0]))!;
    expect(email).toMatchObject({ subject: "Hello", toAddress: "ana@example.test", idempotencyKey: key });
    expect(email.attachments).toEqual([{ filename: "note.txt", contentType: "text/plain", size: 14 }]);
    expect((await getOutboxAttachment(email.id, 0))?.content.toString()).toBe("attached bytes");
    expect(await getOutboxAttachment(email.id, 1)).toBeNull();
    expect((await listOutbox(5))[0].id).toBe(email.id);
  });

  it("answers null for unknown or malformed ids", async () => {
    expect(await getOutboxEmail("not-a-uuid")).toBeNull();
    expect(await getOutboxEmail(randomUUID())).toBeNull();
    expect(await getOutboxAttachment("../../etc", 0)).toBeNull();
  });

  it("refuses a malformed recipient", async () => {
    await expect(sendEmail({ ...message(`test:${randomUUID()}`), to: "not an address" })).rejects.toBeInstanceOf(EmailSendError);
  });
});

describe("sendEmail with a Resend key", () => {
  it("sends through the API with the idempotency key and the attachment", async () => {
    set("RESEND_API_KEY", "re_test_key");
    set("RESEND_BASE_URL", fake.url);
    const key = `test:${randomUUID()}`;
    const result = await sendEmail(message(key));
    expect(result).toMatchObject({ transport: "resend", id: fake.accepted[0].id });
    expect(fake.requests[0]).toMatchObject({ method: "POST", path: "/emails", idempotencyKey: key, authorization: "Bearer re_test_key" });
    expect(fake.accepted[0].email.attachments?.[0]).toMatchObject({ filename: "note.txt", content: Buffer.from("attached bytes").toString("base64") });
    expect(await getOutboxEmail(result.id)).toBeNull();
  });

  it("throws on an error answer or an unreachable API, so the job retries", async () => {
    set("RESEND_API_KEY", "re_test_key");
    set("RESEND_BASE_URL", fake.url);
    fake.failNext(1);
    await expect(sendEmail(message(`test:${randomUUID()}`))).rejects.toMatchObject({ name: "EmailSendError", statusCode: 500 });
    set("RESEND_BASE_URL", "http://127.0.0.1:9");
    await expect(sendEmail(message(`test:${randomUUID()}`))).rejects.toBeInstanceOf(EmailSendError);
  });
});
