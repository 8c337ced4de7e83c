// Set when the process has been asked to stop (SIGTERM from an orchestrator, Ctrl-C).
// Next's server then stops accepting connections and finishes the requests in flight;
// meanwhile readiness answers 503 (a load balancer drains this instance) and the job
// drain stops claiming new jobs, so what is running finishes and nothing new starts.
import { logger } from "@/lib/log";

const state = globalThis as unknown as { __shuttingDown?: { since: number; signal: string } };

export function markShuttingDown(signal: string): void {
  if (state.__shuttingDown) return;
  state.__shuttingDown = { since: Date.now(), signal };
  logger.info({ signal }, "stopping: finishing requests and jobs in flight");
  for (const listener of listeners.__shutdownListeners ?? []) {
    try {
      listener();
    } catch (error) {
      logger.error({ err: error }, "shutdown listener failed");
    }
  }
}

export function isShuttingDown(): boolean {
  return state.__shuttingDown !== undefined;
}

type Listener = () => void;
const listeners = globalThis as unknown as { __shutdownListeners?: Set<Listener> };

/**
 * Run `listener` when the process starts stopping (at once if it already has). For work
 * that would otherwise hold the process open: a Server-Sent Events stream should end
 * itself here (the browser's EventSource reconnects, through the proxy, to an instance
 * that is not stopping). Returns a function that removes the listener.
 */
export function onShutdown(listener: Listener): () => void {
  if (isShuttingDown()) {
    listener();
    return () => {};
  }
  const set = (listeners.__shutdownListeners ??= new Set());
  set.add(listener);
  return () => set.delete(listener);
}
