-- One confirmation for the post-operative series booked in one action, listing every visit,
-- instead of one confirmation per visit.
ALTER TYPE "MessageKind" ADD VALUE 'series_confirmation' AFTER 'booking_confirmation';
