// The audit journal's query string (filters and page) and the filters it gives the audit model. Pure;
// a server module so that its zod schema never reaches the browser (the page and the CSV export parse
// the query in their loaders).
import { nextDay, startOfParisDay } from "~/utils/dates";
import { z } from "~/utils/zod";
import { AUDIT_ACTIONS, AUDIT_GROUPS, type AuditAction } from "./audit";

/** The journal's query string: unknown or malformed values fall back to « no filter » (a URL typed by hand still works). */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined);
export const journalQuerySchema = z.object({
  groupe: z.enum(AUDIT_GROUPS.map((g) => g.id) as [string, ...string[]]).optional().catch(undefined),
  action: z.enum(AUDIT_ACTIONS as [AuditAction, ...AuditAction[]]).optional().catch(undefined),
  personne: z.string().trim().max(120).optional().catch(undefined),
  du: day,
  au: day,
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type JournalQuery = z.infer<typeof journalQuerySchema>;

export function parseJournalQuery(search: URLSearchParams): JournalQuery {
  return journalQuerySchema.parse(Object.fromEntries([...search.entries()].filter(([, v]) => v.trim() !== "")));
}

/** The actions a query selects: one action, a group, or all (undefined). */
export function actionsOf(q: Pick<JournalQuery, "groupe" | "action">): AuditAction[] | undefined {
  if (q.action) return [q.action];
  return AUDIT_GROUPS.find((g) => g.id === q.groupe)?.actions;
}

/** The audit model's filters for a journal query: Paris days become instants. */
export function journalFilters(q: JournalQuery) {
  return { actions: actionsOf(q), person: q.personne, from: q.du ? startOfParisDay(q.du) : undefined, until: q.au ? startOfParisDay(nextDay(q.au)) : undefined };
}
