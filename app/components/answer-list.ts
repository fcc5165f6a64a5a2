// How a quiz result shows an answer: an ordering or a matching split back into its parts. Apart from the
// quiz form's helpers (./quiz-logic), so that a page showing results does not load the form's code.

/**
 * A result line as built by describeGiven / describeExpected, split back into its parts when it is an
 * ordering ("1. a ; 2. b") or a matching ("a → x ; b → y"); null for any other answer. Content text is
 * typeset with a narrow no-break space before « ; », so the plain " ; " separator cannot occur inside it.
 */
export function parseAnswerList(text: string): { kind: "ordering"; items: string[] } | { kind: "matching"; pairs: { left: string; right: string }[] } | null {
  const parts = text.split(" ; ");
  if (parts.length < 2) return null;
  const numbered = parts.map((part, i) => (part.startsWith(`${i + 1}. `) ? part.slice(`${i + 1}. `.length) : null));
  if (numbered.every((p): p is string => p !== null)) return { kind: "ordering", items: numbered };
  const pairs = parts.map((part) => {
    const at = part.indexOf(" → ");
    return at < 0 ? null : { left: part.slice(0, at), right: part.slice(at + " → ".length) };
  });
  if (pairs.every((p): p is { left: string; right: string } => p !== null)) return { kind: "matching", pairs };
  return null;
}
