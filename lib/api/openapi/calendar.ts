// Calendar subscription feeds (lib/places): a city's upcoming sessions and a buyer's own tickets, as iCalendar.
import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { problems, text, type ApiOperation } from "./operation";

export const ZCityCalendarParams = z.object({ city: z.string().describe("The city's URL name, as in /cities/{city} (e.g. lisbon)") });
export const ZCityCalendarQuery = z.object({ lang: z.enum(LOCALES).optional().describe("Language of the titles (default en); events not translated into it keep their own") });
export const ZTicketsCalendarParams = z.object({ token: z.string().describe("The feed's secret, from the account's calendar page (cal_…)") });

export const CALENDAR_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/calendar/cities/{city}",
    operationId: "cityCalendar",
    tag: "Catalog",
    summary: "A city's upcoming sessions as a calendar to subscribe to",
    description: "iCalendar (RFC 5545): published events' sessions in the city over the next six months (at most 500), each linking to its event page.",
    access: "public",
    pathParams: ZCityCalendarParams,
    query: ZCityCalendarQuery,
    responses: { 200: text("The calendar", "text/calendar"), ...problems("not_found") },
  },
  {
    method: "get",
    path: "/api/calendar/tickets/{token}",
    operationId: "ticketsCalendar",
    tag: "Tickets",
    summary: "A buyer's own tickets as a calendar to subscribe to",
    description: "iCalendar of the paid orders of the account whose feed link this is (as on My tickets), each linking to its order page. The link is the key: making a new one on the account's calendar page, or turning the feed off, makes the old link answer 404.",
    access: "signed-link",
    pathParams: ZTicketsCalendarParams,
    responses: { 200: text("The calendar", "text/calendar"), ...problems("not_found") },
  },
];
