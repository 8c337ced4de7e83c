// Moved to lib/admin/orders/refund-order.ts. This re-export stays only until
// lib/jobs/handlers.integration.test.ts (owned by the queue's change) imports the new path.
export * from "./orders/refund-order";
