// Called from instrumentation.ts once per Node server process:
//  - refuse to serve with invalid settings, an unreachable bucket (S3_BUCKET) or read replica
//    (DATABASE_READ_URL), printing one line that says what to fix instead of failing later;
//  - OpenTelemetry traces (Next's own spans for requests, rendering and fetch) when an
//    OTLP endpoint is configured: OTEL_EXPORTER_OTLP_ENDPOINT, or the traces-only
//    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT; OTEL_SERVICE_NAME, OTEL_EXPORTER_OTLP_HEADERS and
//    OTEL_EXPORTER_OTLP_PROTOCOL are read by the exporter. Nothing is loaded otherwise;
//  - the public pages' cache listener (lib/cache/public-cache-listener.ts);
//  - the job worker: LISTEN jobs_due and drain the queue in this process (lib/worker, lib/jobs/wake.ts),
//    and the timer that releases each hold when it expires (lib/orders/hold-expiry-timer.ts);
//  - the edge gates (before Next): page POST bodies capped, the purchase line;
//  - on SIGTERM/SIGINT, mark the process as stopping (readiness answers 503, the job drain
//    claims nothing new, streams close) while Next finishes the requests in flight and exits.
// The OTEL_* variables are the OpenTelemetry SDK's own settings (the exporter reads them
// from the environment itself), so they are not part of lib/env.ts.
import { env, EnvError } from "@/lib/env";
import { ReplicaUnreachableError } from "@/lib/db/read-replica";
import { StorageUnreachableError } from "@/lib/storage/s3-blob-store";
import { installPeerAddress } from "@/lib/http/peer-address";
import { markShuttingDown } from "./shutdown";

export async function startServerProcess(): Promise<void> {
  // eslint-disable-next-line no-restricted-properties -- Next's build phase marker, not a setting
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  try {
    env();
    // A bucket or a read replica that is named but does not answer: one line now, not a lost
    // PDF or a slow page later.
    const { checkBlobStoreReachable } = await import("@/lib/storage/blob-store");
    await checkBlobStoreReachable();
    const { checkReadReplicaAtStart } = await import("@/lib/db/read-replica");
    await checkReadReplicaAtStart();
  } catch (error) {
    if (error instanceof EnvError || error instanceof StorageUnreachableError || error instanceof ReplicaUnreachableError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  // Per-address limits must see the TCP peer, not only what the client wrote (lib/http/client-address.ts).
  installPeerAddress();
  // A chunked page or server action POST over the limit gets 413, not a 500 from deep in Next.
  const { installPageBodyGate } = await import("@/lib/http/page-body-gate");
  installPageBodyGate();
  // In an on-sale, buyers the process cannot serve in time get a cheap 503 before Next runs;
  // a place in line only for a known caller whose body has arrived.
  const { installPurchaseGate } = await import("@/lib/ops/purchase-gate");
  installPurchaseGate();

  // Delivery starts when a due job commits (NOTIFY jobs_due), in every server process.
  const { startJobWorker } = await import("@/lib/worker/run-due-work");
  startJobWorker();
  // Public pages' cached data (lib/cache): expired when any process's write says so, or a
  // session crosses "sold out".
  const { startPublicCacheListener } = await import("@/lib/cache/public-cache-listener");
  startPublicCacheListener();
  // Expired holds give their places back on time, not at the worker's next tick.
  const { startHoldExpiryTimer } = await import("@/lib/orders/hold-expiry-timer");
  await startHoldExpiryTimer().catch(() => {
    // The database is not up yet: the first hold this process takes arms the timer.
  });

  // Next's own handlers (server.close, wait for requests in flight, exit) run too.
  process.once("SIGTERM", () => markShuttingDown("SIGTERM"));
  process.once("SIGINT", () => markShuttingDown("SIGINT"));

  // eslint-disable-next-line no-restricted-properties -- the OpenTelemetry SDK's own settings
  const otel = process.env;
  if (otel.OTEL_EXPORTER_OTLP_ENDPOINT || otel.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) {
    const { registerOTel } = await import("@vercel/otel");
    registerOTel({
      serviceName: otel.OTEL_SERVICE_NAME ?? "local-tickets",
      attributesFromHeaders: { "http.request.header.x_request_id": "x-request-id" },
    });
  }
}
