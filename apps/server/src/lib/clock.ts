/** Today's date in Vietnam ('YYYY-MM-DD'), whatever the server's time zone. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
export const currentYear = (now: Date = new Date()) => Number(todayInVietnam(now).slice(0, 4));
