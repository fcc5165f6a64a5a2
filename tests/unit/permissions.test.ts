// Every loader and action starts with a guard from the one permissions module, unless its page is public
// on purpose (the list below, each with its reason).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/paths";

const PUBLIC: Record<string, string> = {
  "connexion.tsx": "the sign-in page",
  "deconnexion.tsx": "signing out (same-site check in destroySession)",
  "invitation.$token.tsx": "a one-time link for an account never activated",
  "mot-de-passe-oublie.tsx": "asking for a reset link (rate-limited, same answer for everyone)",
  "reinitialisation.$token.tsx": "a one-time reset link",
  "certificats._index.tsx": "typing a certificate's code to verify it (looks nothing up: a well-formed code is redirected to its rate-limited page)",
  "certificats.$code.tsx#loader": "public verification of a certificate (its action, revocation, is for admins)",
  "certificats.$code_.pdf.tsx": "public verification of a certificate",
  "certificats.$code_.openbadge[.]json.tsx": "public verification of a certificate",
  "certificats.$code_.openbadge[.]jwt.tsx": "public verification of a certificate",
  "[.well-known].jwks[.]json.tsx": "the public key of the badges",
  "healthz.tsx": "the health check",
  "favicon[.]ico.tsx": "the icon",
  "$.tsx": "the 404 page",
};

const routesDir = path.join(ROOT, "app", "routes");
const files = fs.readdirSync(routesDir).filter((f) => /\.tsx?$/.test(f));

describe("every loader and action is guarded", () => {
  for (const file of files) {
    const source = fs.readFileSync(path.join(routesDir, file), "utf8");
    const fns = [...source.matchAll(/export async function (loader|action)\(([^)]*)\)\s*\{\n([^\n]*)/g)];
    if (!fns.length || PUBLIC[file]) continue;
    for (const [, name, , firstLine] of fns)
      if (!PUBLIC[`${file}#${name}`])
        it(`${file}: ${name} starts with a guard`, () => {
          expect(firstLine).toMatch(/await require(User|Role|Manager|ManagedPerson|LearnerAccess)\(request/);
        });
  }

  it("guards come from ~/models/permissions.server only", () => {
    for (const file of files)
      expect(fs.readFileSync(path.join(routesDir, file), "utf8")).not.toMatch(/from "~\/models\/access\.server"|from "~\/utils\/auth\.server";[^\n]*require/);
  });
});
