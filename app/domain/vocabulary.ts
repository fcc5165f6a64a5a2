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
