// Labels of the three official knowledge levels (fiche métier 40L20): defined in ./vocabulary.
export { LEVEL_LABELS, LEVELS as LEVEL_ORDER } from "./vocabulary";
