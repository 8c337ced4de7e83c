import { defineConfig, devices } from "@playwright/test";

// E2E runs against a production build (`npm run build` first; `npm test` does it) served by
// the same start script as `npm start`, each app on a fresh embedded database of its own:
//  - the main app (local test-mode payments) for the phone and desktop projects;
//  - a second instance configured for Stripe, talking to the project's fake Stripe server.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const STRIPE_APP_PORT = PORT + 1;
const FAKE_STRIPE_PORT = Number(process.env.E2E_FAKE_STRIPE_PORT ?? 12111);
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
};
const startApp = (port: number) => `npx tsx scripts/run.ts start --fresh --quiet --data-dir .data/e2e-${port} --port ${port}`;
// The main app runs production without Stripe: it must opt in to the local test provider,
// exactly as a demo deployment would (lib/env.ts refuses to start otherwise).

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: chromium,
  },
  projects: [
    { name: "phone", testIgnore: /stripe\.spec/, use: { ...devices["Pixel 7"], launchOptions: chromium } },
    { name: "desktop", testIgnore: /stripe\.spec/, use: { ...devices["Desktop Chrome"], launchOptions: chromium } },
    {
      name: "stripe",
      testMatch: /stripe\.spec/,
      use: { ...devices["Pixel 7"], launchOptions: chromium, baseURL: `http://localhost:${STRIPE_APP_PORT}` },
    },
  ],
  webServer: [
    {
      command: startApp(PORT),
      url: `http://localhost:${PORT}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      // The demo's on-sale opens an hour after the start here: its line is still before the opening when e2e/onsale.spec.ts runs.
      env: { UNSAFE_TEST_PAYMENTS: "true", DEMO_ON_SALE_IN_MINUTES: "60" },
    },
    {
      command: `npx tsx tests/fake-stripe.ts --port ${FAKE_STRIPE_PORT} --webhook http://localhost:${STRIPE_APP_PORT}/api/payments/stripe/webhook --secret whsec_e2e`,
      port: FAKE_STRIPE_PORT,
      timeout: 30_000,
      reuseExistingServer: false,
    },
    {
      command: startApp(STRIPE_APP_PORT),
      url: `http://localhost:${STRIPE_APP_PORT}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        STRIPE_SECRET_KEY: "sk_test_e2e",
        STRIPE_WEBHOOK_SECRET: "whsec_e2e",
        STRIPE_API_BASE: `http://127.0.0.1:${FAKE_STRIPE_PORT}`,
      },
    },
  ],
});
