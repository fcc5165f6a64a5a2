// The cadre's team view: the active learners of her services, filtered, sorted and paginated in SQL on the
// figures the database keeps for each person (users.steps_* and last_active_at, kept by triggers: see
// db/schema.ts), read in order from an index and cut at the page. A constant number of statements per page.
import { inArray, sql, type SQL } from "drizzle-orm";
import { DONE_STATUSES, PATH_PROGRESS } from "../../db/schema";
import { getDb } from "~/utils/db.server";
import { formatDay } from "~/utils/dates";
import type { Profile, TeamSort, TeamStatus } from "~/domain/vocabulary";

export type TeamQuery = {
  serviceIds: string[];
  service?: string;
  profile?: Profile;
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
  /** Her latest activity: a step of her path done, a module opened or completed, a quiz submitted. */
  lastActivity: string | null;
};

/** A module step whose module she completed (path_steps aliased `ps`). */
const MODULE_DONE = sql`(ps.kind = 'module' and exists (select 1 from module_progress mp where mp.user_id = ps.user_id and mp.module_id = ps.module_id and ${inArray(sql`mp.status`, DONE_STATUSES)}))`;
/** A step still to do: what can be late (path_steps aliased `ps`; the partial index path_steps_open holds them). */
const OPEN_STEP = sql`ps.removed_at is null and ps.done_at is null and ps.validated_at is null and not ${MODULE_DONE}`;

/**
 * Her number of late steps on `today` (users aliased `u`), exact: the triggers keep users.steps_late for
 * the day late_as_of, which still holds while no open step has fallen due since (next_due_on); else the
 * steps are counted here.
 */
function lateOn(today: string) {
  return sql`(case when u.next_due_on < ${today} or u.late_as_of > ${today}
    then (select count(*) from path_steps ps where ps.user_id = u.id and ${OPEN_STEP} and ps.due_date < ${today})
    else u.steps_late end)`;
}

/**
 * Brings the kept late counts to `today` for the people whose count has aged (an open step fell due since
 * it was counted): once a day per person at most, one indexed probe otherwise. Sorting and filtering on
 * lateness then read users.steps_late from an index. A failure is logged; the counts shown stay exact.
 */
export async function refreshLateCounts(today: string) {
  const db = getDb();
  const stale = sql`(next_due_on < ${today} or late_as_of > ${today})`;
  try {
    if ((await db.all(sql`select 1 from users where ${stale} limit 1`)).length === 0) return;
    await db.run(sql`update users set late_as_of = ${today},
      steps_late = (select count(*) from path_steps ps where ps.user_id = users.id and ${OPEN_STEP} and ps.due_date < ${today}),
      next_due_on = (select min(ps.due_date) from path_steps ps where ps.user_id = users.id and ${OPEN_STEP} and ps.due_date >= ${today})
      where ${stale}`);
  } catch (error) {
    console.error("mise à jour des retards impossible :", error);
  }
}

/** Who is in the table: the active learners of her services, with the filters asked for (users `u`). */
function teamWhere(q: Omit<TeamQuery, "page" | "pageSize" | "sort" | "direction">): SQL {
  const services = sql.join(
    q.serviceIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const where = [sql`u.role = 'learner'`, sql`u.deactivated_at is null`, sql`u.service_id in (${services})`];
  if (q.service) where.push(sql`u.service_id = ${q.service}`);
  if (q.profile) where.push(sql`u.profile = ${q.profile}`);
  if (q.status === "en_retard") where.push(sql`u.steps_late > 0`);
  if (q.status === "a_jour") where.push(sql`u.steps_total > 0 and u.steps_late = 0 and u.steps_done < u.steps_total`);
  if (q.status === "termine") where.push(sql`u.steps_total > 0 and u.steps_done = u.steps_total`);
  if (q.status === "sans_parcours") where.push(sql`u.steps_total = 0`);
  if (q.status === "sans_tutrice")
    where.push(sql`u.profile = 'nouvelle_recrue' and not exists (select 1 from tutor_assignments a where a.learner_id = u.id and a.ended_at is null)`);
  return sql.join(where, sql` and `);
}

/** One term of the order: ascending or descending; `nullable` terms put their nulls first, as SQLite does. */
type Term = { expr: SQL; desc: boolean; nullable?: boolean };

/**
 * The order asked, as SQL terms: the key, then the name (ascending, as always), then the row: a total
 * order, which the index of `source` gives without sorting the team.
 */
function orderTerms(q: Pick<TeamQuery, "sort" | "direction">): Term[] {
  const desc = q.direction === "desc";
  const then: Term[] = [
    { expr: sql`u.name`, desc: false },
    { expr: sql`u.rowid`, desc: false },
  ];
  switch (q.sort) {
    case "nom":
      return [
        { expr: sql`u.name`, desc },
        { expr: sql`u.rowid`, desc },
      ];
    case "service":
      return [{ expr: sql`s.name`, desc }, { expr: sql`s.id`, desc }, ...then];
    case "arrivee":
      return [{ expr: sql`u.hire_date`, desc, nullable: true }, ...then];
    case "progression":
      return [{ expr: PATH_PROGRESS, desc }, ...then];
    case "retard":
      return [{ expr: sql`u.steps_late`, desc }, ...then];
  }
}

/**
 * Where the page is read from: the index whose order is the order asked (named, so that SQLite walks it
 * and stops at the page rather than sorting the whole team; a descending key has its own index).
 */
function source(q: Pick<TeamQuery, "sort" | "direction">): SQL {
  const desc = q.direction === "desc" ? "_desc" : "";
  switch (q.sort) {
    case "nom":
      return sql`users u indexed by users_by_name`;
    case "service":
      return sql`services s indexed by services_name join users u indexed by users_in_service on u.service_id = s.id`;
    case "arrivee":
      return sql.raw(`users u indexed by users_by_hire${desc}`);
    case "progression":
      return sql.raw(`users u indexed by users_by_progress${desc}`);
    case "retard":
      return sql.raw(`users u indexed by users_by_late${desc}`);
  }
}

/** Where the people are counted: the narrowest index that holds the filter asked. */
function counting(q: Pick<TeamQuery, "status">): SQL {
  if (q.status === "sans_tutrice") return sql`users u indexed by users_recruits`;
  if (q.status) return sql`users u indexed by users_in_service`;
  return sql`users u indexed by users_service`;
}

const orderBy = (terms: Term[], columns: SQL[], reverse = false) =>
  sql.join(
    terms.map((t, i) => sql`${columns[i]!} ${sql.raw(t.desc !== reverse ? "desc" : "asc")}`),
    sql`, `,
  );

/** Where a batch ends, to read the next one after it (keyset pagination): the values of its order terms. */
export type TeamCursor = (string | number | null)[];

/** The people after `cursor` in the order of `terms` (a null sorts first). */
function after(terms: Term[], cursor: TeamCursor): SQL {
  const same = (t: Term, v: string | number | null) => (v === null ? sql`${t.expr} is null` : sql`${t.expr} = ${v}`);
  const past = (t: Term, v: string | number | null) => {
    if (v === null) return t.desc ? sql`0` : sql`${t.expr} is not null`;
    if (!t.desc) return sql`${t.expr} > ${v}`;
    return t.nullable ? sql`(${t.expr} < ${v} or ${t.expr} is null)` : sql`${t.expr} < ${v}`;
  };
  const branches = terms.map((t, i) => sql.join([...terms.slice(0, i).map((u, j) => same(u, cursor[j]!)), past(t, cursor[i]!)], sql` and `));
  // The same bound on the first term alone, which SQLite can seek to in the index instead of walking to it.
  const [first] = terms;
  const start = cursor[0];
  const seek =
    first && start !== null && start !== undefined && !(first.desc && first.nullable)
      ? sql` and ${first.expr} ${sql.raw(first.desc ? "<=" : ">=")} ${start}`
      : sql``;
  return sql`(${sql.join(
    branches.map((b) => sql`(${b})`),
    sql` or `,
  )})${seek}`;
}

/** A page (offset, possibly read from the end) or a batch (after a cursor). */
type Window = { limit: number; offset?: number; after?: TeamCursor; reverse?: boolean };

/**
 * One statement: the people of one page (or batch), read in order from an index and cut there, then
 * their service, tutor, completed modules and kept figures.
 */
async function selectTeam(q: Omit<TeamQuery, "page" | "pageSize">, w: Window): Promise<{ row: TeamRow; completedModules: string[]; cursor: TeamCursor }[]> {
  const terms = orderTerms(q);
  const o = terms.map((_, i) => sql.raw(`o${i}`));
  const keys = (columns: SQL[]) =>
    sql.join(
      terms.map((t, i) => sql`${columns[i]!} as ${o[i]!}`),
      sql`, `,
    );
  const where = w.after ? sql`${teamWhere(q)} and ${after(terms, w.after)}` : teamWhere(q);
  const columns = sql`u.id, u.name, u.email, u.profile, u.hire_date, s.name as service,
      (select t.name from tutor_assignments a join users t on t.id = a.tutor_id where a.learner_id = u.id and a.ended_at is null limit 1) as tutor,
      u.steps_total, u.steps_done, ${lateOn(q.today)} as steps_late, u.steps_awaiting,
      (select group_concat(mp.module_id, char(31)) from module_progress mp where mp.user_id = u.id and ${inArray(sql`mp.status`, DONE_STATUSES)}) as completed,
      u.last_active_at`;
  const withService = q.sort === "service" ? sql`` : sql`left join services s on s.id = u.service_id`;
  const rows = await getDb().all<Record<string, string | number | null>>(
    w.offset === undefined
      ? // A batch after a cursor: straight from the index, in order, up to the limit.
        sql`select ${keys(terms.map((t) => t.expr))}, ${columns}
          from ${source(q)} ${withService}
          where ${where}
          order by ${orderBy(terms, o, w.reverse)}
          limit ${w.limit}`
      : // A page: the people skipped are only stepped over (in the index), their columns never computed.
        sql`
          with page as materialized (
            select u.rowid as rid, ${keys(terms.map((t) => t.expr))}
            from ${source(q)}
            where ${where}
            order by ${orderBy(terms, o, w.reverse)}
            limit ${w.limit} offset ${w.offset}
          )
          select ${keys(o.map((c) => sql`page.${c}`))}, ${columns}
          from page
          join users u on u.rowid = page.rid
          left join services s on s.id = u.service_id
          order by ${orderBy(
            terms,
            o.map((c) => sql`page.${c}`),
          )}`,
  );
  return rows.map((r) => {
    const completedModules = r.completed ? String(r.completed).split("\u001f") : [];
    return {
      cursor: terms.map((_, i) => r[`o${i}`] ?? null),
      completedModules,
      row: {
        id: String(r.id),
        name: String(r.name),
        email: String(r.email),
        profile: r.profile as string | null,
        hireDate: r.hire_date as string | null,
        service: r.service as string | null,
        tutor: r.tutor as string | null,
        stepsTotal: Number(r.steps_total),
        stepsDone: Number(r.steps_done),
        stepsLate: Number(r.steps_late),
        awaiting: Number(r.steps_awaiting),
        modulesDone: completedModules.length,
        lastActivity: r.last_active_at as string | null,
      },
    };
  });
}

/** A page or batch of the table: its people, and the modules each of them completed (by id). */
export type TeamSlice = { rows: TeamRow[]; completed: Map<string, string[]> };

const slice = (rows: Awaited<ReturnType<typeof selectTeam>>): TeamSlice => ({
  rows: rows.map((r) => r.row),
  completed: new Map(rows.map((r) => [r.row.id, r.completedModules])),
});

/**
 * One page of the team table and the number of people in it, read from indexes on the figures kept per
 * person: the cost follows the page, not the establishment. Three statements, after the probe of
 * refreshLateCounts (and its update, the first time in the day).
 */
export async function listTeam(q: TeamQuery): Promise<TeamSlice & { total: number }> {
  if (q.serviceIds.length === 0) return { rows: [], completed: new Map(), total: 0 };
  await refreshLateCounts(q.today);
  const [counted] = await getDb().all<{ n: number }>(sql`select count(*) as n from ${counting(q)} where ${teamWhere(q)}`);
  const total = counted?.n ?? 0;
  const offset = (q.page - 1) * q.pageSize;
  const limit = Math.min(q.pageSize, total - offset);
  if (limit <= 0) return { rows: [], completed: new Map(), total };
  // Past the middle, the page is read from the end of the list: fewer people to step over.
  const reverse = total - offset < offset + limit;
  const rows = await selectTeam(q, reverse ? { limit, offset: total - offset - limit, reverse } : { limit, offset });
  return { ...slice(rows), total };
}

/**
 * Every person of the table, in its order, `batchSize` at a time (keyset pagination: each batch starts
 * after the last one's position): memory stays flat whatever the establishment's size.
 */
export async function* teamBatches(q: Omit<TeamQuery, "page" | "pageSize">, batchSize = 500): AsyncGenerator<TeamSlice> {
  if (q.serviceIds.length === 0) return;
  await refreshLateCounts(q.today);
  let cursor: TeamCursor | undefined;
  for (;;) {
    const rows = await selectTeam(q, { limit: batchSize, after: cursor });
    if (rows.length > 0) yield slice(rows);
    if (rows.length < batchSize) return;
    cursor = rows[rows.length - 1]!.cursor;
  }
}

/**
 * The staff around the team table: the active tutors of her services with their number of mentees,
 * and how many new recruits have no tutor (after a tutor left, for instance). Two statements.
 */
export async function staffOverview(serviceIds: string[]) {
  if (serviceIds.length === 0) return { tutors: [], withoutTutor: 0 };
  const db = getDb();
  const ids = sql.join(
    serviceIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const [tutors, [orphans]] = await Promise.all([
    db.all<{ id: string; name: string; service: string | null; mentees: number }>(sql`
      select u.id, u.name, s.name as service,
        (select count(*) from tutor_assignments a where a.tutor_id = u.id and a.ended_at is null) as mentees
      from users u left join services s on s.id = u.service_id
      where u.role = 'tutor' and u.service_id in (${ids}) and u.deactivated_at is null
      order by u.name`),
    db.all<{ n: number }>(sql`
      select count(*) as n from users u indexed by users_recruits
      where u.role = 'learner' and u.profile = 'nouvelle_recrue' and u.service_id in (${ids}) and u.deactivated_at is null
        and not exists (select 1 from tutor_assignments a where a.learner_id = u.id and a.ended_at is null)`),
  ]);
  return { tutors, withoutTutor: orphans?.n ?? 0 };
}

export type GlanceItem = { id: string; name: string; detail: string };

/**
 * The cadre's home: her team at a glance, each list short (the first few, with the total): people with
 * late steps, certificates to renew within `renewWithinDays`, people inactive for `inactiveDays`, and
 * arrivals of the month. Active learners of her services only; four statements whatever the team size,
 * each read from an index (the kept figures of users, certificates by end of validity), never from the
 * activity tables themselves.
 */
export async function teamAtAGlance({
  serviceIds,
  today,
  renewWithinDays = 90,
  inactiveDays = 30,
  limit = 5,
}: {
  serviceIds: string[];
  today: string;
  renewWithinDays?: number;
  inactiveDays?: number;
  limit?: number;
}) {
  const empty = { items: [] as GlanceItem[], total: 0 };
  if (serviceIds.length === 0) return { late: empty, renewals: empty, inactive: empty, arrivals: empty };
  const db = getDb();
  const ids = sql.join(
    serviceIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const people = sql`u.role = 'learner' and u.deactivated_at is null and u.service_id in (${ids})`;
  const day = (offset: number) => new Date(Date.parse(`${today}T12:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  const month = today.slice(0, 7);
  const cutoff = day(-inactiveDays);
  const nextMonth = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 1)).toISOString().slice(0, 7);
  type Row = { id: string; name: string; n: number | null; title: string | null; at: string | null; total: number };
  await refreshLateCounts(today);
  const [lateRows, renewals, inactive, arrivals] = await Promise.all([
    // The late counts kept per person, brought up to date just above (index users_by_late_desc).
    db.all<Row>(sql`
      select u.id, u.name, u.steps_late as n, null as title, null as at, count(*) over () as total
      from users u indexed by users_by_late_desc
      where ${people} and u.steps_late > 0
      order by u.steps_late desc, u.name limit ${limit}`),
    db.all<Row>(sql`
      select u.id, u.name, null as n, c.title, c.valid_until as at, count(*) over () as total
      from certificates c indexed by certificates_valid_until cross join users u on u.id = c.user_id
      where c.valid_until >= ${today} and c.valid_until <= ${day(renewWithinDays)} and c.revoked_at is null and c.renewed_at is null and ${people}
      order by c.valid_until, u.name limit ${limit}`),
    // Inactive: no activity (users.last_active_at, kept by triggers) since the cutoff, and an account older than
    // that. Two index ranges of users_last_active: never active, active long ago.
    db.all<Row>(sql`
      select id, name, null as n, null as title, at, count(*) over () as total from (
        select u.id, u.name, u.created_at as at from users u indexed by users_last_active
        where ${people} and u.last_active_at is null and u.created_at < ${cutoff}
        union all
        select u.id, u.name, max(u.last_active_at, u.created_at) as at from users u indexed by users_last_active
        where ${people} and u.last_active_at < ${cutoff} and u.created_at < ${cutoff})
      order by at, name limit ${limit}`),
    db.all<Row>(sql`
      select u.id, u.name, null as n, null as title, u.hire_date as at, count(*) over () as total
      from users u indexed by users_by_hire where ${people} and u.hire_date >= ${month} and u.hire_date < ${nextMonth}
      order by u.hire_date, u.name limit ${limit}`),
  ]);
  const pack = (rows: Row[], detail: (r: Row) => string) => ({
    items: rows.map((r) => ({ id: r.id, name: r.name, detail: detail(r) })),
    total: rows[0]?.total ?? 0,
  });
  return {
    late: pack(lateRows, (r) => (r.n === 1 ? "1 étape en retard" : `${r.n} étapes en retard`)),
    renewals: pack(renewals, (r) => `${r.title} : valable jusqu'au ${formatDay(r.at!)}`),
    inactive: pack(inactive, (r) => `dernière activité le ${formatDay(r.at!)}`),
    arrivals: pack(arrivals, (r) => `arrivée le ${formatDay(r.at!)}`),
  };
}
