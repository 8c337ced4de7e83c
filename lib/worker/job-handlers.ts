import "server-only";
import { sendHostInvitation } from "@/lib/hosts/team/send-invitation";
import { fanOutAttendeeMessage } from "@/lib/attendee-messages/fan-out-message";
import { sendAttendeeMessage } from "@/lib/attendee-messages/send-message";
import { parsingHandlers, type KindHandlers } from "@/lib/jobs/queue";
import { expireCheckout } from "@/lib/payments/expire-checkout";
import { refundAndNotify } from "@/lib/payments/refund-and-notify";
import { sendReminder } from "@/lib/reminders/send-reminder";
import { deliverOrder } from "@/lib/tickets/deliver-order";
import { deliverTicket } from "@/lib/tickets/deliver-ticket";
import { sendWaitlistJoined, sendWaitlistOffer } from "@/lib/waitlist/send-waitlist-email";

// The worker room: the one module that imports every job handler, each from the domain that
// owns the work (lib/jobs/kinds.ts lists the kinds and their payloads). The type demands a
// handler for every kind, and the queue hands each its payload parsed by the kind's schema.
// Every handler may run more than once, so each is idempotent.
const HANDLERS: KindHandlers = {
  deliver_order: deliverOrder,
  deliver_ticket: deliverTicket,
  refund_order: refundAndNotify,
  expire_checkout: expireCheckout,
  fan_out_attendee_message: fanOutAttendeeMessage,
  send_attendee_message: sendAttendeeMessage,
  send_reminder: sendReminder,
  waitlist_joined: sendWaitlistJoined,
  waitlist_offer: sendWaitlistOffer,
  send_host_invitation: sendHostInvitation,
};

export const jobHandlers = parsingHandlers(HANDLERS);
