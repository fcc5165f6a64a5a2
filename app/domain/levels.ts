// Labels of the three official knowledge levels (fiche métier 40L20).
export const LEVEL_LABELS = {
  generales: "Connaissances générales",
  operationnelles: "Connaissances opérationnelles",
  approfondies: "Connaissances approfondies",
} as const;
export const LEVEL_ORDER = ["generales", "operationnelles", "approfondies"] as const;
