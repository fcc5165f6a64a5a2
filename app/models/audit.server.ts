// The audit log: recording entries, reading them for the journal (filtered, paginated), streaming them
// as CSV, and purging them after a year. Entries are never changed (see the triggers of migration 0010).
import { and, desc, eq, gte, inArray, lt, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { auditLog, users } from "../../db/schema";
import { AUDIT_RETENTION_DAYS, type AuditAction } from "~/domain/audit";
import { getDb } from "~/utils/db.server";
import type { Db } from "../../db/client";

export type AuditEntry = {
  action: AuditAction;
  /** Who acted; null for the platform itself or someone not signed in. */
  actorId: string | null;
  subjectId?: string | null;
  address?: string | null;
  details?: Record<string, string | number | boolean | null>;
};

type Writer = Pick<Db, "insert">;

/** Records one entry; pass the transaction's `tx` to make the entry part of the change it records. */
export async function recordAudit(entry: AuditEntry, db: Writer = getDb()) {
  await db.insert(auditLog).values({
    action: entry.action,
    actorId: entry.actorId,
    subjectId: entry.subjectId ?? null,
    address: entry.address ?? null,
    details: entry.details && Object.keys(entry.details).length > 0 ? entry.details : null,
  });
}

export type AuditFilters = {
  actions?: AuditAction[];
  /** Part of a name or an email: entries whose actor or subject matches. */
  person?: string;
  /** First instant included and first instant excluded (UTC ISO), from the Paris-day helpers. */
  from?: string;
  until?: string;
};

const actor = alias(users, "actor");
const subject = alias(users, "subject");

function whereOf(f: AuditFilters): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (f.actions?.length) conditions.push(inArray(auditLog.action, f.actions));
  if (f.from) conditions.push(gte(auditLog.at, f.from));
  if (f.until) conditions.push(lt(auditLog.at, f.until));
  if (f.person) {
    const pattern = `%${f.person.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const matches = (name: AnyColumn, email: AnyColumn) => or(sql`lower(${name}) like ${pattern} escape '\\'`, sql`${email} like ${pattern} escape '\\'`);
    conditions.push(
      or(
        matches(actor.name, actor.email),
        matches(subject.name, subject.email),
        sql`coalesce(json_extract(${auditLog.details}, '$.email'), '') like ${pattern} escape '\\'`,
      ),
    );
  }
  return and(...conditions);
}

function selectEntries(db: Db) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      actorName: actor.name,
      actorEmail: actor.email,
      subjectName: subject.name,
      subjectEmail: subject.email,
      address: auditLog.address,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .leftJoin(subject, eq(subject.id, auditLog.subjectId));
}

export type AuditRow = Awaited<ReturnType<typeof listAudit>>["rows"][number];

/** One page of the journal, newest first, and the number of matching entries. */
export async function listAudit({ filters, page, pageSize }: { filters: AuditFilters; page: number; pageSize: number }) {
  const db = getDb();
  const where = whereOf(filters);
  const [rows, [counted]] = await Promise.all([
    selectEntries(db)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ n: sql<number>`count(*)` })
      .from(auditLog)
      .leftJoin(actor, eq(actor.id, auditLog.actorId))
      .leftJoin(subject, eq(subject.id, auditLog.subjectId))
      .where(where),
  ]);
  return { rows, total: counted?.n ?? 0 };
}

/** Every matching entry, newest first, read a chunk at a time (keyset pagination): memory stays flat. */
export async function* auditEntries(filters: AuditFilters, chunk = 1000) {
  const db = getDb();
  let before = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const rows = await selectEntries(db)
      .where(and(whereOf(filters), lt(auditLog.id, before)))
      .orderBy(desc(auditLog.id))
      .limit(chunk);
    yield* rows;
    if (rows.length < chunk) return;
    before = rows[rows.length - 1]!.id;
  }
}

/** Entries about her or made by her, for her data export. */
export async function auditAbout(userId: string) {
  return getDb()
    .select({
      at: auditLog.at,
      action: auditLog.action,
      address: auditLog.address,
      details: auditLog.details,
      byHerself: sql<boolean>`${auditLog.actorId} = ${userId}`,
    })
    .from(auditLog)
    .where(or(eq(auditLog.subjectId, userId), eq(auditLog.actorId, userId)))
    .orderBy(auditLog.id);
}

/** Deletes the entries older than AUDIT_RETENTION_DAYS (the only deletion the triggers allow). */
export async function purgeAudit(now = new Date()) {
  const before = new Date(now.getTime() - AUDIT_RETENTION_DAYS * 86_400_000).toISOString();
  const gone = await getDb().delete(auditLog).where(lt(auditLog.at, before)).returning({ id: auditLog.id });
  return gone.length;
}
