// The team table read page by page from indexes (issue 15) says exactly what the former computation said:
// the same people, in the same order, with the same figures, for every sort, filter and page, on any day;
// the CSV streamed batch by batch holds the same lines; the cadre's home the same lists.
// The former computation is kept below as the oracle (`reference*`): everyone's figures from the path
// steps, module progress and quizzes themselves, in one statement, then sorted and cut in memory.
import crypto from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { certificates, DONE_STATUSES, moduleProgress, pathSteps, quizAttempts, serviceManagers, services, tutorAssignments, users } from "../../db/schema";
import { DEMO_ESTABLISHMENT } from "../../db/seed";
import { getCertificationRules, listBlocks, listModules } from "~/content/modules.server";
import { LEVEL_NAMES } from "~/domain/certification";
import { PAGE_SIZE, toCsv } from "~/domain/team";
import { profileLabel, TEAM_SORTS, TEAM_STATUSES, type TeamStatus } from "~/domain/vocabulary";
import type { TeamParams } from "~/domain/team-query.server";
import { certifiedLevelsOf } from "~/models/certification-evidence.server";
import { createPathFor, markStepDone, validateStep } from "~/models/path.server";
import { listTeam, teamAtAGlance, type TeamQuery, type TeamRow } from "~/models/team-listing.server";
import { teamCsv, teamTable } from "~/models/team-table.server";
import { getDb } from "~/utils/db.server";
import { formatDay, parisDay } from "~/utils/dates";

type Query = Omit<TeamQuery, "page" | "pageSize">;
type OldRow = TeamRow;

// --- The former computation (before issue 15), verbatim but for the LIMIT: the oracle ---

const ORDER: Record<TeamQuery["sort"], string> = {
  nom: "u.name",
  service: "s.name",
  arrivee: "u.hire_date",
  progression: "(case when coalesce(p.total, 0) = 0 then -1 else 1.0 * p.done / p.total end)",
  retard: "coalesce(p.late, 0)",
};

async function referenceRows(q: Query): Promise<OldRow[]> {
  const db = getDb();
  const svc = sql.join(
    q.serviceIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const where = [sql`u.role = 'learner'`, sql`u.service_id in (${svc})`, sql`u.deactivated_at is null`];
  if (q.service) where.push(sql`u.service_id = ${q.service}`);
  if (q.profile) where.push(sql`u.profile = ${q.profile}`);
  if (q.status === "en_retard") where.push(sql`coalesce(p.late, 0) > 0`);
  if (q.status === "a_jour") where.push(sql`p.total > 0 and coalesce(p.late, 0) = 0 and p.done < p.total`);
  if (q.status === "termine") where.push(sql`p.total > 0 and p.done = p.total`);
  if (q.status === "sans_parcours") where.push(sql`coalesce(p.total, 0) = 0`);
  if (q.status === "sans_tutrice")
    where.push(sql`u.profile = 'nouvelle_recrue' and not exists (select 1 from tutor_assignments a where a.learner_id = u.id and a.ended_at is null)`);
  const order = sql.raw(`${ORDER[q.sort]} ${q.direction === "desc" ? "desc" : "asc"}, u.name asc`);
  const rows = await db.all<{
    id: string;
    name: string;
    email: string;
    profile: string | null;
    hire_date: string | null;
    service: string | null;
    tutor: string | null;
    total: number | null;
    done: number | null;
    late: number | null;
    awaiting: number | null;
    modules_done: number;
    last_activity: string | null;
  }>(sql`
    with done_modules as (
      select user_id, module_id from module_progress where ${inArray(sql`status`, DONE_STATUSES)}
    ),
    steps as (
      select ps.user_id, ps.requires_tutor, ps.validated_at, ps.due_date, ps.done_at,
        (ps.done_at is not null or ps.validated_at is not null
          or (ps.kind = 'module' and exists (select 1 from done_modules dm where dm.user_id = ps.user_id and dm.module_id = ps.module_id))) as is_done
      from path_steps ps
      where ps.removed_at is null
    ),
    p as (
      select user_id,
        count(*) as total,
        sum(case when is_done and (requires_tutor = 0 or validated_at is not null) then 1 else 0 end) as done,
        sum(case when not is_done and due_date < ${q.today} then 1 else 0 end) as late,
        sum(case when is_done and requires_tutor = 1 and validated_at is null then 1 else 0 end) as awaiting,
        max(done_at) as last_step
      from steps group by user_id
    )
    select u.id, u.name, u.email, u.profile, u.hire_date, s.name as service,
      (select t.name from tutor_assignments a join users t on t.id = a.tutor_id where a.learner_id = u.id and a.ended_at is null limit 1) as tutor,
      p.total, p.done, p.late, p.awaiting,
      (select count(*) from module_progress mp where mp.user_id = u.id and ${inArray(sql`mp.status`, DONE_STATUSES)}) as modules_done,
      max(coalesce(p.last_step, ''), coalesce((select max(mp.updated_at) from module_progress mp where mp.user_id = u.id), ''),
        coalesce((select max(qa.submitted_at) from quiz_attempts qa where qa.user_id = u.id), '')) as last_activity
    from users u
    left join services s on s.id = u.service_id
    left join p on p.user_id = u.id
    where ${sql.join(where, sql` and `)}
    order by ${order}
  `);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    profile: r.profile,
    hireDate: r.hire_date,
    service: r.service,
    tutor: r.tutor,
    stepsTotal: r.total ?? 0,
    stepsDone: r.done ?? 0,
    stepsLate: r.late ?? 0,
    awaiting: r.awaiting ?? 0,
    modulesDone: r.modules_done,
    lastActivity: r.last_activity || null,
  }));
}

/** The former teamTable, all pages: the rows with their blocks. */
async function referenceTable(serviceIds: string[], params: TeamParams) {
  const today = parisDay();
  const rows = await referenceRows(queryOf(serviceIds, params, today));
  const ids = rows.map((r) => r.id);
  const done = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length)
    for (const r of await getDb()
      .select({ userId: moduleProgress.userId, moduleId: moduleProgress.moduleId })
      .from(moduleProgress)
      .where(sql`${inArray(moduleProgress.userId, ids)} and ${inArray(moduleProgress.status, DONE_STATUSES)}`))
      done.get(r.userId)!.push(r.moduleId);
  const certified = await certifiedLevelsOf(ids, today, getCertificationRules().validity.warningDays);
  const blocks = listBlocks();
  const modulesByBlock = new Map(
    blocks.map((b) => [
      b.id,
      listModules()
        .filter((m) => m.frontmatter.block === b.id)
        .map((m) => m.frontmatter.id),
    ]),
  );
  return rows.map((r) => {
    const mine = new Set(done.get(r.id) ?? []);
    return {
      ...r,
      profileLabel: r.profile ? profileLabel(r.profile) : "",
      pathPercent: r.stepsTotal ? Math.round((r.stepsDone * 100) / r.stepsTotal) : null,
      blocks: blocks.map((b) => {
        const ids = modulesByBlock.get(b.id) ?? [];
        const n = ids.filter((id) => mine.has(id)).length;
        const cert = certified.get(r.id)?.get(b.id);
        return {
          id: b.id,
          done: n,
          total: ids.length,
          percent: ids.length ? Math.round((n * 100) / ids.length) : 0,
          level: cert ? LEVEL_NAMES[cert.level] : null,
          toRenew: cert?.status === "a_actualiser",
        };
      }),
    };
  });
}

/** The former CSV export, built whole in memory. */
async function referenceCsv(serviceIds: string[], params: TeamParams) {
  const rows = await referenceTable(serviceIds, params);
  const blocks = listBlocks();
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
  return toCsv(
    header,
    rows.map((r) => [
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
    ]),
  );
}

/**
 * The former cadre's home lists, whole (no limit). One deliberate change: a step removed from her path no
 * longer counts as activity, as on the team table's « Dernière activité » (the two screens agree now).
 */
async function referenceGlance(serviceIds: string[], today: string, inactiveDays = 30, renewWithinDays = 90) {
  const db = getDb();
  const ids = sql.join(
    serviceIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const people = sql`u.service_id in (${ids}) and u.deactivated_at is null and u.role = 'learner'`;
  const day = (offset: number) => new Date(Date.parse(`${today}T12:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  type Row = { id: string; name: string; n: number | null; title: string | null; at: string | null };
  const [late, renewals, inactive, arrivals] = await Promise.all([
    db.all<Row>(sql`
      select u.id, u.name, count(*) as n, null as title, null as at
      from users u join path_steps ps on ps.user_id = u.id
      where ${people} and ps.removed_at is null and ps.done_at is null and ps.validated_at is null and ps.due_date < ${today}
        and not (ps.kind = 'module' and exists (select 1 from module_progress mp where mp.user_id = u.id and mp.module_id = ps.module_id and ${inArray(sql`mp.status`, DONE_STATUSES)}))
      group by u.id order by count(*) desc, u.name`),
    db.all<Row>(sql`
      select u.id, u.name, null as n, c.title, c.valid_until as at
      from certificates c join users u on u.id = c.user_id
      where ${people} and c.revoked_at is null and c.renewed_at is null and c.valid_until >= ${today} and c.valid_until <= ${day(renewWithinDays)}
      order by c.valid_until, u.name`),
    db.all<Row>(sql`
      select id, name, null as n, null as title, last as at from (
        select u.id, u.name, max(
          coalesce((select max(ps.done_at) from path_steps ps where ps.user_id = u.id and ps.removed_at is null), ''),
          coalesce((select max(mp.updated_at) from module_progress mp where mp.user_id = u.id), ''),
          coalesce((select max(qa.submitted_at) from quiz_attempts qa where qa.user_id = u.id), ''),
          u.created_at) as last
        from users u where ${people})
      where last < ${day(-inactiveDays)}
      order by last, name`),
    db.all<Row>(sql`
      select u.id, u.name, null as n, null as title, u.hire_date as at
      from users u where ${people} and substr(u.hire_date, 1, 7) = ${today.slice(0, 7)}
      order by u.hire_date, u.name`),
  ]);
  const pack = (rows: Row[], detail: (r: Row) => string) => ({ items: rows.map((r) => ({ id: r.id, name: r.name, detail: detail(r) })), total: rows.length });
  return {
    late: pack(late, (r) => (r.n === 1 ? "1 étape en retard" : `${r.n} étapes en retard`)),
    renewals: pack(renewals, (r) => `${r.title} : valable jusqu'au ${formatDay(r.at!)}`),
    inactive: pack(inactive, (r) => `dernière activité le ${formatDay(r.at!)}`),
    arrivals: pack(arrivals, (r) => `arrivée le ${formatDay(r.at!)}`),
  };
}

// --- A small establishment with every case ---

function queryOf(serviceIds: string[], params: TeamParams, today: string): Query {
  return { serviceIds, service: params.service, profile: params.profil, status: params.statut, sort: params.tri, direction: params.ordre, today };
}

const daysFrom = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A small deterministic generator (mulberry32), so that a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TODAY = parisDay();
const FIRST = ["Alice", "Béatrice", "Chloé", "Delphine", "Élodie", "Fanny", "Gaëlle", "Hélène", "Inès", "Julie", "Karine", "Léa", "Manon", "Noémie", "Océane"];
const LAST = ["Aubert", "Blanc", "Carré", "Durand", "Étienne", "Faure", "Girard"];
let serviceIds: string[] = [];
let learnerIds: string[] = [];
let tutorId = "";

beforeAll(async () => {
  const db = getDb();
  const rnd = random(15);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)]!;
  const cadre = (await db.query.users.findFirst({ where: eq(users.email, "cadre@pivot.demo") }))!;
  tutorId = (await db.query.users.findFirst({ where: eq(users.email, "tuteur@pivot.demo") }))!.id;
  // Two more services of hers (one whose name sorts first, one last), and one that is not hers.
  await db.insert(services).values([
    { id: "svc-equipe-a", name: "Accueil central", establishment: DEMO_ESTABLISHMENT },
    { id: "svc-equipe-b", name: "Urgences", establishment: DEMO_ESTABLISHMENT },
    { id: "svc-equipe-c", name: "Maternité", establishment: DEMO_ESTABLISHMENT },
  ]);
  await db.insert(serviceManagers).values([
    { userId: cadre.id, serviceId: "svc-equipe-a" },
    { userId: cadre.id, serviceId: "svc-equipe-b" },
  ]);
  serviceIds = (await db.select({ id: serviceManagers.serviceId }).from(serviceManagers).where(eq(serviceManagers.userId, cadre.id))).map((s) => s.id);

  // 48 learners (unique names: the former order did not break ties), some arrived long ago, some not yet,
  // some without a hire date; recruits get their path, accounts are created on arrival (late steps).
  const learners = Array.from({ length: 48 }, (_, i) => {
    const hireDate = i % 11 === 5 ? null : daysFrom(TODAY, -Math.floor(rnd() * 220) + 15);
    return {
      id: crypto.randomUUID(),
      email: `equipe.${i}@pivot.demo`,
      name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i}`,
      role: "learner" as const,
      profile: i % 3 === 0 ? ("confirmee" as const) : ("nouvelle_recrue" as const),
      establishment: DEMO_ESTABLISHMENT,
      serviceId: i % 7 === 6 ? "svc-equipe-c" : pick(["svc-equipe-a", "svc-equipe-b", "svc-cardiologie"]),
      hireDate,
      createdAt: `${hireDate ?? daysFrom(TODAY, -300)}T08:00:00.000Z`,
    };
  });
  await db.insert(users).values(learners);
  learnerIds = learners.map((l) => l.id);
  for (const l of learners) if (l.profile === "nouvelle_recrue") await createPathFor(l.id);

  // Their progress, through the application where it has a function, straight into the tables elsewhere.
  const steps = await db.select().from(pathSteps).where(inArray(pathSteps.userId, learnerIds));
  const moduleIds = listModules().map((m) => m.frontmatter.id);
  for (const s of steps) {
    const r = rnd();
    if (s.kind !== "module" && r < 0.3) await markStepDone({ learnerId: s.userId, stepId: s.id, comment: null });
    else if (s.requiresTutor && r < 0.45) await validateStep({ learnerId: s.userId, stepId: s.id, tutorId, comment: null });
    else if (r < 0.5)
      await db
        .update(pathSteps)
        .set({ doneAt: new Date(Date.parse(`${s.dueDate}T09:00:00Z`)).toISOString() })
        .where(eq(pathSteps.id, s.id));
    else if (r < 0.53) await db.update(pathSteps).set({ removedAt: new Date().toISOString() }).where(eq(pathSteps.id, s.id));
  }
  for (const [i, l] of learners.entries()) {
    const mine = moduleIds.filter(() => rnd() < 0.35);
    if (i % 5 === 0) continue; // some never opened a module
    for (const m of mine)
      await db.insert(moduleProgress).values({
        userId: l.id,
        moduleId: m,
        moduleVersion: "1.0.0",
        status: pick(["en_cours", "lu", "acquis", "termine"] as const),
        updatedAt: new Date(Date.now() - Math.floor(rnd() * 90) * 86_400_000).toISOString(),
      });
    if (rnd() < 0.4)
      await db.insert(quizAttempts).values({
        id: crypto.randomUUID(),
        userId: l.id,
        moduleId: mine[0] ?? moduleIds[0]!,
        moduleVersion: "1.0.0",
        questions: [],
        total: 5,
        passMark: 80,
        submittedAt: rnd() < 0.8 ? new Date(Date.now() - Math.floor(rnd() * 120) * 86_400_000).toISOString() : null,
      });
    if (l.profile === "nouvelle_recrue" && rnd() < 0.5)
      await db
        .insert(tutorAssignments)
        .values({ id: crypto.randomUUID(), tutorId, learnerId: l.id, assignedBy: cadre.id, endedAt: rnd() < 0.3 ? new Date().toISOString() : null });
    if (rnd() < 0.3) {
      const block = pick(listBlocks());
      await db.insert(certificates).values({
        id: crypto.randomUUID(),
        userId: l.id,
        kind: "bloc",
        blockId: block.id,
        level: "generales",
        code: `TEST-${i}`,
        holderName: l.name,
        title: `Bloc ${block.number}`,
        issuedAt: daysFrom(TODAY, -700),
        validUntil: daysFrom(TODAY, Math.floor(rnd() * 200) - 40),
        evidence: {},
        revokedAt: rnd() < 0.15 ? new Date().toISOString() : null,
      });
    }
  }
  // Someone whose path is complete, someone who left.
  await db.update(pathSteps).set({ doneAt: new Date().toISOString(), validatedAt: new Date().toISOString() }).where(eq(pathSteps.userId, learners[1]!.id));
  await db.update(users).set({ deactivatedAt: new Date().toISOString() }).where(eq(users.id, learners[4]!.id));
});

const ALL_ORDERS = TEAM_SORTS.flatMap((tri) => (["asc", "desc"] as const).map((ordre) => ({ tri, ordre })));
const FILTERS: (TeamStatus | undefined)[] = [undefined, ...TEAM_STATUSES];

/** Every page of listTeam (pages of `pageSize`, and one past the end) equals the oracle's slice. */
async function expectSamePages(q: Query, pageSize: number) {
  const expected = await referenceRows(q);
  const pages = Math.max(1, Math.ceil(expected.length / pageSize));
  for (let page = 1; page <= pages + 1; page++) {
    const got = await listTeam({ ...q, page, pageSize });
    expect(got.total, `${JSON.stringify(q)} total`).toBe(expected.length);
    expect(got.rows, `${JSON.stringify(q)} page ${page}`).toEqual(expected.slice((page - 1) * pageSize, page * pageSize));
  }
  return expected.length;
}

describe("the team table from indexes", () => {
  it("every sort, direction, filter and page equals the former computation's slice, with the right total", async () => {
    const found = new Map<TeamStatus | undefined, number>();
    for (const { tri, ordre } of ALL_ORDERS)
      for (const statut of FILTERS) found.set(statut, await expectSamePages({ serviceIds, status: statut, sort: tri, direction: ordre, today: TODAY }, 7));
    // Every filter finds someone (the set is not trivially empty), and all of them together everyone.
    for (const statut of FILTERS) expect(found.get(statut), statut).toBeGreaterThan(0);
    expect(found.get(undefined)).toBeGreaterThan(40);
    // Profile and service filters.
    for (const profile of ["nouvelle_recrue", "confirmee"] as const)
      await expectSamePages({ serviceIds, profile, sort: "arrivee", direction: "desc", today: TODAY }, 5);
    await expectSamePages({ serviceIds, service: "svc-equipe-b", status: "en_retard", sort: "progression", direction: "asc", today: TODAY }, 3);
  });

  it("on other days too: late steps counted for that day (the kept counts move with it)", async () => {
    for (const today of [daysFrom(TODAY, 40), daysFrom(TODAY, -90), daysFrom(TODAY, 120), TODAY])
      for (const { tri, ordre } of [
        { tri: "retard", ordre: "desc" },
        { tri: "retard", ordre: "asc" },
        { tri: "nom", ordre: "asc" },
      ] as const)
        for (const statut of [undefined, "en_retard", "a_jour"] as const)
          await expectSamePages({ serviceIds, status: statut, sort: tri, direction: ordre, today }, 6);
  });

  it("after more changes (a step taken back, validated, removed, a module completed or deleted, a quiz), still the same", async () => {
    const db = getDb();
    const steps = await db
      .select()
      .from(pathSteps)
      .where(inArray(pathSteps.userId, learnerIds.slice(0, 20)));
    for (const [i, s] of steps.entries()) {
      if (i % 9 === 0) await db.update(pathSteps).set({ doneAt: null, doneBy: null }).where(eq(pathSteps.id, s.id));
      if (i % 9 === 1 && s.requiresTutor) await validateStep({ learnerId: s.userId, stepId: s.id, tutorId, comment: "vu" });
      if (i % 9 === 2) await db.update(pathSteps).set({ removedAt: new Date().toISOString() }).where(eq(pathSteps.id, s.id));
      if (i % 9 === 3)
        await db
          .update(pathSteps)
          .set({ dueDate: daysFrom(TODAY, -3) })
          .where(eq(pathSteps.id, s.id));
      if (i % 9 === 4 && s.moduleId)
        await db
          .insert(moduleProgress)
          .values({ userId: s.userId, moduleId: s.moduleId, moduleVersion: "1.0.0", status: "termine", updatedAt: new Date().toISOString() })
          .onConflictDoUpdate({ target: [moduleProgress.userId, moduleProgress.moduleId], set: { status: "termine", updatedAt: new Date().toISOString() } });
    }
    await db.delete(moduleProgress).where(eq(moduleProgress.userId, learnerIds[7]!));
    await db.insert(quizAttempts).values({
      id: crypto.randomUUID(),
      userId: learnerIds[8]!,
      moduleId: "m",
      moduleVersion: "1",
      questions: [],
      total: 5,
      passMark: 80,
      submittedAt: new Date().toISOString(),
    });
    for (const { tri, ordre } of ALL_ORDERS)
      for (const statut of [undefined, "en_retard", "a_jour", "termine"] as const)
        await expectSamePages({ serviceIds, status: statut, sort: tri, direction: ordre, today: TODAY }, 7);
  });

  it("a page of the screen (blocks, certificates, labels) equals the former one, in a constant number of statements", async () => {
    const client = (getDb() as unknown as { $client: { execute: (...args: unknown[]) => Promise<unknown> } }).$client;
    const execute = client.execute;
    let statements = 0;
    client.execute = (...args: unknown[]) => {
      statements++;
      return execute.apply(client, args);
    };
    try {
      const counts = new Set<number>();
      for (const params of [
        { tri: "nom", ordre: "asc", page: 1 },
        { tri: "nom", ordre: "asc", page: 2 },
        { tri: "progression", ordre: "desc", page: 1 },
        { tri: "service", ordre: "desc", page: 2 },
        { tri: "arrivee", ordre: "asc", page: 1, statut: "sans_tutrice" },
        { tri: "retard", ordre: "desc", page: 1, statut: "en_retard" },
      ] as TeamParams[]) {
        const expected = await referenceTable(serviceIds, params);
        await teamTable(serviceIds, params); // the day's late counts are current from here on
        statements = 0;
        const got = await teamTable(serviceIds, params);
        counts.add(statements);
        expect(got.rows.length).toBeGreaterThan(0);
        expect(got.total).toBe(expected.length);
        expect(got.pages).toBe(Math.max(1, Math.ceil(expected.length / PAGE_SIZE)));
        expect(got.rows).toEqual(expected.slice((params.page - 1) * PAGE_SIZE, params.page * PAGE_SIZE));
      }
      // Probe of the late counts, count, page, certificates: whatever the page holds (25 people or 3).
      expect([...counts]).toEqual([4]);
    } finally {
      client.execute = execute;
    }
  });

  it("the CSV, streamed in batches, holds the same lines as the former export (BOM, ; and CRLF)", async () => {
    for (const params of [
      { tri: "nom", ordre: "asc", page: 1 },
      { tri: "nom", ordre: "desc", page: 1 },
      { tri: "arrivee", ordre: "desc", page: 1 },
      { tri: "service", ordre: "asc", page: 1 },
      { tri: "progression", ordre: "desc", page: 1, profil: "nouvelle_recrue" },
      { tri: "retard", ordre: "desc", page: 1 },
      { tri: "retard", ordre: "asc", page: 1, statut: "a_jour" },
    ] as TeamParams[]) {
      const expected = await referenceCsv(serviceIds, params);
      const reader = teamCsv(serviceIds, params, 4).getReader();
      const chunks: Uint8Array[] = [];
      for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
      const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(Buffer.concat(chunks));
      expect(text.startsWith("\uFEFFNom;Adresse e-mail;")).toBe(true);
      expect(text).toBe(expected);
      // The header, then one chunk per batch of 4 people.
      expect(chunks.length).toBe(1 + Math.ceil((expected.split("\r\n").length - 2) / 4));
    }
    expect((await referenceTable(serviceIds, { tri: "nom", ordre: "asc", page: 1 })).length).toBeGreaterThan(8); // more than two batches
  });

  it("the cadre's home lists the same people, first few and totals, read from indexes", async () => {
    for (const today of [TODAY, daysFrom(TODAY, 45)]) {
      const expected = await referenceGlance(serviceIds, today);
      const whole = await teamAtAGlance({ serviceIds, today, limit: 1000 });
      const short = await teamAtAGlance({ serviceIds, today });
      for (const list of ["late", "renewals", "inactive", "arrivals"] as const) {
        expect(whole[list], `${list} on ${today}`).toEqual(expected[list]);
        expect(short[list]).toEqual({ items: expected[list].items.slice(0, 5), total: expected[list].total });
      }
      expect(expected.late.total + expected.inactive.total).toBeGreaterThan(0);
    }
  });
});
