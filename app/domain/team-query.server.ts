// The team table's query string (filters, sort, page). Pure; a server module so that its zod schema
// never reaches the browser (the page and the CSV export parse the query in their loaders).
import { z } from "~/utils/zod";
import { SORTS, STATUSES } from "./team";

/** Unknown or malformed values fall back to defaults instead of failing: a URL typed by hand still works. */
export const teamQuerySchema = z.object({
  service: z.string().trim().max(100).optional().catch(undefined),
  profil: z.enum(["nouvelle_recrue", "confirmee"]).optional().catch(undefined),
  statut: z.enum(STATUSES).optional().catch(undefined),
  tri: z.enum(SORTS).catch("nom").default("nom"),
  ordre: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type TeamParams = z.infer<typeof teamQuerySchema>;

export function parseTeamQuery(search: URLSearchParams): TeamParams {
  return teamQuerySchema.parse(Object.fromEntries([...search.entries()].filter(([, v]) => v !== "")));
}
