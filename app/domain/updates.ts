// Content updates: a module whose major version rose since a learner completed it needs refreshing.
const major = (version: string) => Number(version.split(".")[0] ?? 0);

const compare = (a: string, b: string) => {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
};

/** A new major version (new regulation, new tool) asks for an update; minor ones (typos, wording) do not. */
export function needsUpdate(completedVersion: string, currentVersion: string): boolean {
  return major(currentVersion) > major(completedVersion);
}

/** The changelog entries newer than the completed version, newest first. */
export function changesSince<T extends { version: string }>(changelog: T[], completedVersion: string): T[] {
  return changelog.filter((c) => compare(c.version, completedVersion) > 0).sort((a, b) => compare(b.version, a.version));
}

/**
 * The questions of the short update quiz for someone who completed `completedVersion`: those the changelog
 * entries since then name, or the whole bank when they name none.
 */
export function updateQuizPool<Q extends { id: string }>(changelog: { version: string; questions?: string[] }[], completedVersion: string, bank: Q[]): Q[] {
  const named = new Set(changesSince(changelog, completedVersion).flatMap((c) => c.questions ?? []));
  const pool = bank.filter((q) => named.has(q.id));
  return pool.length ? pool : bank;
}
