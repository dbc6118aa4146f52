// Fixes `Date` in every test file at the run's instant (see ./clock.ts). Only `Date` is faked:
// timers, and so the database driver's and the retries' waits, run in real time.
// `@date-fns/tz` is loaded first: its TZDate subclasses the real `Date`, which a faked `Date`
// cannot stand in for (its constructor returns a plain date, not the subclass).
import "@date-fns/tz";
import { inject, vi } from "vitest";

vi.useFakeTimers({ toFake: ["Date"], now: new Date(inject("now")) });
