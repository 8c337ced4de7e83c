import { adminTitle } from "./admin-title";
import { DeliveryPipeline } from "@/components/admin/dashboard/delivery-pipeline";
import { EventSessionsTable } from "@/components/admin/dashboard/event-sessions-table";
import { RangeForm } from "@/components/admin/dashboard/range-form";
import { RevenueTable } from "@/components/admin/dashboard/revenue-table";
import { SummaryCards } from "@/components/admin/dashboard/summary-cards";
import { TopEvents } from "@/components/admin/dashboard/top-events";
import { VoucherTable } from "@/components/admin/dashboard/voucher-table";
import { SalesChart } from "@/components/admin/sales-chart";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { getAnalytics } from "@/lib/analytics/get-analytics";
import type { PageSearchParams } from "@/lib/search-params";

export const generateMetadata = adminTitle("Dashboard");

export default async function AdminDashboardPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const actor = await requireAdminActor();
  const query = await searchParams;
  const { analytics, rangeError } = await getAnalytics({ actor, query: { from: query.from, to: query.to } });
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Dashboard</h1>
        <RangeForm range={analytics.range} rangeError={rangeError} />
      </div>
      <SummaryCards analytics={analytics} />
      <RevenueTable revenue={analytics.revenue} />
      <section aria-labelledby="sales-heading" className="flex flex-col gap-3">
        <h2 id="sales-heading" className="text-lg font-semibold">Sales over time</h2>
        <SalesChart buckets={analytics.salesOverTime} bucket={analytics.range.bucket} />
      </section>
      <TopEvents events={analytics.events} />
      <EventSessionsTable events={analytics.events} />
      <VoucherTable vouchers={analytics.vouchers} />
      <DeliveryPipeline analytics={analytics} />
    </div>
  );
}
