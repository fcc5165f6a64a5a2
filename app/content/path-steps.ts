// The kinds of step of an integration path and the rule tying a due day to its phase: plain code,
// without zod, so that the pages can use them without the template schemas (./integration-path).

export const STEP_KINDS = [
  { id: "document", label: "Lecture" },
  { id: "rencontre", label: "Rencontre" },
  { id: "acces", label: "Accès" },
  { id: "module", label: "Module" },
  { id: "fiche", label: "Fiche réflexe" },
  { id: "immersion", label: "Immersion" },
  { id: "point-etape", label: "Point d'étape" },
  { id: "rapport", label: "Rapport d'étonnement" },
  { id: "bilan", label: "Bilan" },
] as const;
export type StepKind = (typeof STEP_KINDS)[number]["id"];
export const STEP_KIND_IDS = STEP_KINDS.map((k) => k.id) as [StepKind, ...StepKind[]];

/** Why a due day does not fit its phase, in French for the cadre, or null when it fits (or the phase has no window). */
export function phaseDayProblem(phase: { title: string; days?: { from: number; to: number } } | undefined, dueDay: number): string | null {
  const w = phase?.days;
  if (!w || (dueDay >= w.from && dueDay <= w.to)) return null;
  const day = (n: number) => (n < 0 ? `${-n} jour${n < -1 ? "s" : ""} avant l'arrivée` : n === 0 ? "le jour de l'arrivée" : `le jour ${n}`);
  return `Pour la phase « ${phase!.title} », l'échéance doit être comprise entre ${day(w.from)} et ${day(w.to)} : changez la phase ou le nombre de jours.`;
}
