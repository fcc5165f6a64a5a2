// Anchors for headings: « Protocole de réponse » → « protocole-de-reponse ». Pure, used on the server and
// in the browser alike, so links and ids always agree.

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** The text of React children made of strings (a heading's text), nested elements ignored. */
export function textOf(children: unknown): string {
  if (typeof children === "string" || typeof children === "number") return String(children);
  if (Array.isArray(children)) return children.map(textOf).join("");
  const props = (children as { props?: { children?: unknown } } | null)?.props;
  return props ? textOf(props.children) : "";
}
