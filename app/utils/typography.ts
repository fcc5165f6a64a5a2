// French typography for text written by people: non-breaking spaces where French requires them.
// Applied once when content is built, never per request.

const NBSP = "\u00a0";
const NNBSP = "\u202f";

export function frenchTypography(text: string): string {
  return text
    .replace(/ +:(?=\s|$)/g, `${NBSP}:`) // before a colon followed by a space (leaves URLs and times alone)
    .replace(/ +([;?!])/g, `${NNBSP}$1`)
    .replace(/« +/g, `«${NBSP}`)
    .replace(/ +»/g, `${NBSP}»`)
    .replace(/(\d) (%|€)/g, `$1${NBSP}$2`);
}

/** Applies `frenchTypography` to every string of a plain data structure. */
export function typographizeDeep<T>(value: T): T {
  if (typeof value === "string") return frenchTypography(value) as T;
  if (Array.isArray(value)) return value.map((v) => typographizeDeep(v)) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typographizeDeep(v)])) as T;
  }
  return value;
}

/** « 1er décembre », not « 1 décembre »: French writes the first day of a month as an ordinal. */
export function firstOfMonth(formattedDate: string): string {
  return formattedDate.replace(/(^|\s)1 (?=\p{L})/u, "$11er ");
}

/** « 1 étape », « 3 étapes », « aucune étape »: a count with its noun agreed, never « étape(s) ». */
export function plural(n: number, one: string, many: string, none?: string): string {
  if (n === 0 && none) return none;
  return `${n} ${n > 1 ? many : one}`;
}
