// A date written with its weekday must be that weekday (« mardi 12 janvier 2027 »). Pure.
const DAYS = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const DATE = new RegExp(`\\b(${DAYS.join("|")})\\s+(1er|\\d{1,2})(?:\\s|\\u00a0|\\u202f)+(${MONTHS.join("|")})(?:\\s|\\u00a0|\\u202f)+(\\d{4})\\b`, "giu");

/** One French sentence per date whose weekday is wrong (or whose day does not exist). */
export function weekdayProblems(text: string): string[] {
  const problems: string[] = [];
  for (const m of text.matchAll(DATE)) {
    const [whole, day, dayOfMonth, month, year] = m;
    const d = dayOfMonth === "1er" ? 1 : Number(dayOfMonth);
    const monthIndex = MONTHS.indexOf(month!.toLowerCase());
    const date = new Date(Date.UTC(Number(year), monthIndex, d));
    if (date.getUTCMonth() !== monthIndex || date.getUTCDate() !== d) {
      problems.push(`date « ${whole} » : ce jour n'existe pas`);
      continue;
    }
    const actual = DAYS[date.getUTCDay()]!;
    if (actual !== day!.toLowerCase()) problems.push(`date « ${whole} » : le ${dayOfMonth} ${month} ${year} est un ${actual}, pas un ${day!.toLowerCase()}`);
  }
  return problems;
}
