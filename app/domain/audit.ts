// The audit log's vocabulary: every action it records and how the journal names it (stored values in
// French, like every stored value). Pure: used by the models, the journal page and its CSV. The journal's
// query string is parsed in ./journal-query.server.ts (zod stays on the server).


export const AUDIT_LABELS = {
  connexion: "Connexion",
  connexion_refusee: "Connexion refusée (mot de passe ou adresse incorrects)",
  compte_verrouille: "Connexion bloquée (trop de tentatives)",
  connexion_compte_desactive: "Connexion refusée (compte désactivé)",
  sessions_fermees: "Autres sessions déconnectées",
  compte_cree: "Compte créé et invitation envoyée",
  invitation_renouvelee: "Nouveau lien d'invitation",
  invitation_acceptee: "Invitation acceptée (mot de passe choisi)",
  reinitialisation_demandee: "Réinitialisation du mot de passe demandée",
  mot_de_passe_reinitialise: "Mot de passe réinitialisé par lien",
  mot_de_passe_modifie: "Mot de passe modifié",
  administrateur_cree: "Administrateur créé (ligne de commande)",
  role_modifie: "Rôle modifié",
  profil_modifie: "Profil modifié",
  service_modifie: "Changement de service",
  tutrice_attribuee: "Tutrice attribuée",
  tutorat_termine: "Tutorat terminé (départ de la tutrice)",
  compte_desactive: "Compte désactivé (départ)",
  compte_reactive: "Compte réactivé",
  etape_validee: "Étape du parcours validée",
  competence_validee: "Compétence validée en situation",
  validation_corrigee: "Validation de compétence corrigée",
  complement_atteste: "Complément de spécialité attesté",
  certificat_delivre: "Certificat délivré",
  certificat_renouvele: "Certificat renouvelé",
  certificat_revoque: "Certificat révoqué",
  export_donnees: "Export de ses données personnelles",
  effacement_demande: "Suppression du compte demandée",
  effacement_annule: "Demande de suppression annulée",
  compte_efface: "Compte supprimé (données anonymisées)",
} as const;

export type AuditAction = keyof typeof AUDIT_LABELS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_LABELS) as AuditAction[];

/** The journal's filter groups, so that a DPO finds « tout ce qui touche aux certificats » in one choice. */
export const AUDIT_GROUPS: { id: string; label: string; actions: AuditAction[] }[] = [
  { id: "connexions", label: "Connexions et blocages", actions: ["connexion", "connexion_refusee", "compte_verrouille", "connexion_compte_desactive", "sessions_fermees"] },
  {
    id: "comptes",
    label: "Comptes, invitations et mots de passe",
    actions: ["compte_cree", "invitation_renouvelee", "invitation_acceptee", "reinitialisation_demandee", "mot_de_passe_reinitialise", "mot_de_passe_modifie", "administrateur_cree", "role_modifie", "profil_modifie", "service_modifie", "tutrice_attribuee", "tutorat_termine", "compte_desactive", "compte_reactive"],
  },
  { id: "validations", label: "Validations et corrections", actions: ["etape_validee", "competence_validee", "validation_corrigee", "complement_atteste"] },
  { id: "certificats", label: "Certificats", actions: ["certificat_delivre", "certificat_renouvele", "certificat_revoque"] },
  { id: "rgpd", label: "Droits RGPD (export, suppression)", actions: ["export_donnees", "effacement_demande", "effacement_annule", "compte_efface"] },
];

export function auditLabel(action: string): string {
  return (AUDIT_LABELS as Record<string, string>)[action] ?? action;
}

/** Entries are kept this long, then purged (the triggers of migration 0010 refuse any earlier deletion). */
export const AUDIT_RETENTION_DAYS = 365;

/** Details as a person reads them: « personnes suivies libérées : 2 ; motif : … ». */
export function detailsText(details: Record<string, unknown> | null | undefined): string {
  if (!details) return "";
  return Object.entries(details)
    .map(([k, v]) => `${k.replace(/_/g, " ")} : ${String(v)}`)
    .join(" ; ");
}
