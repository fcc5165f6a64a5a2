// Progress rules for modules, with no I/O.
import { DONE_STATUSES, type ModuleStatus } from "./vocabulary";

export type ProgressRow = { moduleId: string; status: ModuleStatus; bestScore: number | null; attemptsCount: number };
export type ModuleState = "non_commence" | ModuleStatus;

export const MODULE_STATE_LABELS: Record<ModuleState, string> = {
  non_commence: "Non commencé",
  en_cours: "En cours",
  lu: "Lu, quiz à réussir",
  acquis: "Acquis (test de positionnement)",
  termine: "Terminé",
};

export type ProgressEvent = "open" | "read" | "positioned" | "quiz_failed" | "quiz_passed";

/** Done: completed, or shown as mastered in a positioning test. */
export const isDone = (state: ModuleState) => (DONE_STATUSES as readonly string[]).includes(state);

export function moduleState(row: ProgressRow | undefined): ModuleState {
  return row?.status ?? "non_commence";
}

/** The status after an event; never goes backwards (a passed module stays done). */
export function nextStatus(current: ModuleStatus | undefined, event: ProgressEvent): ModuleStatus {
  const rank: Record<ModuleStatus, number> = { en_cours: 0, lu: 1, acquis: 2, termine: 3 };
  const target: ModuleStatus = event === "quiz_passed" ? "termine" : event === "positioned" ? "acquis" : event === "read" ? "lu" : "en_cours";
  if (!current) return target;
  return rank[target] > rank[current] ? target : current;
}

export function bestOf(previous: number | null | undefined, score: number): number {
  return previous == null ? score : Math.max(previous, score);
}

export type ProgressSummary = { total: number; done: number; started: number; percent: number };

export function summarize(moduleIds: string[], rows: ProgressRow[]): ProgressSummary {
  const byId = new Map(rows.map((r) => [r.moduleId, r]));
  const states = moduleIds.map((id) => moduleState(byId.get(id)));
  const done = states.filter(isDone).length;
  const started = states.filter((s) => s !== "non_commence").length;
  return { total: moduleIds.length, done, started, percent: moduleIds.length ? Math.round((done / moduleIds.length) * 100) : 0 };
}
