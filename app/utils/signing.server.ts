// The platform's Ed25519 signing key for Open Badges credentials: SIGNING_KEY when set (every instance of
// the site then signs with the same key), otherwise generated once and kept under the data folder (like
// the session secret). Its public half is published as a JWK set.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getEnv } from "./env.server";
import { parseSigningKey } from "./signing-key";

let cached: { privateKey: crypto.KeyObject; publicJwk: crypto.JsonWebKey & { kid: string } } | undefined;

export function signingKey() {
  if (cached) return cached;
  const fromEnv = getEnv().SIGNING_KEY;
  const privateKey = fromEnv ? parseSigningKey(fromEnv)! : crypto.createPrivateKey(keyFile());
  const jwk = crypto.createPublicKey(privateKey).export({ format: "jwk" });
  const kid = crypto.createHash("sha256").update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x })).digest("base64url");
  cached = { privateKey, publicJwk: { ...jwk, kid, alg: "EdDSA", use: "sig" } };
  return cached;
}

/** The PEM of the key kept under the data folder, written the first time. */
function keyFile(): string {
  const file = path.resolve(getEnv().DATA_DIR, "signing-key.pem");
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const generated = crypto.generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    try {
      fs.writeFileSync(file, generated, { mode: 0o600, flag: "wx" });
      return generated;
    } catch {
      return fs.readFileSync(file, "utf8"); // another process wrote it first
    }
  }
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** A compact JWS (EdDSA) of a JSON payload: the VC-JWT proof format of Open Badges 3.0. */
export function signJwt(payload: Record<string, unknown>, typ = "vc+jwt"): string {
  const { privateKey, publicJwk } = signingKey();
  const input = `${b64({ alg: "EdDSA", typ, kid: publicJwk.kid })}.${b64(payload)}`;
  return `${input}.${crypto.sign(null, Buffer.from(input), privateKey).toString("base64url")}`;
}
