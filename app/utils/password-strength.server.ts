// Refuses guessable passwords when an account chooses one: zxcvbn's estimate with the common and French
// dictionaries, plus the person's own name and e-mail address, with a French explanation of why.
// Server only: the dictionaries weigh several megabytes and must never reach the browser bundle.
import { createRequire } from "node:module";
import type { MatchExtended, ZxcvbnFactory } from "@zxcvbn-ts/core";

export type PasswordStrength = { ok: true } | { ok: false; message: string };

/** Below this zxcvbn score (0 to 4), a password is refused. 3 = "safely unguessable" against online attacks. */
export const MIN_SCORE = 3;
const MIN_LENGTH = 12;

export const PASSWORD_HINT = "Une phrase de quatre ou cinq mots sans rapport entre eux est facile à retenir et difficile à deviner.";

// The language packages decompress their word lists as soon as they are imported (~150 ms) and the factory
// ranks them (~150 ms more): both happen on the first check only, once per process, not at server start.
// A `require` made with `createRequire` (rather than `import()`) keeps `checkPasswordStrength` synchronous.
let factory: ZxcvbnFactory | null = null;
function zxcvbn(): ZxcvbnFactory {
  if (factory) return factory;
  const load = createRequire(import.meta.url);
  const { ZxcvbnFactory } = load("@zxcvbn-ts/core") as typeof import("@zxcvbn-ts/core");
  const common = load("@zxcvbn-ts/language-common") as typeof import("@zxcvbn-ts/language-common");
  const fr = load("@zxcvbn-ts/language-fr") as typeof import("@zxcvbn-ts/language-fr");
  factory = new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...fr.dictionary },
    graphs: common.adjacencyGraphs,
    // No `translations`: the feedback then holds the warning keys, which `WARNINGS` turns into French below.
    // The check runs on the event loop: with the defaults (256 characters, 100 l33t substitutions), a long
    // random password takes seconds; with these, 200 random characters take ~0.2 s and the scores of
    // ordinary passwords do not change (64 characters that are not weak are strong anyway).
    maxLength: 64,
    l33tMaxSubstitutions: 20,
  });
  return factory;
}

/** Lower case, without accents: "Hélène" and "HELENE" both become "helene". */
/** Letters that carry their accent in themselves (no decomposition): « Łucja » must match « lucja ». */
const LETTERS: Record<string, string> = { ł: "l", ø: "o", đ: "d", ħ: "h", ı: "i", æ: "ae", œ: "oe", ß: "ss", þ: "th" };
function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[łøđħıæœßþ]/g, (c) => LETTERS[c]!);
}
/** `fold` without anything but letters and digits: "Camille.Martin" becomes "camillemartin". */
function compact(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]/gu, "");
}

/** What zxcvbn's warnings mean, as the end of "Ce mot de passe est trop facile à deviner : …". */
const WARNINGS: Record<string, string> = {
  straightRow: "c'est une suite de touches voisines sur le clavier (comme « azerty »)",
  keyPattern: "il reprend un motif de touches voisines sur le clavier",
  simpleRepeat: "c'est un même caractère répété (comme « aaaa »)",
  extendedRepeat: "c'est une même suite de caractères répétée (comme « abcabc »)",
  sequences: "c'est une suite évidente de lettres ou de chiffres (comme « abcd » ou « 1234 »)",
  recentYears: "il repose sur une année récente",
  dates: "il repose sur une date",
  topTen: "il fait partie des mots de passe les plus utilisés",
  topHundred: "il fait partie des mots de passe les plus utilisés",
  common: "il fait partie des mots de passe les plus utilisés",
  similarToCommon: "il ressemble à l'un des mots de passe les plus utilisés",
  wordByItself: "ce n'est qu'un mot du dictionnaire",
  namesByThemselves: "il repose sur un prénom ou un nom de famille",
  commonNames: "il repose sur des prénoms ou des noms de famille courants",
  userInputs: "il contient des informations qui vous concernent",
  pwned: "il a déjà circulé après une fuite de données",
};

/** What a weak piece of a password is, to say what the password is made of; null for the random-looking pieces. */
function piece(match: MatchExtended): string | null {
  switch (match.pattern) {
    case "dictionary":
      if (String(match.dictionaryName).startsWith("passwords")) return "l'un des mots de passe les plus utilisés";
      if (match.dictionaryName === "userInputs") return "des informations qui vous concernent";
      return "word";
    case "wordSequence":
      return "word";
    case "spatial":
      return "une suite de touches voisines sur le clavier";
    case "repeat":
      return "une répétition";
    case "sequence":
      return "une suite évidente de lettres ou de chiffres";
    case "date":
      return "une date";
    case "regex":
      return match.regexName === "recentYear" ? "une année" : null;
    default:
      return null; // bruteforce, separator
  }
}

/** When zxcvbn gives no warning (several weak pieces): "il repose sur un mot courant et une année". */
function reasonFromSequence(sequence: MatchExtended[]): string {
  const pieces = sequence.map(piece).filter((p): p is string => p !== null);
  const words = pieces.filter((p) => p === "word").length;
  const kinds = [...new Set(pieces.map((p) => (p === "word" ? (words > 1 ? "des mots courants" : "un mot courant") : p)))];
  if (!kinds.length) return "il est trop court ou trop prévisible";
  const list = kinds.length === 1 ? kinds[0]! : `${kinds.slice(0, -1).join(", ")} et ${kinds.at(-1)!}`;
  return `il repose sur ${list}`;
}

const refuse = (why: string): PasswordStrength => ({ ok: false, message: `${why} ${PASSWORD_HINT}` });
const identifying = (what: string) => refuse(`Ce mot de passe contient ${what} : choisissez-en un qui ne permette pas de vous identifier.`);

/**
 * Whether a new password is strong enough for this person. Spaces at either end count for nothing:
 * a password is judged without them (12 spaces are refused, "  aaaaaaaaaaaa " too).
 */
export function checkPasswordStrength(password: string, context: { email: string; name: string }): PasswordStrength {
  const trimmed = password.trim();
  if (!trimmed) return refuse("Ce mot de passe ne contient que des espaces, il serait deviné aussitôt.");
  if ([...trimmed].length < MIN_LENGTH) return refuse(`Sans les espaces du début et de la fin, ce mot de passe compte moins de ${MIN_LENGTH} caractères.`);

  const folded = fold(password);
  const compacted = compact(password);
  const localPart = context.email.trim().split("@")[0] ?? "";
  const localCompact = compact(localPart);
  if (localPart.length >= 3 && (folded.includes(fold(localPart)) || (localCompact.length >= 3 && compacted.includes(localCompact)))) {
    return identifying(`« ${localPart} », le début de votre adresse e-mail`);
  }
  // Each piece of the address too: « j.dupont » → « dupont ».
  const localPiece = localPart.split(/[^\p{L}\p{N}]+/u).find((part) => fold(part).length >= 3 && folded.includes(fold(part)));
  if (localPiece) return identifying(`« ${localPiece} », qui fait partie de votre adresse e-mail`);
  const nameParts = context.name.split(/[^\p{L}\p{M}]+/u).filter((part) => fold(part).length >= 3);
  const found = nameParts.find((part) => folded.includes(fold(part)));
  if (found) return identifying(`« ${found} », qui fait partie de votre nom`);

  const userInputs = [context.email, localPart, ...localPart.split(/[^\p{L}\p{N}]+/u), context.name, ...nameParts].filter((v) => v.length >= 3);
  const result = zxcvbn().check(trimmed, [...new Set([...userInputs, ...userInputs.map(fold)])]);
  if (result.score >= MIN_SCORE) return { ok: true };
  const warning = result.feedback.warning ? WARNINGS[result.feedback.warning] : undefined;
  return refuse(`Ce mot de passe est trop facile à deviner : ${warning ?? reasonFromSequence(result.sequence)}.`);
}
