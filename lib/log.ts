// Structured logs: one JSON line per event on stdout (pino), each carrying the request id
// of the work in progress (lib/ops/request-context.ts). Secrets and card data never reach
// the output: known fields are redacted by path, and every finished line is scrubbed of
// the configured secrets and of anything shaped like a key, a password hash, a session
// token or a card number (defence in depth: a value logged under an unexpected name).
import { hostname } from "node:os";
import pino, { type Logger } from "pino";
import { env } from "./env";
import { currentRequestContext } from "./ops/request-context";

const CENSOR = "[redacted]";

/** Field paths never written (pino redact; `*` is one level of any key). */
export const REDACT_PATHS = [
  "password", "*.password", "*.*.password",
  "passwordHash", "*.passwordHash", "*.*.passwordHash", "password_hash", "*.password_hash",
  "secret", "*.secret", "token", "*.token", "accessToken", "*.accessToken", "apiKey", "*.apiKey",
  "authorization", "*.authorization", "*.headers.authorization",
  "cookie", "*.cookie", "*.headers.cookie", 'headers["set-cookie"]', '*.headers["set-cookie"]',
  "signature", "*.signature", "stripeSignature", "*.stripeSignature", 'headers["stripe-signature"]', '*.headers["stripe-signature"]',
  "card", "*.card", "cardNumber", "*.cardNumber", "cvc", "*.cvc",
  "ticketCode", "*.ticketCode", "ticketCodes", "*.ticketCodes", "codes", "*.codes",
  "tickets[*].code", "*.tickets[*].code",
];

// Shapes of secrets, whatever field they were logged under.
const SECRET_SHAPES: [RegExp, string][] = [
  [/\b(sk|rk)_(test|live)_[A-Za-z0-9]{4,}/g, "$1_$2_" + CENSOR],
  [/\bwhsec_[A-Za-z0-9+/=_-]{4,}/g, "whsec_" + CENSOR],
  [/\bre_[A-Za-z0-9]{8,}_[A-Za-z0-9]{8,}/g, "re_" + CENSOR],
  [/\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}/g, CENSOR],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, "$1 " + CENSOR],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_.-]{8,}/g, CENSOR],
  [/(postgres(?:ql)?:\/\/[^:/@\s"]+:)[^@\s"]+@/g, "$1" + CENSOR + "@"],
  [/\blt_[A-Za-z0-9_-]{43}\b/g, "lt_" + CENSOR],
];

// 13 to 19 digits, optionally grouped by spaces or dashes, not part of a longer token (a
// UUID, a hex id): redacted when they pass the Luhn check, as card numbers do.
export const CARD_LIKE = /(?<![\w-])\d(?:[ -]?\d){12,18}(?![\w-])/g;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function configuredSecrets(): string[] {
  try {
    const settings = env();
    const values = [
      settings.AUTH_SECRET, settings.JOBS_SECRET, settings.STRIPE_SECRET_KEY, settings.STRIPE_WEBHOOK_SECRET,
      settings.RESEND_API_KEY, settings.METRICS_TOKEN, settings.TICKET_SIGNING_SECRET, settings.TICKET_SIGNING_KEY,
    ];
    // The dev fallback secret is not secret, and short values would mangle ordinary words.
    return values.filter((value): value is string => typeof value === "string" && value.length >= 12);
  } catch {
    return [];
  }
}

/** Removes secrets and card-like numbers from one finished log line. */
export function scrubLogLine(line: string, secrets: string[] = configuredSecrets()): string {
  let out = line;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(CENSOR);
  for (const [shape, replacement] of SECRET_SHAPES) out = out.replace(shape, replacement);
  return out.replace(CARD_LIKE, (match) => (luhnValid(match.replace(/[ -]/g, "")) ? CENSOR : match));
}

type Sink = { write(line: string): unknown };
let sink: Sink | null = null;
let root: Logger | undefined;

function level(): string {
  try {
    return env().LOG_LEVEL;
  } catch {
    return "info";
  }
}

function createRootLogger(): Logger {
  return pino(
    {
      level: level(),
      // Which instance wrote the line, when several run behind a load balancer.
      base: { service: "local-tickets", host: hostname(), pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: CENSOR },
      serializers: { err: pino.stdSerializers.err },
      mixin() {
        const context = currentRequestContext();
        return context ? { requestId: context.requestId, ...(context.operation ? { operation: context.operation } : {}) } : {};
      },
      hooks: { streamWrite: (line) => scrubLogLine(line) },
    },
    // Written through process.stdout (not a separate fd writer) so a test can capture it.
    { write: (line: string) => (sink ?? process.stdout).write(line) },
  );
}

function rootLogger(): Logger {
  return (root ??= createRootLogger());
}

function lazy(create: () => Logger): Logger {
  let made: Logger | undefined;
  const target = () => (made ??= create());
  return new Proxy({} as Logger, {
    get(_target, property) {
      const logger = target();
      const value = Reflect.get(logger, property, logger);
      return typeof value === "function" ? value.bind(logger) : value;
    },
    set(_target, property, value) {
      return Reflect.set(target(), property, value);
    },
  });
}

/**
 * The process logger. Created on first use, so importing this module never reads settings
 * (`next build` imports it without a runtime environment).
 */
export const logger: Logger = lazy(rootLogger);

/** A logger for one part of the app, safe to create at module level: `childLogger({ module: "email" })`. */
export function childLogger(bindings: Record<string, unknown>): Logger {
  return lazy(() => rootLogger().child(bindings));
}

// Unexpected errors are logged with context as one JSON line; the user sees a generic message.
export function logError(message: string, error: unknown, context: Record<string, unknown> = {}): void {
  rootLogger().error({ ...context, err: error instanceof Error ? error : { message: String(error) } }, message);
}

/** Tests: send log lines to `target` instead of stdout (null restores stdout). */
export function setLogSink(target: Sink | null): void {
  sink = target;
}
