-- What an event sells, as the quote reads it (lib/orders/sale-rules.ts → lib/orders/quote.ts):
-- the event named by p_event, or the event of ticket type p_type or resource p_resource, with
-- every ticket type (price, currency, its session's times, cancelled or not, its sale window,
-- hidden or not, places taken and price tiers) and every bookable
-- resource (its rules, on its venue's clock), the questions it asks its buyers (lib/questions)
-- and until when before the start a holder may be changed, and whether its host may take payments. NULL when there is no such event. PL/pgSQL, so
-- the plan is kept per connection: this is read on the buying path whenever a copy is missing.
CREATE OR REPLACE FUNCTION "sale_rules"(p_event uuid, p_type uuid, p_resource uuid) RETURNS jsonb
  LANGUAGE plpgsql STABLE AS $$
DECLARE
  v_event uuid := coalesce(p_event,
                           (SELECT s.event_id FROM ticket_types tt JOIN event_sessions s ON s.id = tt.session_id WHERE tt.id = p_type),
                           (SELECT event_id FROM resources WHERE id = p_resource));
BEGIN
  RETURN (
    SELECT jsonb_build_object(
      'eventId', e.id,
      'published', e.status = 'published',
      -- A host's events sell only once its Stripe account may take charges (docs/decisions/0020).
      'hostTakesPayments', host_takes_payments(e.host_id),
      'holderChangeCutoffMinutes', e.holder_change_cutoff_minutes,
      'questions', coalesce((
        SELECT jsonb_agg(jsonb_build_object(
                 'id', q.id, 'kind', q.kind, 'label', q.label, 'labelTranslations', q.label_translations, 'options', q.options,
                 'required', q.required, 'perTicket', q.per_ticket, 'ticketTypeId', q.ticket_type_id, 'showAtDoor', q.show_at_door)
                 ORDER BY q.sort_order, q.created_at, q.id)
          FROM event_questions q WHERE q.event_id = e.id), '[]'),
      'ticketTypes', coalesce((
        SELECT jsonb_agg(jsonb_build_object(
                 'id', tt.id, 'name', tt.name, 'priceMinor', tt.price_minor, 'currency', tt.currency, 'sessionId', s.id,
                 'startsAt', floor(extract(epoch FROM s.starts_at) * 1000), 'endsAt', floor(extract(epoch FROM s.ends_at) * 1000),
                 'cancelled', s.cancelled,
                 'salesStart', floor(extract(epoch FROM tt.sales_start) * 1000), 'salesEnd', floor(extract(epoch FROM tt.sales_end) * 1000),
                 'hidden', tt.hidden, 'taken', tt.sold + tt.held,
                 'tiers', coalesce((SELECT jsonb_agg(jsonb_build_object('priceMinor', pt.price_minor, 'until', floor(extract(epoch FROM pt.until) * 1000),
                                                                        'untilTaken', pt.until_taken) ORDER BY pt.sort_order, pt.id)
                                      FROM price_tiers pt WHERE pt.ticket_type_id = tt.id), '[]')) ORDER BY tt.id)
          FROM ticket_types tt JOIN event_sessions s ON s.id = tt.session_id WHERE s.event_id = e.id), '[]'),
      'resources', coalesce((
        SELECT jsonb_agg(jsonb_build_object(
                 'id', r.id, 'name', r.name, 'priceMinorPerSlot', r.price_minor_per_slot, 'currency', r.currency,
                 'opensMinute', r.opens_minute, 'closesMinute', r.closes_minute, 'slotMinutes', r.slot_minutes,
                 'minMinutes', r.min_minutes, 'maxMinutes', r.max_minutes, 'timeZone', v.time_zone) ORDER BY r.id)
          FROM resources r JOIN venues v ON v.id = r.venue_id WHERE r.event_id = e.id), '[]'))
      FROM events e WHERE e.id = v_event);
END $$;
