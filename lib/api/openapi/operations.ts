// Operations (lib/ops, lib/jobs) and this document.
import { ZDrainResult, ZHealth, ZReadiness, ZReadyQuery } from "../documented-schemas";
import { json, problems, text, type ApiOperation } from "./operation";

export const OPERATIONS_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/health",
    operationId: "health",
    tag: "Operations",
    summary: "Liveness",
    description: "The process is up. No database, no secrets.",
    access: "public",
    responses: { 200: json("Alive", ZHealth) },
  },
  {
    method: "get",
    path: "/api/ready",
    operationId: "ready",
    tag: "Operations",
    summary: "Readiness",
    description: "200 when the database answers, every migration is applied and the job queue drains; 503 naming the failing check.",
    access: "public",
    query: ZReadyQuery,
    responses: { 200: json("Ready", ZReadiness), 503: json("Not ready", ZReadiness) },
  },
  {
    method: "get",
    path: "/api/metrics",
    operationId: "metrics",
    tag: "Operations",
    summary: "Prometheus metrics",
    access: "metrics",
    responses: {
      200: text("Prometheus text exposition format"),
      ...problems("unauthenticated", "not_found"),
    },
  },
  {
    method: "post",
    path: "/api/jobs/run",
    operationId: "runJobs",
    tag: "Operations",
    summary: "Drain the job queue",
    description: "Sweeps expired holds and runs due jobs (ticket PDFs, emails, refunds) for up to 20 s. Called after purchases, by the worker loop or by cron.",
    access: "jobs",
    responses: { 200: json("What ran", ZDrainResult), ...problems("unauthenticated") },
  },
  {
    method: "get",
    path: "/api/openapi.json",
    operationId: "getOpenApiDocument",
    tag: "Operations",
    summary: "This document",
    access: "public",
    responses: { 200: { description: "OpenAPI 3.1 document", contentType: "application/json" } },
  },
];
