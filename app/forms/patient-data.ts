// The no-patient-data reminder, shown on the pages where free text is typed. No zod here: the pages
// import it for their markup, while the schemas that refuse such text stay on the server
// (app/forms/integration.server.ts).

/** Pivot holds training data only: free text written by a person must not carry a patient's identifier. */
export const NO_PATIENT_DATA_MESSAGE = "Ce texte semble contenir un numéro de sécurité sociale : Pivot ne doit contenir aucune donnée de patient. Retirez-le avant d'enregistrer.";
/** The reminder shown on the forms where such text is typed. */
export const NO_PATIENT_DATA_HINT = "Aucune donnée de patient (nom, numéro de sécurité sociale…) : ce sont des données de formation.";
