// Detection of a French social-security number (NIR) in free text: only numbers whose key matches count.
import { describe, expect, it } from "vitest";
import { containsNir, findNir, nirKey } from "~/domain/nir";

/** The key, computed here independently of the code under test (BigInt, Corsica as 19/18). */
function key(body: string): string {
  const digits = body.replace(/2A/i, "19").replace(/2B/i, "18");
  return String(97n - (BigInt(digits) % 97n)).padStart(2, "0");
}
const withKey = (body: string) => body + key(body);
const wrongKey = (body: string) => body + String((Number(key(body)) % 97) + 1).padStart(2, "0");

// Keys computed by hand (and checked against the example "2 55 08 14 168 025 38" of the NIR's documentation).
const VALID = [
  "2 55 08 14 168 025 38",
  "1 84 05 75 123 456 25",
  "2 84 05 75 123 456 72",
  "1 93 01 33 045 012 43",
  "3 02 10 99 123 456 77", // temporary number
  "4 77 12 31 999 999 12",
  "8 00 01 01 001 001 43",
  "1 85 07 2A 123 045 88", // Corse-du-Sud: 2A counts as 19
  "2 87 05 2B 123 456 09", // Haute-Corse: 2B counts as 18
];

describe("the key", () => {
  it.each(VALID)("of %s is the one computed by hand", (nir) => {
    const compact = nir.replace(/ /g, "");
    expect(nirKey(compact.slice(0, 13))).toBe(Number(compact.slice(13)));
    expect(key(compact.slice(0, 13))).toBe(compact.slice(13));
  });

  it("is null for a malformed body", () => {
    expect(nirKey("12345")).toBeNull();
    expect(nirKey("18507AB123045")).toBeNull();
  });
});

describe("a valid NIR is found", () => {
  it.each(VALID)("%s, as typed with spaces, dots, dashes or nothing", (nir) => {
    const compact = nir.replace(/ /g, "");
    for (const typed of [nir, compact, nir.replace(/ /g, "."), nir.replace(/ /g, "-"), nir.replace(/ /g, "\u00a0")]) {
      expect(containsNir(typed), typed).toBe(true);
      expect(containsNir(`Patiente vue ce matin (NIR ${typed}), à rappeler.`), typed).toBe(true);
    }
  });

  it("with the Corsican department in lower case", () => {
    expect(containsNir("1 85 07 2a 123 045 88")).toBe(true);
  });

  it("with only the key set apart", () => {
    expect(containsNir("numéro 2550814168025 38")).toBe(true);
  });

  it("generated from random bodies", () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 200; i++) {
      const sex = "123478"[next() % 6]!;
      const body = sex + String(next() % 10 ** 6).padStart(6, "0") + String(next() % 10 ** 6).padStart(6, "0");
      expect(containsNir(withKey(body)), withKey(body)).toBe(true);
    }
  });

  it("findNir tells where it is and what it is", () => {
    const text = "Appeler le 06 12 34 56 78 ; NIR : 1 85 07 2a 123 045 88.";
    const found = findNir(text);
    expect(found).toEqual({ index: text.indexOf("1 85"), text: "1 85 07 2a 123 045 88", nir: "185072A12304588" });
    expect(findNir("Rien à signaler.")).toBeNull();
  });
});

describe("no false positive", () => {
  it.each([
    "06 12 34 56 78",
    "Tél. 06.12.34.56.78 ou 01-23-45-67-89",
    "+33 6 12 34 56 78",
    "06 12 34 56 78 01 23 45 67 89",
    "06123456780123456789",
    "Rendez-vous le 12/05/1984 à 10 h 30, puis le 2024-11-16.",
    "Née le 02 05 1984, arrivée le 16 11 2026",
    "Ordonnance n° 2024 11 16 00042",
    "",
  ])("%s", (text) => {
    expect(containsNir(text)).toBe(false);
  });

  it("a valid NIR with a wrong key", () => {
    for (const nir of VALID) {
      const compact = nir.replace(/ /g, "");
      expect(containsNir(wrongKey(compact.slice(0, 13))), compact).toBe(false);
    }
    expect(containsNir("1 84 05 75 123 456 24")).toBe(false);
    expect(containsNir("2 55 08 14 168 025 39")).toBe(false);
  });

  it("a Corsican NIR whose key was computed with 2A as 20", () => {
    expect(key("1850720123045")).toBe("61");
    expect(containsNir("1 85 07 2A 123 045 61")).toBe(false);
  });

  it("15-digit random numbers with a wrong key", () => {
    let seed = 987;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 500; i++) {
      const body = String(1 + (next() % 9)) + String(next() % 10 ** 6).padStart(6, "0") + String(next() % 10 ** 6).padStart(6, "0");
      const number = wrongKey(body);
      expect(number).toHaveLength(15);
      expect(containsNir(number), number).toBe(false);
      expect(containsNir(`Référence ${number.slice(0, 5)} ${number.slice(5)}`), number).toBe(false);
    }
  });

  it("a valid key with a sex digit other than 1–4, 7, 8", () => {
    for (const sex of ["0", "5", "6", "9"]) expect(containsNir(withKey(`${sex}840575123456`))).toBe(false);
  });

  it("a valid NIR inside a longer run of digits", () => {
    expect(containsNir(`9${withKey("1840575123456")}`)).toBe(false);
    expect(containsNir(`${withKey("1840575123456")}0`)).toBe(false);
  });
});
