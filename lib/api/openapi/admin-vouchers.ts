// The admin's vouchers (lib/admin/vouchers, issue 28): list, create, generate a batch, export
// a batch as CSV, edit, delete.
import { z } from "zod";
import { ZId } from "@/lib/id-schema";
import type { GeneratedVouchers } from "@/lib/admin/vouchers/generate-vouchers";
import type { VoucherList } from "@/lib/admin/vouchers/list-vouchers";
import { MAX_GENERATED, VOUCHER_KINDS, ZCreateVoucher, ZGenerateVouchers } from "@/lib/admin/vouchers/schemas";
import type { VoucherView } from "@/lib/admin/vouchers/voucher-view";
import { json, problems, text, type ApiOperation } from "./operation";

const ZInstant = z.iso.datetime({ offset: true });

const ZVoucher = z
  .object({
    id: ZId,
    code: z.string().describe("Upper case; buyers may type any case"),
    kind: z.enum(VOUCHER_KINDS),
    value: z.int().describe("percent_off: a whole percent; amount_off and set_price: minor units of `currency`"),
    currency: z.string().nullable(),
    maxUses: z.int().describe("Places it may be used for, over all orders"),
    uses: z.int().describe("Places of orders holding or having bought with it"),
    maxPerBuyer: z.int().nullable(),
    validFrom: ZInstant.nullable(),
    validUntil: ZInstant.nullable(),
    eventIds: z.array(ZId).describe("Empty: every event"),
    ticketTypeIds: z.array(ZId).describe("Empty: every ticket type of the events in scope"),
    revealsHidden: z.boolean(),
    tag: z.string(),
    note: z.string(),
    createdAt: ZInstant,
    createdBy: z.string(),
  })
  .meta({ id: "AdminVoucher" });

const ZVoucherList = z
  .object({
    vouchers: z.array(ZVoucher.extend({ scope: z.string().describe("Who may use it, in words") })),
    total: z.int(),
    page: z.int(),
    pages: z.int(),
    tags: z.array(z.object({ tag: z.string(), count: z.int() })),
    filter: z.object({ tag: z.string().optional(), event: ZId.optional() }),
  })
  .meta({ id: "AdminVoucherList" });

const ZGenerated = z.object({ tag: z.string(), count: z.int(), codes: z.array(z.string()) }).meta({ id: "AdminGeneratedVouchers" });
const ZVoucherIdParams = z.object({ id: ZId });
const ZVoucherInput = ZCreateVoucher.meta({ id: "AdminVoucherInput" });

const RULES =
  " `value` is a whole percent (0..100) for `percent_off`, and an amount in major units (\"5.00\") for `amount_off` and `set_price`, which need a `currency`. `validFrom`/`validUntil`: ISO 8601 instants (a time without an offset is UTC). Scope: `eventIds` and `ticketTypeIds` (both empty: every event; types must be of the events named). Refused with a field error (422): an amount off larger than the lowest list price (own price or a price tier) of a type in its scope, a scope whose types are all in another currency, `revealsHidden` with a scope that names no hidden type, an unknown event or type.";

type Json<T> = T extends Date ? string : T extends (infer U)[] ? Json<U>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const VOUCHER_DRIFT_CHECKS = {
  voucher: true satisfies Same<z.output<typeof ZVoucher>, Json<VoucherView>>,
  list: true satisfies Same<z.output<typeof ZVoucherList>, Json<VoucherList>>,
  generated: true satisfies Same<z.output<typeof ZGenerated>, GeneratedVouchers>,
};

const WRITE_PROBLEMS = problems("malformed_request", "not_found", "content_too_large", "unsupported_media_type", "validation_failed");

export const ADMIN_VOUCHER_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/admin/vouchers",
    operationId: "adminListVouchers",
    tag: "Admin",
    summary: "List vouchers",
    description: "Newest first, 100 a page; `tag` keeps one batch, `event` the vouchers that name that event or one of its ticket types. `tags` lists every batch with its number of codes.",
    access: "admin",
    query: z.object({ tag: z.string().optional(), event: ZId.optional(), page: z.string().optional().describe("From 1") }),
    responses: { 200: json("A page of vouchers", ZVoucherList), ...problems("not_found") },
  },
  {
    method: "post",
    path: "/api/admin/vouchers",
    operationId: "adminCreateVoucher",
    tag: "Admin",
    summary: "Create a voucher",
    description: "A `code` of 3 to 40 letters, digits, - or _ (stored in upper case), or none for a drawn one." + RULES,
    access: "admin",
    body: { schema: ZVoucherInput },
    responses: { 201: json("Created", z.object({ voucher: ZVoucher })), ...WRITE_PROBLEMS },
  },
  {
    method: "post",
    path: "/api/admin/vouchers/generate",
    operationId: "adminGenerateVouchers",
    tag: "Admin",
    summary: "Generate a batch of codes",
    description: `\`count\` (1..${MAX_GENERATED}) random codes of 10 symbols without look-alike letters (no I, L, O, 0, 1), after an optional \`prefix\`, sharing a \`tag\` (required) and the same rules.` + RULES,
    access: "admin",
    body: { schema: ZGenerateVouchers.meta({ id: "AdminGenerateVouchersInput" }) },
    responses: { 201: json("The batch's codes", ZGenerated), ...WRITE_PROBLEMS },
  },
  {
    method: "get",
    path: "/api/admin/vouchers/export",
    operationId: "adminExportVouchers",
    tag: "Admin",
    summary: "A batch's codes as CSV",
    description: "Columns: code, kind, value, currency, max_uses, uses, max_per_buyer, valid_from, valid_until, reveals_hidden, tag, note. Cells a spreadsheet would run as a formula are prefixed with a quote. An unknown tag is 404.",
    access: "admin",
    query: z.object({ tag: z.string().describe("The batch") }),
    responses: { 200: text("A CSV download", "text/csv"), ...problems("not_found", "validation_failed") },
  },
  {
    method: "patch",
    path: "/api/admin/vouchers/{id}",
    operationId: "adminEditVoucher",
    tag: "Admin",
    summary: "Edit a voucher",
    description: "The fields sent replace the stored ones (the same schema as create, `code` included). `maxUses` may not go below `uses` (the places already taken with it)." + RULES,
    access: "admin",
    pathParams: ZVoucherIdParams,
    body: { schema: ZVoucherInput, description: "Any fields of the voucher (those left out keep their stored values)" },
    responses: { 200: json("Saved", z.object({ voucher: ZVoucher })), ...WRITE_PROBLEMS },
  },
  {
    method: "delete",
    path: "/api/admin/vouchers/{id}",
    operationId: "adminDeleteVoucher",
    tag: "Admin",
    summary: "Delete a voucher never used",
    description: "A voucher an order was placed with is 409 `in_use`: end its validity instead.",
    access: "admin",
    pathParams: ZVoucherIdParams,
    responses: { 204: { description: "Deleted" }, ...problems("not_found", "in_use") },
  },
];
