// Builds the rows of the cadre's team table (screen and CSV) from listTeam and the referential.
import { listBlocks, listModules } from "~/content/modules.server";
import type { TeamParams } from "~/domain/team-query.server";
import { PAGE_SIZE, PROFILE_LABELS } from "~/domain/team";
import { completedModulesOf, listTeam } from "./team.server";
import { certifiedLevelsOf } from "./certification.server";
import { getCertificationRules } from "~/content/modules.server";
import { LEVEL_NAMES } from "~/domain/certification";
import { parisDay } from "~/utils/dates";

export async function teamTable(serviceIds: string[], params: TeamParams, paginate = true) {
  const today = parisDay();
  const { rows, total } = await listTeam(
    { serviceIds, service: params.service, profile: params.profil, status: params.statut, sort: params.tri, direction: params.ordre, page: params.page, pageSize: PAGE_SIZE, today },
    paginate,
  );
  const [done, certified] = await Promise.all([completedModulesOf(rows.map((r) => r.id)), certifiedLevelsOf(rows.map((r) => r.id), today, getCertificationRules().validity.warningDays)]);
  const blocks = listBlocks();
  const modulesByBlock = new Map(blocks.map((b) => [b.id, listModules().filter((m) => m.frontmatter.block === b.id).map((m) => m.frontmatter.id)]));
  return {
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    blocks: blocks.map((b) => ({ id: b.id, number: b.number, title: b.title })),
    rows: rows.map((r) => {
      const mine = new Set(done.get(r.id) ?? []);
      return {
        ...r,
        profileLabel: r.profile ? (PROFILE_LABELS[r.profile] ?? r.profile) : "",
        pathPercent: r.stepsTotal ? Math.round((r.stepsDone * 100) / r.stepsTotal) : null,
        blocks: blocks.map((b) => {
          const ids = modulesByBlock.get(b.id) ?? [];
          const n = ids.filter((id) => mine.has(id)).length;
          const cert = certified.get(r.id)?.get(b.id);
          return { id: b.id, done: n, total: ids.length, percent: ids.length ? Math.round((n * 100) / ids.length) : 0, level: cert ? LEVEL_NAMES[cert.level] : null, toRenew: cert?.status === "a_actualiser" };
        }),
      };
    }),
  };
}
