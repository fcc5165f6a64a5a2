// Sign-in helpers that are not access rules (those live in ~/models/permissions.server).

/**
 * Only same-site paths: one leading "/", not followed by "/" or "\\", and nothing but printable ASCII
 * without spaces (browsers drop tabs and newlines, which turns "/\t/evil" into "//evil").
 */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || !/^\/(?![/\\])[\x21-\x7e]*$/.test(to) || to.includes("\\")) return fallback;
  return to;
}

export { ROLE_LABELS } from "~/domain/vocabulary";
