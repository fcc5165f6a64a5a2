// The one « next step » card at the top of a learner's home: the most useful thing to do now, among her
// path, her modules, the updates she owes and her review cards. Pure, table-tested.

export type NextStepInput = {
  /** Her path's steps not done yet, earliest due first (empty without a path). */
  steps: { id: string; title: string; dueDate: string; late: boolean }[];
  /** Modules opened but not finished, most recently touched first. */
  inProgress: { id: string; title: string; minutes: number }[];
  /** Modules changed since she completed them (a short update quiz each). */
  updates: { id: string; title: string }[];
  dueCards: number;
  /** The next module to start, in the order of her plan or of the blocks. */
  nextModule: { id: string; title: string; minutes: number } | null;
  today: string;
};

export type NextStep = {
  kind: "etape" | "module" | "mise-a-jour" | "revision" | "nouveau-module" | "rien";
  title: string;
  detail: string;
  href: string;
  action: string;
};

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);

/**
 * Priority: a late step of her path, then a module she started, then an update she owes, then review
 * cards due, then a step due within a week, then a new module. A late step comes first because someone
 * (her tutor, her cadre) is waiting for it.
 */
export function nextStep(input: NextStepInput): NextStep {
  const late = input.steps.find((s) => s.late);
  if (late)
    return {
      kind: "etape",
      title: late.title,
      detail: "Étape de votre parcours d'intégration, en retard",
      href: `/parcours#etape-${late.id}`,
      action: "Voir l'étape",
    };
  const started = input.inProgress[0];
  if (started)
    return {
      kind: "module",
      title: started.title,
      detail: `Module commencé · environ ${started.minutes} min`,
      href: `/modules/${started.id}`,
      action: "Continuer ce module",
    };
  const update = input.updates[0];
  if (update)
    return {
      kind: "mise-a-jour",
      title: update.title,
      detail: "Ce module a changé : un court quiz de mise à jour",
      href: `/modules/${update.id}/mise-a-jour`,
      action: "Passer le quiz de mise à jour",
    };
  if (input.dueCards > 0)
    return {
      kind: "revision",
      title: input.dueCards === 1 ? "1 carte à réviser" : `${input.dueCards} cartes à réviser`,
      detail: "Quelques minutes pour ne pas oublier",
      href: "/revisions",
      action: "Commencer mes révisions",
    };
  const soon = input.steps.find((s) => daysBetween(input.today, s.dueDate) <= 7);
  if (soon) {
    const days = daysBetween(input.today, soon.dueDate);
    return {
      kind: "etape",
      title: soon.title,
      detail: days <= 0 ? "Étape de votre parcours, prévue aujourd'hui" : `Étape de votre parcours, prévue dans ${days} jour${days > 1 ? "s" : ""}`,
      href: `/parcours#etape-${soon.id}`,
      action: "Voir l'étape",
    };
  }
  if (input.nextModule)
    return {
      kind: "nouveau-module",
      title: input.nextModule.title,
      detail: `Module suivant · environ ${input.nextModule.minutes} min`,
      href: `/modules/${input.nextModule.id}`,
      action: "Commencer ce module",
    };
  return {
    kind: "rien",
    title: "Vous êtes à jour",
    detail: "Rien ne presse : parcourez les fiches réflexes ou refaites un quiz pour garder la main.",
    href: "/fiches-reflexes",
    action: "Voir les fiches réflexes",
  };
}
