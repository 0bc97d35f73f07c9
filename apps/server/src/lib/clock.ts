/** The source of "now" for commands and sessions; tests inject a fixed or stepping clock. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** Today's date in Vietnam ('YYYY-MM-DD'), whatever the server's time zone. */
export function todayInVietnam(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
export const currentYear = (now: Date) => Number(todayInVietnam(now).slice(0, 4));

/** A clock that stands still until moved (tests). */
export function fixedClock(at: Date | string): Clock & { set(at: Date | string): void } {
  let t = new Date(at);
  return {
    now: () => new Date(t),
    set(next) {
      t = new Date(next);
    },
  };
}
