/**
 * The server's clock: "now" for the officer workbench (deadlines, publicity periods, payment
 * months). Real time, shifted so that today is BUSINESS_DATE when one is configured (the demo data
 * are 2020 claims); with TEST_CLOCK=true it can also be moved forward through the test-clock API
 * (`POST /api/v1/test/clock`), so that browser tests can pass a publicity period in seconds.
 */
import { todayInShanghai } from '@wengang/kernel';

export interface ServerClock {
  now(): Date;
  /** Only a test clock can be moved. */
  readonly adjustable: boolean;
  /** Moves the clock forward (or back) by whole days. */
  advanceDays(days: number): void;
  /** Sets today (Asia/Shanghai), keeping the time of day. */
  setToday(date: string): void;
}

export function createClock(options: { businessDate?: string | undefined; adjustable?: boolean } = {}): ServerClock {
  const dayOffset = (date: string) =>
    Date.parse(`${date}T00:00:00+08:00`) - Date.parse(`${todayInShanghai(new Date())}T00:00:00+08:00`);
  let offset = options.businessDate ? dayOffset(options.businessDate) : 0;
  const adjustable = options.adjustable ?? false;
  const refuse = () => {
    throw new Error('the clock can be moved only when TEST_CLOCK=true');
  };
  return {
    now: () => new Date(Date.now() + offset),
    adjustable,
    advanceDays(days: number) {
      if (!adjustable) refuse();
      if (!Number.isInteger(days)) throw new RangeError('days must be an integer');
      offset += days * 86_400_000;
    },
    setToday(date: string) {
      if (!adjustable) refuse();
      offset = dayOffset(date);
    },
  };
}
