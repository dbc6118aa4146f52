-- The patient is told when reception could not move an appointment they asked to move.
ALTER TYPE "MessageKind" ADD VALUE 'move_request_declined';
