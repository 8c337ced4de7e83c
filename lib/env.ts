// Every setting the app reads, validated once. Nothing else reads process.env.
// Defaults make the offline dev setup work; production refuses to start without secrets.
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const integer = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** An on/off switch: true, 1, yes, on (any case) turn it on; unset or empty is off. */
const flag = z
  .string()
  .trim()
  .toLowerCase()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === "" || ["false", "0", "no", "off"].includes(value)) return false;
    if (["true", "1", "yes", "on"].includes(value)) return true;
    ctx.addIssue({ code: "custom", message: "must be true or false" });
    return z.NEVER;
  });

/** The settings a production process refuses to start without (README "Deploying"). */
export const REQUIRED_IN_PRODUCTION = ["AUTH_SECRET", "JOBS_SECRET", "TICKET_SIGNING_KEY", "STRIPE_SECRET_KEY"] as const;
const MIN_SECRET_LENGTH = 32;
/** A PKCS#8 PEM block, or 32 bytes in base64/base64url (43 characters, maybe one `=`). */
const TICKET_KEY_PATTERN = /^(-----BEGIN PRIVATE KEY-----\s[A-Za-z0-9+/=\s]+-----END PRIVATE KEY-----|[A-Za-z0-9+/_-]{43}=?)$/;

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
        .optional(),
    ),
    DATABASE_POOL_SIZE: integer(10, 1, 200),
    /**
     * A streaming replica of DATABASE_URL for the reads that tolerate a little lag (listing,
     * search, event and place pages, feeds, analytics: lib/db/read-replica.ts); unset: all on the primary.
     */
    DATABASE_READ_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
        .optional(),
    ),
    /** A replica further behind than this is skipped (reads go to the primary) until it catches up. */
    DATABASE_READ_MAX_LAG_SECONDS: integer(10, 1, 3_600),
    /** Give up opening a database connection after this long (a dead database answers 503, not a hang). */
    DATABASE_CONNECT_TIMEOUT_MS: integer(5_000, 100, 120_000),
    /** PostgreSQL `statement_timeout` of the app's connections: no query runs longer, lock waits included. */
    DATABASE_STATEMENT_TIMEOUT_MS: integer(15_000, 100, 600_000),
    /**
     * No JSON API request waits longer for its answer: past it, 503 `unavailable` with
     * Retry-After (lib/http/request-deadline.ts). Unset: the statement timeout plus 5 s.
     */
    REQUEST_DEADLINE_MS: z.coerce.number().int().min(100).max(600_000).optional(),
    /** Purchases one app process runs at once; the rest wait in line (lib/ops/admission-line.ts). */
    PURCHASE_CONCURRENCY: integer(8, 1, 200),
    /** How long a purchase may wait in line before it is answered 503 + Retry-After. */
    PURCHASE_QUEUE_WAIT_MS: integer(5_000, 0, 60_000),
    /** Purchases allowed to wait in line per process; beyond it the answer is 503 at once. */
    PURCHASE_QUEUE_LENGTH: integer(2_000, 0, 100_000),
    /** How long a purchase's body may take to arrive before it is answered 408: it waits for its body outside the line. */
    PURCHASE_BODY_TIMEOUT_MS: integer(5_000, 100, 60_000),
    /**
     * A fair on-sale (lib/sale-line, issue 28): buyers let through per second once sales open,
     * how many may hold a window to buy at once, how long that window lasts, how long a
     * waiting place survives without its buyer asking, and how long before and after the
     * opening the line stands.
     */
    SALE_LINE_ADMIT_PER_SECOND: integer(50, 1, 10_000),
    SALE_LINE_MAX_ADMITTED: integer(500, 1, 100_000),
    SALE_LINE_WINDOW_SECONDS: integer(180, 10, 3_600),
    SALE_LINE_EXPIRY_SECONDS: integer(60, 5, 3_600),
    SALE_LINE_LEAD_MINUTES: integer(60, 1, 10_080),
    SALE_LINE_DRAIN_MINUTES: integer(30, 1, 1_440),
    /** App server processes `npm start` runs on one machine (they share the port). */
    WEB_CONCURRENCY: integer(2, 1, 64),
    APP_URL: optionalString.pipe(z.url("must be an absolute URL like http://localhost:3000").optional()),
    AUTH_SECRET: optionalString,
    HOLD_MINUTES: integer(10, 1, 120),
    MAX_TICKETS_PER_ORDER: integer(10, 1, 100),
    /** Places one buyer may hold unpaid at once, over all their pending orders (anti-hoarding). */
    MAX_HELD_PLACES_PER_USER: integer(20, 1, 1_000),
    /** Bearer token of `POST /api/jobs/run` (the worker and cron). Production: required, distinct from the other secrets. */
    JOBS_SECRET: optionalString,
    /**
     * Proxies in front of the app that append to X-Forwarded-For (nginx, a load balancer).
     * 0: the address of the TCP peer, whatever X-Forwarded-For says (a client can write it).
     */
    TRUSTED_PROXY_HOPS: integer(0, 0, 10),
    STRIPE_SECRET_KEY: optionalString,
    /**
     * Production without Stripe: let the local test-mode provider "take" payments, so anyone
     * can mark an order paid for free. Only for a staging or demo site; every page says so.
     */
    UNSAFE_TEST_PAYMENTS: flag,
    STRIPE_WEBHOOK_SECRET: optionalString,
    /** Only for tests and local fakes: where the Stripe SDK sends API calls (e.g. http://127.0.0.1:12111). */
    STRIPE_API_BASE: optionalString.pipe(z.url("must be an absolute URL like http://127.0.0.1:12111").optional()),
    RESEND_API_KEY: optionalString,
    /** Resend API origin; only tests and local fakes change it (the SDK default is https://api.resend.com). */
    RESEND_BASE_URL: optionalString.pipe(z.url("must be an absolute URL").optional()),
    /** The signing secret of Resend's webhook (whsec_…) for /api/email/resend/webhook: bounces reach the admin. */
    RESEND_WEBHOOK_SECRET: optionalString,
    EMAIL_FROM: z.string().default("Local Tickets <tickets@localtickets.test>"),
    STORAGE_DIR: z.string().default(".data/storage"),
    /**
     * An S3-compatible bucket for ticket PDFs, outbox attachments and event images
     * (lib/storage/s3-blob-store.ts), so several app hosts see the same files; unset: STORAGE_DIR.
     */
    S3_BUCKET: optionalString.pipe(
      z
        .string()
        .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a bucket name (3 to 63 lower-case letters, digits, dots and hyphens)")
        .optional(),
    ),
    S3_REGION: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || "us-east-1"),
    /** An S3-compatible service's URL (MinIO: http://minio:9000); unset: AWS's endpoint for S3_REGION. */
    S3_ENDPOINT: optionalString.pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL like http://minio:9000" }).optional()),
    /** Unset (both): the AWS SDK's own credential chain (an instance role, AWS_* variables). */
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: optionalString,
    /** host/bucket/key addressing, which MinIO and most self-hosted services want. */
    S3_FORCE_PATH_STYLE: flag,
    /**
     * The Ed25519 private key that signs ticket QR codes (lib/tickets/keys.ts): a PKCS#8 PEM
     * ("-----BEGIN PRIVATE KEY-----", `\n` escapes allowed) or a 32-byte seed in base64 or
     * base64url. Only the web tier holds it; door scanners get the public key. Production: required.
     */
    TICKET_SIGNING_KEY: optionalString.pipe(
      z
        .string()
        .transform((value) => value.replaceAll("\\n", "\n"))
        .refine((value) => TICKET_KEY_PATTERN.test(value), "must be an Ed25519 private key: a PKCS#8 PEM or a 32-byte seed in base64 (`openssl rand -base64 32`)")
        .optional(),
    ),
    /**
     * Legacy (docs/decisions/0008): the HMAC secret of the ticket codes issued before Ed25519.
     * Only verified, never used to sign; optional, and when set in production 32+ characters and distinct.
     */
    TICKET_SIGNING_SECRET: optionalString,
    /** Bearer token for `GET /api/metrics` (Prometheus); unset: the metrics route answers 404. */
    METRICS_TOKEN: optionalString,
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
    if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({ code: "custom", path: ["STRIPE_WEBHOOK_SECRET"], message: "is required when STRIPE_SECRET_KEY is set (the whsec_… secret of your webhook endpoint)" });
    }
    if (!env.S3_BUCKET && (env.S3_ENDPOINT || env.S3_ACCESS_KEY_ID || env.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({ code: "custom", path: ["S3_BUCKET"], message: "is required when other S3_* settings are set (or unset them to keep files in STORAGE_DIR)" });
    }
    if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
      const missing = env.S3_ACCESS_KEY_ID ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID";
      ctx.addIssue({ code: "custom", path: [missing], message: "is required with the other S3 credential (set both, or neither to use the AWS credential chain)" });
    }
    if (env.NODE_ENV !== "production") return;
    // Each secret is held by someone else (the session signer, the queue worker and cron,
    // the door scanners): one leaked must not unlock the others, so none may equal another.
    // The ticket signing key (and the legacy ticket secret, when still set) are held by the
    // web tier alone now: scanners verify with the public key.
    const secrets = [
      ["AUTH_SECRET", env.AUTH_SECRET],
      ["JOBS_SECRET", env.JOBS_SECRET],
      ["TICKET_SIGNING_KEY", env.TICKET_SIGNING_KEY],
      ["TICKET_SIGNING_SECRET", env.TICKET_SIGNING_SECRET],
    ] as const;
    if (!env.TICKET_SIGNING_KEY) {
      ctx.addIssue({ code: "custom", path: ["TICKET_SIGNING_KEY"], message: "is required in production (an Ed25519 private key; try `openssl rand -base64 32` for a seed)" });
    }
    for (const [name, value] of secrets) {
      if (name === "TICKET_SIGNING_KEY" || (name === "TICKET_SIGNING_SECRET" && value === undefined)) continue;
      if (!value || value.length < MIN_SECRET_LENGTH) {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: `is required in production (at least ${MIN_SECRET_LENGTH} characters; try \`openssl rand -base64 32\`)`,
        });
      }
    }
    for (const [index, [name, value]] of secrets.entries()) {
      const same = secrets.slice(0, index).find(([, other]) => value && other === value);
      if (same) ctx.addIssue({ code: "custom", path: [name], message: `must differ from ${same[0]} in production` });
    }
    if (!env.STRIPE_SECRET_KEY && !env.UNSAFE_TEST_PAYMENTS) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_SECRET_KEY"],
        message: "is required in production (without it anyone could pay with the local test provider; for a demo site only, set UNSAFE_TEST_PAYMENTS=true)",
      });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new EnvError(`Invalid settings: ${problems.join("; ")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated settings of this process (parsed on first use). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests change process.env between cases; the next env() call parses it again. */
export function resetEnvCacheForTests(): void {
  cached = undefined;
}

/** Development-only fallback secrets; production requires each one, all distinct (see parseEnv). */
export function authSecret(): string {
  return env().AUTH_SECRET ?? "dev-only-secret-not-for-production-use-000";
}

export function jobsSecret(): string {
  return env().JOBS_SECRET ?? authSecret();
}

/** The local test-mode payment provider is in use: no Stripe key (production: only with UNSAFE_TEST_PAYMENTS). */
export function testPaymentsEnabled(): boolean {
  const settings = env();
  if (settings.STRIPE_SECRET_KEY) return false;
  return settings.NODE_ENV !== "production" || settings.UNSAFE_TEST_PAYMENTS;
}
