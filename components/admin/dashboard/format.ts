// How the dashboard writes its figures.
import type { Money } from "@/lib/analytics/analytics-sql";
import { formatMoney } from "@/lib/money";

export const percent = (value: number | null) => (value === null ? "–" : `${(value * 100).toFixed(value < 0.1 ? 1 : 0)}%`);
export const moneyList = (amounts: Money[]) => (amounts.length === 0 ? "–" : amounts.map((money) => formatMoney(money.minor, money.currency)).join(" · "));
