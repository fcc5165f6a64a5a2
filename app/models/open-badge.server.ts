// A certificate as an Open Badges 3.0 credential (OpenBadgeCredential), signed as a VC-JWT.
import type { certificates } from "../../db/schema";
import { signJwt } from "~/utils/signing.server";

type Certificate = typeof certificates.$inferSelect;

const url = (c: Certificate, origin: string) => `${origin}/certificats/${c.code}`;

export function openBadgeCredential(c: Certificate, origin: string) {
  return {
    "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
    id: `${url(c, origin)}.json`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: c.title,
    issuer: { id: origin, type: ["Profile"], name: "Pivot — formation des secrétaires médicales", url: origin },
    validFrom: `${c.issuedAt}T00:00:00Z`,
    validUntil: `${c.validUntil}T23:59:59Z`,
    credentialSubject: {
      type: ["AchievementSubject"],
      // After an erasure the holder's name is gone: the credential names nobody (ADR 006).
      ...(c.holderName ? { name: c.holderName } : {}),
      achievement: {
        id: `${origin}/certification#${c.kind}-${c.blockId || "parcours"}-${c.level}`,
        type: ["Achievement"],
        name: c.title,
        description:
          "Compétences attestées selon le référentiel des activités, des compétences et de l'évaluation de Pivot : quiz, observations en situation de travail par une tutrice, évaluation finale.",
        criteria: { narrative: "Preuves réunies pour chaque compétence du niveau et évaluation de bloc réussie (voir les règles du parcours certifiant)." },
      },
    },
    credentialStatus: { id: url(c, origin), type: "PivotVerificationPage" },
  };
}

/** The credential signed with the platform's key (compact JWS, header alg EdDSA, typ vc+jwt). */
export function signedOpenBadge(c: Certificate, origin: string) {
  const vc = openBadgeCredential(c, origin);
  return signJwt({
    ...vc,
    iss: origin,
    jti: vc.id,
    sub: vc.credentialSubject.name ?? url(c, origin),
    nbf: Math.floor(Date.parse(vc.validFrom) / 1000),
    exp: Math.floor(Date.parse(vc.validUntil) / 1000),
  });
}
