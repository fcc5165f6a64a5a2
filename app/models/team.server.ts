// The cadre's team view: every learner of her services with path and module progress, in one query.
import { inArray, sql } from "drizzle-orm";
import { DONE_STATUSES, moduleProgress } from "../../db/schema";
import { getDb } from "~/utils/db.server";
import { formatDay } from "~/utils/dates";

export const TEAM_SORTS = ["nom", "service", "arrivee", "progression", "retard"] as const;
export type TeamSort = (typeof TEAM_SORTS)[number];
import type { TeamStatus } from "~/domain/team";

export type TeamQuery = {
  serviceIds: string[];
  service?: string;
  profile?: "nouvelle_recrue" | "confirmee";
  status?: TeamStatus;
  sort: TeamSort;
  direction: "asc" | "desc";
  page: number;
  pageSize: number;
  today: string;
};

export type TeamRow = {
  id: string;
  name: string;
  email: string;
  profile: string | null;
  hireDate: string | null;
  service: string | null;
  tutor: string | null;
  stepsTotal: number;
  stepsDone: number;
  stepsLate: number;
  awaiting: number;
  modulesDone: number;
  lastActivity: string | null;
};

const ORDER: Record<TeamSort, string> = {
  nom: "u.name",
  service: "s.name",
  arrivee: "u.hire_date",
  progression: "(case when coalesce(p.total, 0) = 0 then -1 else 1.0 * p.done / p.total end)",
  retard: "coalesce(p.late, 0)",
};

/**
 * One statement: path steps aggregated per learner in a single pass (GROUP BY), joined to the
 * learners of the requested services, filtered, sorted and paginated in SQL. No per-row queries.
 */
export async function listTeam(q: TeamQuery, paginate = true): Promise<{ rows: TeamRow[]; total: number }> {
  if (q.serviceIds.length === 0) return { rows: [], total: 0 };
  const db = getDb();
  const services = sql.join(q.serviceIds.map((id) => sql`${id}`), sql`, `);
  const where = [sql`u.role = 'learner'`, sql`u.service_id in (${services})`, sql`u.deactivated_at is null`];
  if (q.service) where.push(sql`u.service_id = ${q.service}`);
  if (q.profile) where.push(sql`u.profile = ${q.profile}`);
  if (q.status === "en_retard") where.push(sql`coalesce(p.late, 0) > 0`);
  if (q.status === "a_jour") where.push(sql`p.total > 0 and coalesce(p.late, 0) = 0 and p.done < p.total`);
  if (q.status === "termine") where.push(sql`p.total > 0 and p.done = p.total`);
  if (q.status === "sans_parcours") where.push(sql`coalesce(p.total, 0) = 0`);
  if (q.status === "sans_tutrice") where.push(sql`u.profile = 'nouvelle_recrue' and not exists (select 1 from tutor_assignments a where a.learner_id = u.id and a.ended_at is null)`);
  const order = sql.raw(`${ORDER[q.sort]} ${q.direction === "desc" ? "desc" : "asc"}, u.name asc`);
  const limit = paginate ? sql`limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}` : sql``;
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
    full_count: number;
  }>(sql`
    with done_modules as (
      select user_id, module_id from module_progress where ${inArray(sql`status`, DONE_STATUSES)}
    ),
    steps as (
      select ps.user_id,
        ps.requires_tutor,
        ps.validated_at,
        ps.due_date,
        ps.done_at,
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
      -- Activity: a step done, a module opened or completed, any quiz submitted (module, positioning, assessment, update, renewal).
      max(coalesce(p.last_step, ''), coalesce((select max(mp.updated_at) from module_progress mp where mp.user_id = u.id), ''),
        coalesce((select max(qa.submitted_at) from quiz_attempts qa where qa.user_id = u.id), '')) as last_activity,
      count(*) over () as full_count
    from users u
    left join services s on s.id = u.service_id
    left join p on p.user_id = u.id
    where ${sql.join(where, sql` and `)}
    order by ${order}
    ${limit}
  `);
  return {
    total: rows[0]?.full_count ?? 0,
    rows: rows.map((r) => ({
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
    })),
  };
}

/** Modules completed by each of these learners (one query), to compute block progress. */
export async function completedModulesOf(userIds: string[]) {
  const out = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return out;
  const rows = await getDb()
    .select({ userId: moduleProgress.userId, moduleId: moduleProgress.moduleId })
    .from(moduleProgress)
    .where(sql`${inArray(moduleProgress.userId, userIds)} and ${inArray(moduleProgress.status, DONE_STATUSES)}`);
  for (const r of rows) out.get(r.userId)!.push(r.moduleId);
  return out;
}

/**
 * The staff around the team table: the active tutors of her services with their number of mentees,
 * and how many new recruits have no tutor (after a tutor left, for instance). Two statements.
 */
export async function staffOverview(serviceIds: string[]) {
  if (serviceIds.length === 0) return { tutors: [], withoutTutor: 0 };
  const db = getDb();
  const ids = sql.join(serviceIds.map((id) => sql`${id}`), sql`, `);
  const [tutors, [orphans]] = await Promise.all([
    db.all<{ id: string; name: string; service: string | null; mentees: number }>(sql`
      select u.id, u.name, s.name as service,
        (select count(*) from tutor_assignments a where a.tutor_id = u.id and a.ended_at is null) as mentees
      from users u left join services s on s.id = u.service_id
      where u.role = 'tutor' and u.service_id in (${ids}) and u.deactivated_at is null
      order by u.name`),
    db.all<{ n: number }>(sql`
      select count(*) as n from users u
      where u.role = 'learner' and u.profile = 'nouvelle_recrue' and u.service_id in (${ids}) and u.deactivated_at is null
        and not exists (select 1 from tutor_assignments a where a.learner_id = u.id and a.ended_at is null)`),
  ]);
  return { tutors, withoutTutor: orphans?.n ?? 0 };
}

export type GlanceItem = { id: string; name: string; detail: string };

/**
 * The cadre's home: her team at a glance, each list short (the first few, with the total): people with
 * late steps, certificates to renew within `renewWithinDays`, people inactive for `inactiveDays`, and
 * arrivals of the month. Active learners of her services only; four statements whatever the team size.
 */
export async function teamAtAGlance({ serviceIds, today, renewWithinDays = 90, inactiveDays = 30, limit = 5 }: { serviceIds: string[]; today: string; renewWithinDays?: number; inactiveDays?: number; limit?: number }) {
  const empty = { items: [] as GlanceItem[], total: 0 };
  if (serviceIds.length === 0) return { late: empty, renewals: empty, inactive: empty, arrivals: empty };
  const db = getDb();
  const ids = sql.join(serviceIds.map((id) => sql`${id}`), sql`, `);
  const people = sql`u.service_id in (${ids}) and u.deactivated_at is null and u.role = 'learner'`;
  const day = (offset: number) => new Date(Date.parse(`${today}T12:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  type Row = { id: string; name: string; n: number | null; title: string | null; at: string | null; total: number };
  const [late, renewals, inactive, arrivals] = await Promise.all([
    db.all<Row>(sql`
      select u.id, u.name, count(*) as n, null as title, null as at, count(*) over () as total
      from users u join path_steps ps on ps.user_id = u.id
      where ${people} and ps.removed_at is null and ps.done_at is null and ps.validated_at is null and ps.due_date < ${today}
        and not (ps.kind = 'module' and exists (select 1 from module_progress mp where mp.user_id = u.id and mp.module_id = ps.module_id and ${inArray(sql`mp.status`, DONE_STATUSES)}))
      group by u.id order by count(*) desc, u.name limit ${limit}`),
    db.all<Row>(sql`
      select u.id, u.name, null as n, c.title, c.valid_until as at, count(*) over () as total
      from certificates c join users u on u.id = c.user_id
      where ${people} and c.revoked_at is null and c.renewed_at is null and c.valid_until >= ${today} and c.valid_until <= ${day(renewWithinDays)}
      order by c.valid_until, u.name limit ${limit}`),
    db.all<Row>(sql`
      select id, name, null as n, null as title, last as at, count(*) over () as total from (
        select u.id, u.name, max(
          coalesce((select max(ps.done_at) from path_steps ps where ps.user_id = u.id), ''),
          coalesce((select max(mp.updated_at) from module_progress mp where mp.user_id = u.id), ''),
          coalesce((select max(qa.submitted_at) from quiz_attempts qa where qa.user_id = u.id), ''),
          u.created_at) as last
        from users u where ${people})
      where last < ${day(-inactiveDays)}
      order by last, name limit ${limit}`),
    db.all<Row>(sql`
      select u.id, u.name, null as n, null as title, u.hire_date as at, count(*) over () as total
      from users u where ${people} and substr(u.hire_date, 1, 7) = ${today.slice(0, 7)}
      order by u.hire_date, u.name limit ${limit}`),
  ]);
  const pack = (rows: Row[], detail: (r: Row) => string) => ({ items: rows.map((r) => ({ id: r.id, name: r.name, detail: detail(r) })), total: rows[0]?.total ?? 0 });
  return {
    late: pack(late, (r) => (r.n === 1 ? "1 étape en retard" : `${r.n} étapes en retard`)),
    renewals: pack(renewals, (r) => `${r.title} : valable jusqu'au ${formatDay(r.at!)}`),
    inactive: pack(inactive, (r) => `dernière activité le ${formatDay(r.at!)}`),
    arrivals: pack(arrivals, (r) => `arrivée le ${formatDay(r.at!)}`),
  };
}
