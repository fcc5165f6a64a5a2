// Pinned fiches réflexes ("mes fiches"), always scoped by their owner.
import { and, desc, eq } from "drizzle-orm";
import { pinnedFiches } from "../../db/schema";
import { getDb } from "~/utils/db.server";

export async function listPinned(userId: string): Promise<string[]> {
  const rows = await getDb()
    .select({ ficheId: pinnedFiches.ficheId })
    .from(pinnedFiches)
    .where(eq(pinnedFiches.userId, userId))
    .orderBy(desc(pinnedFiches.pinnedAt));
  return rows.map((r) => r.ficheId);
}

export async function pin({ userId, ficheId }: { userId: string; ficheId: string }) {
  await getDb().insert(pinnedFiches).values({ userId, ficheId }).onConflictDoNothing();
}

export async function unpin({ userId, ficheId }: { userId: string; ficheId: string }) {
  await getDb()
    .delete(pinnedFiches)
    .where(and(eq(pinnedFiches.userId, userId), eq(pinnedFiches.ficheId, ficheId)));
}
