// Rules of the integration path: due dates, step status, lateness, summaries, and how a service's
// local steps are merged into paths already in progress. Pure functions, no I/O.

export const DAY_MS = 86_400_000;

/**
 * ISO date (YYYY-MM-DD) of hire date + n days, computed in UTC so that it never drifts with time zones.
 * Never before `notBefore` (the day her account was created): nobody is late on a step that was due
 * before Pivot knew her.
 */
export function dueDateFrom(hireDate: string, dueDay: number, notBefore?: string): string {
  const base = Date.parse(`${hireDate}T00:00:00Z`);
  if (Number.isNaN(base)) throw new Error(`invalid hire date: ${hireDate}`);
  const due = new Date(base + dueDay * DAY_MS).toISOString().slice(0, 10);
  return notBefore && notBefore > due ? notBefore : due;
}


export type StepProgress = {
  dueDate: string;
  requiresTutor: boolean;
  doneAt: string | null;
  validatedAt: string | null;
  /** For module steps: the module is completed (quiz passed). */
  moduleCompleted?: boolean;
  kind?: string;
};

export const STEP_STATUSES = {
  termine: "Terminé",
  a_valider: "À valider par la tutrice",
  en_retard: "En retard",
  a_faire: "À faire",
} as const;
export type StepStatus = keyof typeof STEP_STATUSES;

/** A module step is done when its module is completed; other steps when the learner (or tutor) marks them. */
export function isDone(step: StepProgress): boolean {
  return step.kind === "module" ? Boolean(step.moduleCompleted) || Boolean(step.doneAt) : Boolean(step.doneAt) || Boolean(step.validatedAt);
}

/** A step counts when it is done and, if it needs the tutor, validated by her. */
export function counts(step: StepProgress): boolean {
  return isDone(step) && (!step.requiresTutor || Boolean(step.validatedAt));
}

export function stepStatus(step: StepProgress, today: string): StepStatus {
  if (counts(step)) return "termine";
  if (isDone(step)) return "a_valider";
  return step.dueDate < today ? "en_retard" : "a_faire";
}

/** Whole days a step is late (0 when not late). */
export function daysLate(step: StepProgress, today: string): number {
  if (stepStatus(step, today) !== "en_retard") return 0;
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${step.dueDate}T00:00:00Z`)) / DAY_MS);
}

export type PathSummary = { total: number; done: number; late: number; awaiting: number; percent: number };

export function summarizePath(steps: StepProgress[], today: string): PathSummary {
  let done = 0;
  let late = 0;
  let awaiting = 0;
  for (const s of steps) {
    const status = stepStatus(s, today);
    if (status === "termine") done++;
    else if (status === "en_retard") late++;
    else if (status === "a_valider") awaiting++;
  }
  const total = steps.length;
  return { total, done, late, awaiting, percent: total ? Math.round((done * 100) / total) : 0 };
}

/** Steps waiting for the tutor, most urgent first (oldest due date, then oldest completion). */
export function awaitingValidation<T extends StepProgress>(steps: T[]): T[] {
  return steps
    .filter((s) => isDone(s) && s.requiresTutor && !s.validatedAt)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || (a.doneAt ?? "").localeCompare(b.doneAt ?? ""));
}

/** A step as defined by a service (local steps) or by the template, ready to be copied into a path. */
export type StepDefinition = {
  key: string;
  phase: string;
  position: number;
  kind: string;
  title: string;
  description: string;
  link: string | null;
  contact: string | null;
  module: string | null;
  fiche: string | null;
  dueDay: number;
  requiresTutor: boolean;
};

/** A step already in a learner's path. */
export type ExistingStep = { id: string; key: string; doneAt: string | null; validatedAt: string | null; removedAt: string | null };

export type MergePlan = {
  insert: StepDefinition[];
  update: { id: string; definition: StepDefinition }[];
  remove: string[];
};

/**
 * How a path in progress follows its service's local steps (keys starting with "service:") without
 * losing anything: new steps are added, steps not yet done take the new wording and due day, steps
 * removed by the service disappear only if nothing was done on them. Template steps are untouched.
 */
export function planServiceMerge(existing: ExistingStep[], serviceSteps: StepDefinition[]): MergePlan {
  const byKey = new Map(existing.filter((e) => e.key.startsWith("service:")).map((e) => [e.key, e]));
  const wanted = new Set(serviceSteps.map((s) => s.key));
  const plan: MergePlan = { insert: [], update: [], remove: [] };
  for (const def of serviceSteps) {
    const current = byKey.get(def.key);
    if (!current || current.removedAt) {
      if (!current) plan.insert.push(def);
      else plan.update.push({ id: current.id, definition: def }); // brought back
    } else if (!current.doneAt && !current.validatedAt) plan.update.push({ id: current.id, definition: def });
  }
  for (const [key, current] of byKey)
    if (!wanted.has(key) && !current.removedAt && !current.doneAt && !current.validatedAt) plan.remove.push(current.id);
  return plan;
}

/** Number of distinct days among observations, as the referential asks for "different situations". */
export function distinctObservationDays(observedOn: string[]): number {
  return new Set(observedOn).size;
}

const LEVEL_RANK = { generales: 0, operationnelles: 1, approfondies: 2 } as const;
export type Level = keyof typeof LEVEL_RANK;

/**
 * For one competency and level that the referential assesses by observation: how many distinct days of
 * observation at that level or above are recorded (corrected validations excluded), and how many remain.
 */
export function observationProgress(
  validations: { competencyId: string; level: Level; observedOn: string; supersededAt: string | null }[],
  competencyId: string,
  level: Level,
  required: number,
) {
  const days = distinctObservationDays(
    validations.filter((v) => v.competencyId === competencyId && !v.supersededAt && LEVEL_RANK[v.level] >= LEVEL_RANK[level]).map((v) => v.observedOn),
  );
  return { observed: Math.min(days, required), required, remaining: Math.max(0, required - days), met: days >= required };
}
