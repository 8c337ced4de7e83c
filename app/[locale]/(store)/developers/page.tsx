import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { alternatesFor } from "@/lib/i18n/alternates";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { SchemaView, typeLabel, type SchemaComponents } from "./schema-view";

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const [{ locale }, t] = await Promise.all([params, getTranslations("developers")]);
  return { title: t("title"), description: t("description"), alternates: alternatesFor(locale, "/developers") };
}

type Schema = Record<string, unknown>;
type Parameter = { name: string; in: string; required: boolean; description?: string; schema: Schema };
type Operation = {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  security: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { description?: string; content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; headers?: Record<string, { description: string }>; content?: Record<string, { schema?: Schema }> }>;
  "x-required-role"?: string;
};

const METHOD_STYLE: Record<string, string> = {
  get: "bg-sky-100 text-sky-900",
  post: "bg-green-100 text-green-900",
  delete: "bg-red-100 text-red-900",
  put: "bg-amber-100 text-amber-900",
  patch: "bg-amber-100 text-amber-900",
};

const SECURITY_LABEL: Record<string, string> = {
  apiToken: "API token",
  sessionCookie: "session cookie",
  jobsSecret: "JOBS_SECRET",
  metricsToken: "METRICS_TOKEN",
  stripeSignature: "Stripe signature",
};

function accessOf(operation: Operation): string {
  if (operation.security.length === 0) return "Public";
  const ways = operation.security.flatMap((requirement) => Object.keys(requirement).map((name) => SECURITY_LABEL[name] ?? name));
  return `${ways.join(" or ")}${operation["x-required-role"] ? ` (role: ${operation["x-required-role"]})` : ""}`;
}

/**
 * The OpenAPI document (the same as /api/openapi.json) as a page people can read on a phone.
 * The page speaks the reader's language; the reference itself is the document's English,
 * marked lang="en" (one source of truth for programs and people).
 */
export default async function DevelopersPage() {
  const t = await getTranslations("developers");
  const document = buildOpenApiDocument();
  const components = document.components.schemas as SchemaComponents;
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation: operation as unknown as Operation })),
  );
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-8">
      <header className="flex flex-col gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-stone-700">{t("intro")}</p>
        <p className="text-sm text-stone-600">{t("englishReference")}</p>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <li><a href="/api/openapi.json" className="font-medium text-brand-700 underline">{t("document")}</a></li>
          <li><Link href="/account/tokens" className="font-medium text-brand-700 underline">{t("yourTokens")}</Link></li>
          <li><a href="#problems" className="font-medium text-brand-700 underline">{t("errors")}</a></li>
          <li><Link href="/openactive" className="font-medium text-brand-700 underline">{t("openData")}</Link></li>
        </ul>
      </header>

      <section aria-labelledby="quick-start" className="flex flex-col gap-2">
        <h2 id="quick-start" className="text-xl font-semibold">{t("quickStart")}</h2>
        <ol className="ml-5 list-decimal text-stone-800">
          <li><code>GET /api/events/{"{id}"}/buy</code>: {t("stepOffer")}</li>
          <li><code>POST /api/events/{"{id}"}/buy</code> {t.rich("stepReserve", { header: () => <code>Idempotency-Key</code> })}</li>
          <li>{t.rich("stepPay", { url: () => <code>payment.url</code>, local: () => <code>POST payment.api</code> })}</li>
          <li><code>GET /api/orders/{"{id}"}/confirmation</code>: {t("stepConfirm")}</li>
        </ol>
        <pre className="overflow-x-auto rounded-lg bg-stone-900 p-3 text-xs text-stone-50">
          <code>{`curl -X POST https://…/api/events/$EVENT/buy \\
  -H "Authorization: Bearer $TOKEN" \\
  -H "Content-Type: application/json" \\
  -H "Idempotency-Key: $(uuidgen)" \\
  -d '{"items":[{"ticketTypeId":"'$TYPE'","quantity":2}]}'`}</code>
        </pre>
      </section>

      <div lang="en" className="flex flex-col gap-8">
      {document.tags.map((tag) => {
        const inTag = operations.filter((entry) => entry.operation.tags.includes(tag.name));
        if (inTag.length === 0) return null;
        return (
          <section key={tag.name} aria-labelledby={`tag-${tag.name}`} className="flex flex-col gap-3">
            <div>
              <h2 id={`tag-${tag.name}`} className="text-xl font-semibold">{tag.name}</h2>
              <p className="text-stone-700">{tag.description}</p>
            </div>
            {inTag.map(({ path, method, operation }) => (
              <OperationView key={`${method} ${path}`} path={path} method={method} operation={operation} components={components} />
            ))}
          </section>
        );
      })}

      <section aria-labelledby="problems" className="flex flex-col gap-3">
        <h2 id="problems" className="text-xl font-semibold">Errors</h2>
        <p className="text-stone-700">
          Errors of the buying, order and token routes are RFC 9457 problem details, <code>application/problem+json</code>:{" "}
          <code>type</code>, <code>title</code>, <code>status</code>, <code>detail</code> (for people), a stable <code>code</code> (for
          programs) and, for bad fields, <code>errors</code>: <code>{"{ pointer, detail }"}</code> with a JSON Pointer into your request.
          400 means the request could not be read; 422 means it was read but its content breaks a rule.
        </p>
        <ul className="flex flex-col gap-1">
          {document["x-problem-types"].map((problem) => (
            <li key={problem.code} id={`problem-${problem.code}`} className="flex flex-wrap gap-x-2 rounded-lg bg-white px-3 py-2 target:ring-2 target:ring-brand-600">
              <span className="font-mono text-sm font-semibold">{problem.status}</span>
              <code className="text-sm">{problem.code}</code>
              <span className="text-sm text-stone-700">{problem.title}</span>
            </li>
          ))}
        </ul>
        {document["x-excluded-routes"].map((excluded) => (
          <p key={excluded.path} className="text-sm text-stone-700">
            Not listed one by one: <code>{excluded.path}</code>. {excluded.reason}
          </p>
        ))}
      </section>
      </div>
    </div>
  );
}

function OperationView({ path, method, operation, components }: { path: string; method: string; operation: Operation; components: SchemaComponents }) {
  const body = operation.requestBody ? Object.entries(operation.requestBody.content)[0] : undefined;
  return (
    <article id={operation.operationId} className="flex flex-col gap-3 rounded-2xl border border-stone-200 bg-white p-4">
      <header className="flex flex-col gap-1">
        <p className="flex flex-wrap items-center gap-2">
          <span className={`rounded px-2 py-0.5 font-mono text-xs font-bold uppercase ${METHOD_STYLE[method] ?? "bg-stone-100"}`}>{method}</span>
          <code className="break-all text-sm font-semibold">{path}</code>
        </p>
        <h3 className="font-semibold">{operation.summary}</h3>
        <p className="text-sm text-stone-600">Access: {accessOf(operation)}</p>
        {operation.description ? <p className="text-sm text-stone-800">{operation.description}</p> : null}
      </header>

      {operation.parameters?.length ? (
        <div className="flex flex-col gap-1">
          <h4 className="text-sm font-semibold uppercase tracking-wide text-stone-600">Parameters</h4>
          <ul className="flex flex-col gap-2">
            {operation.parameters.map((parameter) => (
              <li key={`${parameter.in}-${parameter.name}`} className="flex flex-col">
                <p className="flex flex-wrap items-baseline gap-x-2">
                  <code className="font-semibold">{parameter.name}</code>
                  <span className="text-xs text-stone-600">{parameter.in}</span>
                  <span className="font-mono text-xs text-stone-700">{typeLabel(parameter.schema)}</span>
                  {parameter.required ? <span className="text-xs font-medium text-red-800">required</span> : null}
                </p>
                {parameter.description ? <p className="text-sm text-stone-700">{parameter.description}</p> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {body ? (
        <div className="flex flex-col gap-1">
          <h4 className="text-sm font-semibold uppercase tracking-wide text-stone-600">
            Body <span className="font-mono normal-case tracking-normal">{body[0]}</span>
          </h4>
          {operation.requestBody?.description ? <p className="text-sm text-stone-700">{operation.requestBody.description}</p> : null}
          <SchemaView schema={body[1].schema} components={components} io="input" />
        </div>
      ) : null}

      <div className="flex flex-col gap-1">
        <h4 className="text-sm font-semibold uppercase tracking-wide text-stone-600">Responses</h4>
        <ul className="flex flex-col gap-2">
          {Object.entries(operation.responses).map(([status, response]) => {
            const content = response.content ? Object.entries(response.content)[0] : undefined;
            const schema = content?.[1].schema;
            const isProblem = content?.[0] === "application/problem+json";
            return (
              <li key={status} className="flex flex-col gap-1">
                <p className="flex flex-wrap items-baseline gap-x-2">
                  <span className={`font-mono text-sm font-bold ${Number(status) < 400 ? "text-green-800" : "text-red-800"}`}>{status}</span>
                  <span className="text-sm">{response.description}</span>
                  {content ? <span className="font-mono text-xs text-stone-600">{content[0]}</span> : null}
                </p>
                {response.headers ? (
                  <p className="text-xs text-stone-600">
                    Headers: {Object.entries(response.headers).map(([name, header]) => `${name} (${header.description})`).join("; ")}
                  </p>
                ) : null}
                {schema && !isProblem ? (
                  <details className="text-sm">
                    <summary className="cursor-pointer text-stone-700">Fields of {typeLabel(schema)}</summary>
                    <div className="mt-1">
                      <SchemaView schema={schema} components={components} io="output" />
                    </div>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ul>
      </div>
    </article>
  );
}
