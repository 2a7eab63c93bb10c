import { addDays, type IsoDate } from './calendar-date.js';

/** A wall-clock time in England, `HH:MM`. */
export type ClockTime = string;

const londonClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** The day and time it is in England at an instant. */
export function londonWallClock(instant: Date): { date: IsoDate; time: ClockTime } {
  const parts = Object.fromEntries(londonClock.formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * The instant a day and time in England happens, in GMT or BST as the day has it. A time
 * skipped when the clocks go forward is read as the same time after the change.
 */
export function londonInstant(date: IsoDate, time: ClockTime): Date {
  const asUtc = new Date(`${date}T${time}:00.000Z`).getTime();
  for (const offsetHours of [1, 0]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    const wall = londonWallClock(candidate);
    if (wall.date === date && wall.time === time) return candidate;
  }
  return new Date(asUtc);
}

export function parseClockTime(text: string): ClockTime | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return undefined;
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

/** Every day from `from` to `to`, both included. */
export function* daysFrom(from: IsoDate, to: IsoDate): Generator<IsoDate> {
  for (let day = from; day <= to; day = addDays(day, 1)) yield day;
}
