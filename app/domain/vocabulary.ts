// The closed lists of values Pivot stores and shows, and their French labels: one home, imported by the
// database schema, the domain rules, the content schema and the forms. Pure: imports nothing.

export const ROLES = ["learner", "tutor", "manager", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  learner: "En formation",
  tutor: "Tutorat",
  manager: "Encadrement",
  admin: "Administration",
};

export const PROFILES = ["nouvelle_recrue", "confirmee"] as const;
export type Profile = (typeof PROFILES)[number];
export const PROFILE_LABELS: Record<Profile, string> = { nouvelle_recrue: "Nouvelle recrue", confirmee: "Secrétaire confirmée" };
/** The profile's label, or the stored value itself when it is not one of ours. */
export const profileLabel = (profile: string) => PROFILE_LABELS[profile as Profile] ?? profile;
export const PROFILE_OPTIONS = PROFILES.map((value) => ({ value, label: PROFILE_LABELS[value] }));

/** "acquis": mastered in a positioning test, so the module need not be followed (it can still be taken). */
export const MODULE_STATUSES = ["en_cours", "lu", "acquis", "termine"] as const;
export type ModuleStatus = (typeof MODULE_STATUSES)[number];
/** Statuses that count as done in every progress figure. */
export const DONE_STATUSES = ["acquis", "termine"] as const satisfies readonly ModuleStatus[];

/** The three official knowledge levels (fiche métier 40L20), lowest first. */
export const LEVELS = ["generales", "operationnelles", "approfondies"] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABELS = {
  generales: "Connaissances générales",
  operationnelles: "Connaissances opérationnelles",
  approfondies: "Connaissances approfondies",
} as const satisfies Record<Level, string>;
/** The level inside a sentence: « validé au niveau des connaissances générales ». */
export const LEVEL_NAMES: Record<Level, string> = { generales: "générales", operationnelles: "opérationnelles", approfondies: "approfondies" };

export const REVIEW_OUTCOMES = ["integration_reussie", "a_prolonger", "difficultes"] as const;

/** A block, the whole pathway, or a specialty complement (attested separately by a tutor or a cadre). */
export const CERTIFICATE_KINDS = ["bloc", "parcours", "complement"] as const;

/** What a positioning test says of a competency. */
export const POSITIONING_OUTCOMES = ["maitrisee", "a_consolider", "a_acquerir"] as const;
export type PositioningOutcome = (typeof POSITIONING_OUTCOMES)[number];

/** The cadre's team table: its sort keys and status filters (values in its URL). */
export const TEAM_SORTS = ["nom", "service", "arrivee", "progression", "retard"] as const;
export type TeamSort = (typeof TEAM_SORTS)[number];
export const TEAM_SORT_LABELS: Record<TeamSort, string> = {
  nom: "Nom",
  service: "Service",
  arrivee: "Date d'arrivée",
  progression: "Parcours",
  retard: "Retards",
};
export const TEAM_STATUSES = ["en_retard", "a_jour", "termine", "sans_parcours", "sans_tutrice"] as const;
export type TeamStatus = (typeof TEAM_STATUSES)[number];
export const TEAM_STATUS_LABELS: Record<TeamStatus, string> = {
  en_retard: "Avec des étapes en retard",
  a_jour: "Parcours à jour",
  termine: "Parcours terminé",
  sans_parcours: "Sans parcours (personnel confirmé)",
  sans_tutrice: "Sans tutrice",
};
