// The format of SIGNING_KEY: the Ed25519 private key that signs the Open Badges, as the PKCS#8 PEM text
// that Pivot writes in data/signing-key.pem (or `openssl genpkey -algorithm ed25519` prints), with real
// line breaks or written `\n`, or that same PEM encoded in base64 on one line (`base64 -w0 signing-key.pem`).
// No dependency on the environment module: env.server.ts validates with it, signing.server.ts reads with it.
import crypto from "node:crypto";

export const SIGNING_KEY_FORMAT = "doit être une clé privée Ed25519 au format PEM (« -----BEGIN PRIVATE KEY----- … »), ou ce PEM encodé en base64";

/** The private key, or null when `value` is not an Ed25519 private key in one of the accepted forms. */
export function parseSigningKey(value: string): crypto.KeyObject | null {
  const trimmed = value.trim();
  const pem = trimmed.startsWith("-----BEGIN") ? trimmed.replace(/\\n/g, "\n") : Buffer.from(trimmed, "base64").toString("utf8").trim();
  if (!pem.startsWith("-----BEGIN")) return null;
  try {
    const key = crypto.createPrivateKey(pem);
    return key.asymmetricKeyType === "ed25519" ? key : null;
  } catch {
    return null;
  }
}
