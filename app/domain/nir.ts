// Detection of a French social-security number (NIR) in free text. Pure: shared by the browser and the server.
// Pivot holds training data only; a NIR in a comment is a patient's (or a colleague's) identifier to refuse.
//
// A NIR is 13 characters + a 2-digit key: sex (1, 2; 3, 4, 7, 8 for temporary numbers), year (2), month (2),
// department (2 digits, or 2A / 2B for Corsica), commune (3), order (3), key (2), where
// key = 97 − (the 13-digit number mod 97), 2A and 2B counting as 19 and 18 for the computation.
// Only a number whose key matches is a NIR: phone numbers, dates and other long numbers are left alone.

export type NirMatch = {
  /** Where the number starts in the text. */
  index: number;
  /** The number as typed, separators included. */
  text: string;
  /** The 15 characters without separators, 2A/2B in capitals. */
  nir: string;
};

// People type the groups with spaces, dots or dashes: "2 84 05 75 123 456 78", "2.84.05.75.123.456.78", "284057512345678".
const SEP = "[ \\t\\u00a0\\u202f.\\-\\u2013]?";
// A zero-width match (lookahead) with captures, so that candidates overlapping a rejected one are still tried.
const CANDIDATE = new RegExp(
  `(?<![0-9])(?=(([1-478])${SEP}([0-9]{2})${SEP}([0-9]{2})${SEP}([0-9]{2}|2[AB])${SEP}([0-9]{3})${SEP}([0-9]{3})${SEP}([0-9]{2}))(?![0-9]))`,
  "gi",
);

/** The key of a 13-character NIR body (2A/2B allowed), or null if the body is malformed. */
export function nirKey(body: string): number | null {
  const upper = body.toUpperCase();
  if (!/^[0-9]{5}([0-9]{2}|2[AB])[0-9]{6}$/.test(upper)) return null;
  const digits = upper.slice(0, 5) + (upper.slice(5, 7) === "2A" ? "19" : upper.slice(5, 7) === "2B" ? "18" : upper.slice(5, 7)) + upper.slice(7);
  return 97 - (Number(digits) % 97); // at most 9 999 999 999 999: exact in a double
}

/** The first valid NIR in the text (key checked), or null. */
export function findNir(text: string): NirMatch | null {
  for (const m of text.matchAll(CANDIDATE)) {
    const nir = [m[2], m[3], m[4], m[5], m[6], m[7], m[8]].join("").toUpperCase();
    if (nirKey(nir.slice(0, 13)) === Number(nir.slice(13))) return { index: m.index, text: m[1]!, nir };
  }
  return null;
}

/** Whether the text contains a valid French social-security number. */
export function containsNir(text: string): boolean {
  return findNir(text) !== null;
}
