// The team table's query string (filters, sort, page). Pure; a server module so that its zod schema
// never reaches the browser (the page and the CSV export parse the query in their loaders).
import { z } from "~/utils/zod";
import { PROFILES, TEAM_SORTS, TEAM_STATUSES } from "./vocabulary";

/** Unknown or malformed values fall back to defaults instead of failing: a URL typed by hand still works. */
export const teamQuerySchema = z.object({
  service: z.string().trim().max(100).optional().catch(undefined),
  profil: z.enum(PROFILES).optional().catch(undefined),
  statut: z.enum(TEAM_STATUSES).optional().catch(undefined),
  tri: z.enum(TEAM_SORTS).catch("nom").default("nom"),
  ordre: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type TeamParams = z.infer<typeof teamQuerySchema>;

export function parseTeamQuery(search: URLSearchParams): TeamParams {
  return teamQuerySchema.parse(Object.fromEntries([...search.entries()].filter(([, v]) => v !== "")));
}
