// The invariants of a bookable time range (reference/time-availability-implementations.txt):
// length within min and max and a whole number of slots, start aligned to the slot step,
// inside opening hours on one local day, not in the past. Overlap is checked under lock.
import { localDateAndMinute } from "@/lib/time";
import { OrderError } from "./errors";

export type BookingRules = {
  opensMinute: number;
  closesMinute: number;
  slotMinutes: number;
  minMinutes: number;
  maxMinutes: number;
  timeZone: string;
};

export function checkBookingRequest(rules: BookingRules, start: Date, minutes: number, now: Date): void {
  if (!Number.isInteger(minutes) || minutes < rules.minMinutes || minutes > rules.maxMinutes) {
    throw new OrderError("bad_length", `Choose a length between ${rules.minMinutes} and ${rules.maxMinutes} minutes`, "minutes").says("badLength", { min: rules.minMinutes, max: rules.maxMinutes });
  }
  if (minutes % rules.slotMinutes !== 0) {
    throw new OrderError("bad_length", `The length must be a multiple of ${rules.slotMinutes} minutes`, "minutes").says("lengthMultiple", { slot: rules.slotMinutes });
  }
  if (Number.isNaN(start.getTime())) throw new OrderError("invalid", "Choose a start time", "start").says("chooseStart");
  if (start.getTime() <= now.getTime()) throw new OrderError("in_past", "That time has already passed", "start").says("inPast");
  const { date, minute } = localDateAndMinute(start, rules.timeZone);
  if (start.getUTCSeconds() !== 0 || start.getUTCMilliseconds() !== 0 || (minute - rules.opensMinute) % rules.slotMinutes !== 0) {
    throw new OrderError("misaligned", `Start times are every ${rules.slotMinutes} minutes from opening`, "start").says("misaligned", { slot: rules.slotMinutes });
  }
  const end = localDateAndMinute(new Date(start.getTime() + minutes * 60_000), rules.timeZone);
  const endMinute = end.date === date ? end.minute : end.minute + 24 * 60;
  if (minute < rules.opensMinute || endMinute > rules.closesMinute) {
    throw new OrderError("outside_hours", "That time is outside opening hours", "start").says("outsideHours");
  }
}

/** Start minutes of every slot of a day at which a booking of `minutes` fits in opening hours. */
export function slotStarts(rules: BookingRules, minutes: number): number[] {
  const starts: number[] = [];
  for (let minute = rules.opensMinute; minute + minutes <= rules.closesMinute; minute += rules.slotMinutes) starts.push(minute);
  return starts;
}
