// Dates as people in French hospitals read them: the day and time in Paris, whatever the server's zone.
import { firstOfMonth } from "./typography";

const PARIS = "Europe/Paris";
const dayFormat = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: PARIS });
const dateTimeFormat = new Intl.DateTimeFormat("fr-FR", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: PARIS,
});
const isoDay = new Intl.DateTimeFormat("en-CA", { timeZone: PARIS, year: "numeric", month: "2-digit", day: "2-digit" });

/** The Paris calendar day (YYYY-MM-DD) of an instant. */
export function parisDay(instant: Date | string = new Date()): string {
  return isoDay.format(typeof instant === "string" ? new Date(instant) : instant);
}

/** « 2 décembre 2026 à 14:05 » for an instant (ISO timestamp), in Paris time. */
export function formatDateTime(iso: string): string {
  return firstOfMonth(dateTimeFormat.format(new Date(iso)));
}

/** « 2 décembre 2026 » for an instant (ISO timestamp) in Paris, or for a calendar day (YYYY-MM-DD) as is. */
export function formatDay(isoOrDay: string): string {
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(isoOrDay) ? new Date(`${isoOrDay}T12:00:00Z`) : new Date(isoOrDay);
  return firstOfMonth(dayFormat.format(instant));
}

/** The first instant (UTC ISO) of a Paris calendar day, to filter timestamps by day. */
export function startOfParisDay(day: string): string {
  // Paris is UTC+1 or UTC+2: try both offsets and keep the one that falls on that Paris day at midnight.
  for (const offset of [1, 2]) {
    const candidate = new Date(`${day}T00:00:00Z`);
    candidate.setUTCHours(-offset);
    if (parisDay(candidate) === day && parisDay(new Date(candidate.getTime() - 1)) !== day) return candidate.toISOString();
  }
  return new Date(`${day}T00:00:00Z`).toISOString();
}

/** The day after a calendar day (YYYY-MM-DD). */
export function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
