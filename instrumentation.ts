// Runs once when a server process starts (lib/ops/start-server-process.ts does the work):
// settings validated before the first request, OpenTelemetry traces when an OTLP endpoint
// is configured, and the stopping flag on SIGTERM/SIGINT.
// The NEXT_RUNTIME test is the pattern Next's bundler folds: the edge build never sees the
// Node-only modules behind it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServerProcess } = await import("./lib/ops/start-server-process");
    await startServerProcess();
  }
}
