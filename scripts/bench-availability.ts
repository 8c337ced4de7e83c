import { reserveBooking } from "../lib/orders/reserve-booking";
import { cancelBooking } from "../lib/orders/cancel-booking";
console.log(typeof reserveBooking, typeof cancelBooking);
