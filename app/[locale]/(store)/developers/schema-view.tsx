// Renders JSON Schemas of the OpenAPI document for people: nested lists of fields with
// their types and rules. Server components only; no client JavaScript, no external assets.
type Schema = Record<string, unknown>;
type Io = "input" | "output";
export type SchemaComponents = Record<string, Schema>;

const REF_PREFIX = "#/components/schemas/";

function refName(schema: Schema): string | undefined {
  return typeof schema.$ref === "string" && schema.$ref.startsWith(REF_PREFIX) ? schema.$ref.slice(REF_PREFIX.length) : undefined;
}

/** anyOf [X, {type: null}] (zod's nullable) → X, nullable. */
function unwrapNullable(schema: Schema): { schema: Schema; nullable: boolean } {
  const anyOf = schema.anyOf as Schema[] | undefined;
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const other = anyOf.find((member) => member.type !== "null");
    if (other && anyOf.some((member) => member.type === "null")) return { schema: { ...other, description: schema.description ?? other.description }, nullable: true };
  }
  return { schema, nullable: false };
}

export function typeLabel(input: Schema): string {
  const { schema, nullable } = unwrapNullable(input);
  const suffix = nullable ? " or null" : "";
  const name = refName(schema);
  if (name) return name + suffix;
  if ("const" in schema) return JSON.stringify(schema.const) + suffix;
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map((value) => JSON.stringify(value)).join(" | ") + suffix;
  const variants = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(variants)) return variants.map(typeLabel).join(" | ") + suffix;
  if (schema.type === "array") return `array of ${schema.items ? typeLabel(schema.items as Schema) : "anything"}` + suffix;
  if (typeof schema.type === "string") return (schema.format ? `${schema.type} (${schema.format})` : schema.type) + suffix;
  if (Array.isArray(schema.type)) return (schema.type as string[]).join(" | ") + suffix;
  return "any" + suffix;
}

function rules(schema: Schema, io: Io): string[] {
  const out: string[] = [];
  const add = (key: string, text: (value: unknown) => string) => {
    if (schema[key] !== undefined) out.push(text(schema[key]));
  };
  const characters = (value: unknown) => `${value} character${value === 1 ? "" : "s"}`;
  add("minLength", (value) => `at least ${characters(value)}`);
  add("maxLength", (value) => `at most ${characters(value)}`);
  add("minimum", (value) => `≥ ${value}`);
  add("exclusiveMinimum", (value) => `> ${value}`);
  add("maximum", (value) => `≤ ${value}`);
  add("minItems", (value) => `at least ${value} item${value === 1 ? "" : "s"}`);
  add("maxItems", (value) => `at most ${value} item${value === 1 ? "" : "s"}`);
  if (typeof schema.pattern === "string" && schema.format === undefined) out.push(`pattern ${schema.pattern}`);
  // Answers may gain fields over time; only requests are closed (unknown fields are refused).
  if (io === "input" && schema.additionalProperties === false) out.push("no other fields");
  return out;
}

/** What to expand below a field: an object's fields, an array's item object, or a referenced schema. */
function expandable(schema: Schema, components: SchemaComponents): Schema | undefined {
  const { schema: inner } = unwrapNullable(schema);
  const name = refName(inner);
  if (name) return components[name];
  if (inner.type === "object" && inner.properties) return inner;
  if (inner.type === "array" && inner.items) return expandable(inner.items as Schema, components);
  if (Array.isArray(inner.anyOf) || Array.isArray(inner.oneOf)) return inner;
  return undefined;
}

export function SchemaView({ schema, components, io, seen = [] }: { schema: Schema; components: SchemaComponents; io: Io; seen?: string[] }) {
  const name = refName(schema);
  if (name) {
    if (seen.includes(name)) return <p className="text-sm text-stone-600">{name} (see above)</p>;
    const target = components[name];
    if (!target) return <p className="text-sm">{name}</p>;
    return <SchemaView schema={target} components={components} io={io} seen={[...seen, name]} />;
  }
  const variants = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(variants) && !unwrapNullable(schema).nullable) {
    return (
      <div className="flex flex-col gap-2">
        <p className="text-sm font-medium">One of:</p>
        <ol className="flex flex-col gap-2">
          {variants.map((variant, index) => (
            <li key={index} className="rounded-lg border border-stone-200 p-2">
              <p className="font-mono text-sm font-semibold">{typeLabel(variant)}</p>
              {variant.description || components[refName(variant) ?? ""]?.description ? (
                <p className="text-sm text-stone-700">{String(variant.description ?? components[refName(variant) ?? ""]?.description)}</p>
              ) : null}
              <SchemaView schema={variant} components={components} io={io} seen={seen} />
            </li>
          ))}
        </ol>
      </div>
    );
  }
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (schema.type === "array" && schema.items) return <SchemaView schema={schema.items as Schema} components={components} io={io} seen={seen} />;
  if (!properties) return null;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return (
    <ul className="flex flex-col gap-2 border-l-2 border-stone-200 pl-3">
      {Object.entries(properties).map(([field, property]) => {
        const nested = expandable(property, components);
        const nestedName = refName(unwrapNullable(property).schema);
        const description = (unwrapNullable(property).schema.description ?? property.description) as string | undefined;
        const fieldRules = rules(unwrapNullable(property).schema, io);
        return (
          <li key={field} className="flex flex-col gap-0.5">
            <p className="flex flex-wrap items-baseline gap-x-2">
              <code className="font-semibold">{field}</code>
              <span className="font-mono text-xs text-stone-700">{typeLabel(property)}</span>
              {required.has(field) ? <span className="text-xs font-medium text-red-800">required</span> : null}
            </p>
            {description ? <p className="text-sm text-stone-700">{description}</p> : null}
            {fieldRules.length ? <p className="break-all text-xs text-stone-600">{fieldRules.join(" · ")}</p> : null}
            {nested && !(nestedName && seen.includes(nestedName)) ? (
              <details className="text-sm">
                <summary className="cursor-pointer text-stone-700">Fields</summary>
                <div className="mt-1">
                  <SchemaView schema={nested} components={components} io={io} seen={nestedName ? [...seen, nestedName] : seen} />
                </div>
              </details>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
