// A bookable resource's rules as the day picker reads them. The rules themselves (length
// within min and max and a whole number of slots, start on the slot grid, inside opening
// hours on one local day, not in the past) are checked in one place: `order_booking_refusal`
// in SQL, inside the call that holds the range (migration 20261202050000_booking_rules_in_sql).

export type BookingRules = {
  opensMinute: number;
  closesMinute: number;
  slotMinutes: number;
  minMinutes: number;
  maxMinutes: number;
  timeZone: string;
};

/** Start minutes of every slot of a day at which a booking of `minutes` fits in opening hours. */
export function slotStarts(rules: BookingRules, minutes: number): number[] {
  const starts: number[] = [];
  for (let minute = rules.opensMinute; minute + minutes <= rules.closesMinute; minute += rules.slotMinutes) starts.push(minute);
  return starts;
}
