// Modules updated since a learner completed them.
import { and, eq, inArray } from "drizzle-orm";
import { DONE_STATUSES, moduleProgress } from "../../db/schema";
import { getModule } from "~/content/modules.server";
import { changesSince, needsUpdate } from "~/domain/updates";
import { getDb } from "~/utils/db.server";

/** Her modules updated (new major version) since she completed them; only `moduleId` when given. */
export async function listUpdates({ userId, moduleId }: { userId: string; moduleId?: string }) {
  const rows = await getDb()
    .select({ moduleId: moduleProgress.moduleId, moduleVersion: moduleProgress.moduleVersion })
    .from(moduleProgress)
    .where(and(eq(moduleProgress.userId, userId), inArray(moduleProgress.status, DONE_STATUSES), moduleId ? eq(moduleProgress.moduleId, moduleId) : undefined));
  return rows.flatMap((r) => {
    const m = getModule(r.moduleId);
    if (!m || !needsUpdate(r.moduleVersion, m.frontmatter.version)) return [];
    return [
      {
        id: m.frontmatter.id,
        title: m.frontmatter.title,
        from: r.moduleVersion,
        to: m.frontmatter.version,
        competencies: m.frontmatter.competencies,
        changes: changesSince(m.frontmatter.changelog, r.moduleVersion),
      },
    ];
  });
}

/** Her pending update of one module, if its major version rose since she completed it. */
export async function pendingUpdate({ userId, moduleId }: { userId: string; moduleId: string }) {
  return (await listUpdates({ userId, moduleId }))[0] ?? null;
}
