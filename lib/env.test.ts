import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, REQUIRED_IN_PRODUCTION, resetEnvCacheForTests, testPaymentsEnabled } from "./env";

describe("parseEnv", () => {
  it("has defaults that make the offline dev setup work", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ NODE_ENV: "development", HOLD_MINUTES: 10, MAX_TICKETS_PER_ORDER: 10, DATABASE_POOL_SIZE: 10 });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("names the setting and the fix in one line", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://nope" })).toThrow(new EnvError("Invalid settings: DATABASE_URL must be a postgresql:// connection URL"));
    expect(() => parseEnv({ HOLD_MINUTES: "ten" })).toThrow(/HOLD_MINUTES/);
    expect(() => parseEnv({ MAX_TICKETS_PER_ORDER: "0" })).toThrow(/MAX_TICKETS_PER_ORDER/);
  });

  it("refuses to run in production without a strong AUTH_SECRET", () => {
    const others = { JOBS_SECRET: "j".repeat(32), TICKET_SIGNING_KEY: "k".repeat(43), UNSAFE_TEST_PAYMENTS: "true" };
    expect(() => parseEnv({ NODE_ENV: "production", ...others })).toThrow(/AUTH_SECRET is required in production/);
    expect(() => parseEnv({ NODE_ENV: "production", ...others, AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET/);
    expect(parseEnv({ NODE_ENV: "production", ...others, AUTH_SECRET: "x".repeat(32) }).AUTH_SECRET).toHaveLength(32);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", STRIPE_SECRET_KEY: "  " })).toMatchObject({ DATABASE_URL: undefined, STRIPE_SECRET_KEY: undefined });
  });
});

describe("production settings (issue 16)", () => {
  const secrets = { AUTH_SECRET: "a".repeat(32), JOBS_SECRET: "j".repeat(32), TICKET_SIGNING_KEY: "k".repeat(43) };
  const stripe = { STRIPE_SECRET_KEY: "sk_live_x", STRIPE_WEBHOOK_SECRET: "whsec_x" };

  it("names every missing required setting in one line", () => {
    let message = "";
    try {
      parseEnv({ NODE_ENV: "production" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toContain("\n");
    for (const name of REQUIRED_IN_PRODUCTION) expect(message).toContain(name);
  });

  it("refuses the local test payments without Stripe unless UNSAFE_TEST_PAYMENTS opts in", () => {
    expect(() => parseEnv({ NODE_ENV: "production", ...secrets })).toThrow(/STRIPE_SECRET_KEY is required in production.*UNSAFE_TEST_PAYMENTS=true/);
    expect(parseEnv({ NODE_ENV: "production", ...secrets, ...stripe }).UNSAFE_TEST_PAYMENTS).toBe(false);
    expect(parseEnv({ NODE_ENV: "production", ...secrets, UNSAFE_TEST_PAYMENTS: "true" }).UNSAFE_TEST_PAYMENTS).toBe(true);
    expect(() => parseEnv({ UNSAFE_TEST_PAYMENTS: "maybe" })).toThrow(/UNSAFE_TEST_PAYMENTS must be true or false/);
  });

  it("says when the local provider takes payments: development, or production only with the opt-in", () => {
    const cases: [Record<string, string>, boolean][] = [
      [{}, true],
      [{ ...stripe }, false],
      [{ NODE_ENV: "production", ...secrets, UNSAFE_TEST_PAYMENTS: "true" }, true],
      [{ NODE_ENV: "production", ...secrets, ...stripe, UNSAFE_TEST_PAYMENTS: "true" }, false],
    ];
    for (const [settings, expected] of cases) {
      const saved = { ...process.env };
      try {
        for (const key of ["NODE_ENV", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "UNSAFE_TEST_PAYMENTS", "AUTH_SECRET", "JOBS_SECRET", "TICKET_SIGNING_KEY", "TICKET_SIGNING_SECRET"]) delete process.env[key];
        Object.assign(process.env, settings);
        resetEnvCacheForTests();
        expect(testPaymentsEnabled()).toBe(expected);
      } finally {
        process.env = saved;
        resetEnvCacheForTests();
      }
    }
  });

  it("requires JOBS_SECRET and TICKET_SIGNING_KEY; secrets distinct from each other, the legacy ticket secret optional", () => {
    const base = { NODE_ENV: "production", ...stripe };
    expect(() => parseEnv({ ...base, AUTH_SECRET: secrets.AUTH_SECRET, TICKET_SIGNING_KEY: secrets.TICKET_SIGNING_KEY })).toThrow(/JOBS_SECRET is required in production/);
    expect(() => parseEnv({ ...base, AUTH_SECRET: secrets.AUTH_SECRET, JOBS_SECRET: secrets.JOBS_SECRET })).toThrow(/TICKET_SIGNING_KEY is required in production/);
    expect(() => parseEnv({ ...base, ...secrets, JOBS_SECRET: secrets.AUTH_SECRET })).toThrow("JOBS_SECRET must differ from AUTH_SECRET in production");
    expect(() => parseEnv({ ...base, ...secrets, JOBS_SECRET: "short" })).toThrow(/JOBS_SECRET is required in production \(at least 32/);
    expect(parseEnv({ ...base, ...secrets })).toMatchObject(secrets);
    expect(parseEnv({ ...base, ...secrets }).TICKET_SIGNING_SECRET).toBeUndefined();
    // The legacy HMAC secret still verifies old codes when set: then strong and distinct.
    expect(() => parseEnv({ ...base, ...secrets, TICKET_SIGNING_SECRET: secrets.JOBS_SECRET })).toThrow("TICKET_SIGNING_SECRET must differ from JOBS_SECRET in production");
    expect(() => parseEnv({ ...base, ...secrets, TICKET_SIGNING_SECRET: "short" })).toThrow(/TICKET_SIGNING_SECRET is required in production \(at least 32/);
    expect(parseEnv({ ...base, ...secrets, TICKET_SIGNING_SECRET: "t".repeat(32) }).TICKET_SIGNING_SECRET).toBe("t".repeat(32));
  });

  it("reads TICKET_SIGNING_KEY as a PKCS#8 PEM (with \\n escapes) or a 32-byte base64 seed, nothing else", () => {
    const pem = "-----BEGIN PRIVATE KEY-----\\nMC4CAQAwBQYDK2VwBCIEIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\\n-----END PRIVATE KEY-----";
    expect(parseEnv({ TICKET_SIGNING_KEY: pem }).TICKET_SIGNING_KEY).toContain("\n");
    expect(parseEnv({ TICKET_SIGNING_KEY: "A".repeat(43) + "=" }).TICKET_SIGNING_KEY).toHaveLength(44);
    expect(() => parseEnv({ TICKET_SIGNING_KEY: "too-short" })).toThrow(/TICKET_SIGNING_KEY must be an Ed25519 private key/);
  });

  it("trusts no proxy hop unless told (TRUSTED_PROXY_HOPS)", () => {
    expect(parseEnv({}).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ TRUSTED_PROXY_HOPS: "1" }).TRUSTED_PROXY_HOPS).toBe(1);
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});

describe("object storage settings (issue 32)", () => {
  it("keeps files on disk unless S3_BUCKET is set, with AWS's region by default", () => {
    const plain = parseEnv({});
    expect(plain.S3_BUCKET).toBeUndefined();
    expect(plain).toMatchObject({ S3_REGION: "us-east-1", S3_FORCE_PATH_STYLE: false });
    const bucket = parseEnv({ S3_BUCKET: "tickets-files", S3_ENDPOINT: "http://minio:9000", S3_FORCE_PATH_STYLE: "true", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s" });
    expect(bucket).toMatchObject({ S3_BUCKET: "tickets-files", S3_ENDPOINT: "http://minio:9000", S3_FORCE_PATH_STYLE: true });
  });

  it("names the wrong setting in one line", () => {
    expect(() => parseEnv({ S3_BUCKET: "Tickets_Files" })).toThrow(/^Invalid settings: S3_BUCKET must be a bucket name/);
    expect(() => parseEnv({ S3_BUCKET: "b1b", S3_ENDPOINT: "minio:9000" })).toThrow(/S3_ENDPOINT must be an http\(s\) URL/);
    expect(() => parseEnv({ S3_ENDPOINT: "http://minio:9000" })).toThrow(/S3_BUCKET is required when other S3_\* settings are set/);
    expect(() => parseEnv({ S3_BUCKET: "b1b", S3_ACCESS_KEY_ID: "k" })).toThrow(/S3_SECRET_ACCESS_KEY is required with the other S3 credential/);
    expect(() => parseEnv({ S3_BUCKET: "b1b", S3_FORCE_PATH_STYLE: "sometimes" })).toThrow(/S3_FORCE_PATH_STYLE must be true or false/);
  });
});

describe("read replica settings (issue 32)", () => {
  it("reads from the primary unless DATABASE_READ_URL is set; a 10 s lag bound by default", () => {
    expect(parseEnv({}).DATABASE_READ_URL).toBeUndefined();
    expect(parseEnv({ DATABASE_READ_URL: "postgresql://r@replica:5432/t" })).toMatchObject({ DATABASE_READ_URL: "postgresql://r@replica:5432/t", DATABASE_READ_MAX_LAG_SECONDS: 10 });
    expect(() => parseEnv({ DATABASE_READ_URL: "replica:5432" })).toThrow(/^Invalid settings: DATABASE_READ_URL must be a postgresql:\/\/ connection URL$/);
    expect(() => parseEnv({ DATABASE_READ_MAX_LAG_SECONDS: "0" })).toThrow(/DATABASE_READ_MAX_LAG_SECONDS/);
  });
});
