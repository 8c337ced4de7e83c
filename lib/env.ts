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
    /** Give up opening a database connection after this long (a dead database answers 503, not a hang). */
    DATABASE_CONNECT_TIMEOUT_MS: integer(5_000, 100, 120_000),
    /** PostgreSQL `statement_timeout` of the app's connections: no query runs longer, lock waits included. */
    DATABASE_STATEMENT_TIMEOUT_MS: integer(15_000, 100, 600_000),
    /** Purchases one app process runs at once; the rest wait in line (lib/orders/admission.ts). */
    PURCHASE_CONCURRENCY: integer(8, 1, 200),
    /** How long a purchase may wait in line before it is answered 503 + Retry-After. */
    PURCHASE_QUEUE_WAIT_MS: integer(5_000, 0, 60_000),
    /** Purchases allowed to wait in line per process; beyond it the answer is 503 at once. */
    PURCHASE_QUEUE_LENGTH: integer(2_000, 0, 100_000),
    /** App server processes `npm start` runs on one machine (they share the port). */
    WEB_CONCURRENCY: integer(2, 1, 64),
    APP_URL: optionalString.pipe(z.url("must be an absolute URL like http://localhost:3000").optional()),
    AUTH_SECRET: optionalString,
    HOLD_MINUTES: integer(10, 1, 120),
    MAX_TICKETS_PER_ORDER: integer(10, 1, 100),
    /** Places one buyer may hold unpaid at once, over all their pending orders (anti-hoarding). */
    MAX_HELD_PLACES_PER_USER: integer(20, 1, 1_000),
    JOBS_SECRET: optionalString,
    STRIPE_SECRET_KEY: optionalString,
    STRIPE_WEBHOOK_SECRET: optionalString,
    /** Only for tests and local fakes: where the Stripe SDK sends API calls (e.g. http://127.0.0.1:12111). */
    STRIPE_API_BASE: optionalString.pipe(z.url("must be an absolute URL like http://127.0.0.1:12111").optional()),
    RESEND_API_KEY: optionalString,
    /** Resend API origin; only tests and local fakes change it (the SDK default is https://api.resend.com). */
    RESEND_BASE_URL: optionalString.pipe(z.url("must be an absolute URL").optional()),
    EMAIL_FROM: z.string().default("Local Tickets <tickets@localtickets.test>"),
    STORAGE_DIR: z.string().default(".data/storage"),
    /** Key for the signed codes in ticket QR codes; falls back to AUTH_SECRET. */
    TICKET_SIGNING_SECRET: optionalString,
    /** Bearer token for `GET /api/metrics` (Prometheus); unset: the metrics route answers 404. */
    METRICS_TOKEN: optionalString,
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
    if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({ code: "custom", path: ["STRIPE_WEBHOOK_SECRET"], message: "is required when STRIPE_SECRET_KEY is set (the whsec_… secret of your webhook endpoint)" });
    }
    if (env.NODE_ENV !== "production") return;
    if (!env.AUTH_SECRET || env.AUTH_SECRET.length < 32) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "is required in production (at least 32 characters; try `openssl rand -base64 32`)",
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

/** Development-only fallback secret; production requires AUTH_SECRET (see parseEnv). */
export function authSecret(): string {
  return env().AUTH_SECRET ?? "dev-only-secret-not-for-production-use-000";
}

export function jobsSecret(): string {
  return env().JOBS_SECRET ?? authSecret();
}
