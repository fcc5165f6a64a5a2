// Builds the rows of the cadre's team table (screen and CSV) from listTeam / teamBatches and the referential.
import { listBlocks, listModules } from "~/content/modules.server";
import type { TeamParams } from "~/domain/team-query.server";
import { csvLine, PAGE_SIZE } from "~/domain/team";
import { profileLabel } from "~/domain/vocabulary";
import { listTeam, teamBatches, type TeamQuery, type TeamSlice } from "./team-listing.server";
import { certifiedLevelsOf } from "./certification-evidence.server";
import { getCertificationRules } from "~/content/modules.server";
import { LEVEL_NAMES } from "~/domain/certification";
import { parisDay } from "~/utils/dates";

/** People per statement of the CSV export. */
export const CSV_BATCH = 500;

function queryOf(serviceIds: string[], params: TeamParams, today: string): Omit<TeamQuery, "page" | "pageSize"> {
  return { serviceIds, service: params.service, profile: params.profil, status: params.statut, sort: params.tri, direction: params.ordre, today };
}

/** The blocks of the referential, one column each. */
export function teamBlocks() {
  return listBlocks().map((b) => ({ id: b.id, number: b.number, title: b.title }));
}

/** Block progress and certified levels of these people: one statement for all of them. */
async function withBlocks({ rows, completed }: TeamSlice, today: string) {
  const certified = await certifiedLevelsOf(
    rows.map((r) => r.id),
    today,
    getCertificationRules().validity.warningDays,
  );
  const blocks = listBlocks();
  const position = new Map(blocks.map((b, i) => [b.id, i]));
  const blockOf = new Map(listModules().map((m) => [m.frontmatter.id, position.get(m.frontmatter.block)]));
  const totals = blocks.map((b) => listModules().filter((m) => m.frontmatter.block === b.id).length);
  return rows.map((r) => {
    const done = blocks.map(() => 0);
    for (const id of completed.get(r.id) ?? []) {
      const i = blockOf.get(id);
      if (i !== undefined) done[i]!++;
    }
    const certificates = certified.get(r.id);
    return {
      ...r,
      profileLabel: r.profile ? profileLabel(r.profile) : "",
      pathPercent: r.stepsTotal ? Math.round((r.stepsDone * 100) / r.stepsTotal) : null,
      blocks: blocks.map((b, i) => {
        const n = done[i]!;
        const total = totals[i]!;
        const cert = certificates?.get(b.id);
        return {
          id: b.id,
          done: n,
          total,
          percent: total ? Math.round((n * 100) / total) : 0,
          level: cert ? LEVEL_NAMES[cert.level] : null,
          toRenew: cert?.status === "a_actualiser",
        };
      }),
    };
  });
}

export type TeamTableRow = Awaited<ReturnType<typeof withBlocks>>[number];

/** One page of the table: its people with every column, the number of people and of pages. */
export async function teamTable(serviceIds: string[], params: TeamParams) {
  const today = parisDay();
  const { total, ...page } = await listTeam({ ...queryOf(serviceIds, params, today), page: params.page, pageSize: PAGE_SIZE });
  return {
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    blocks: teamBlocks(),
    rows: await withBlocks(page, today),
  };
}

/** Every row of the table (all pages, same filters and order), `batchSize` people at a time. */
export async function* teamTableBatches(serviceIds: string[], params: TeamParams, batchSize = CSV_BATCH): AsyncGenerator<TeamTableRow[]> {
  const today = parisDay();
  for await (const batch of teamBatches(queryOf(serviceIds, params, today), batchSize)) yield await withBlocks(batch, today);
}

/**
 * The table as a CSV document (UTF-8 BOM, ; separator, CRLF: see toCsv), streamed one batch of people at a
 * time: the next batch is read only when the previous one has been taken, so memory stays flat.
 */
export function teamCsv(serviceIds: string[], params: TeamParams, batchSize = CSV_BATCH): ReadableStream<Uint8Array> {
  const blocks = teamBlocks();
  const header = [
    "Nom",
    "Adresse e-mail",
    "Profil",
    "Service",
    "Date d'arrivée",
    "Tutrice",
    "Étapes terminées",
    "Étapes du parcours",
    "Étapes en retard",
    ...blocks.flatMap((b) => [`Bloc ${b.number} (%)`, `Bloc ${b.number} (niveau certifié)`]),
    "Dernière activité",
  ];
  const line = (r: TeamTableRow) =>
    csvLine([
      r.name,
      r.email,
      r.profileLabel,
      r.service,
      r.hireDate,
      r.tutor,
      r.stepsDone,
      r.stepsTotal,
      r.stepsLate,
      ...r.blocks.flatMap((b) => [b.percent, b.level ? `${b.level}${b.toRenew ? " (à actualiser)" : ""}` : ""]),
      r.lastActivity ? r.lastActivity.slice(0, 10) : "",
    ]);
  const encoder = new TextEncoder();
  const batches = teamTableBatches(serviceIds, params, batchSize);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode("\uFEFF" + csvLine(header)));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value.map(line).join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
