// SIGNING_KEY: the forms an operator can paste (PEM, PEM with written \n, base64 of the PEM), and the
// refusals, named at start without echoing the value.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "~/utils/env.server";
import { parseSigningKey } from "~/utils/signing-key";

const pem = crypto.generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const publicX = (key: crypto.KeyObject | null) => crypto.createPublicKey(key!).export({ format: "jwk" }).x;

describe("SIGNING_KEY", () => {
  const expected = publicX(crypto.createPrivateKey(pem));

  it("reads the PEM as written, with \\n written out, or base64-encoded on one line", () => {
    expect(publicX(parseSigningKey(pem))).toBe(expected);
    expect(publicX(parseSigningKey(pem.trim().replace(/\n/g, "\\n")))).toBe(expected);
    expect(publicX(parseSigningKey(Buffer.from(pem).toString("base64")))).toBe(expected);
    expect(parseEnv({ SIGNING_KEY: pem }).SIGNING_KEY).toBe(pem);
  });

  it("refuses anything but an Ed25519 private key, naming the variable and not the value", () => {
    const rsa = crypto.generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const publicPem = crypto.createPublicKey(pem).export({ type: "spki", format: "pem" }).toString();
    for (const bad of [rsa, publicPem, "pas-une-cle", Buffer.from("bonjour").toString("base64"), pem.slice(0, 60)]) expect(parseSigningKey(bad)).toBeNull();
    try {
      parseEnv({ SIGNING_KEY: rsa });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      expect((error as Error).message).toMatch(/SIGNING_KEY : doit être une clé privée Ed25519/);
      expect((error as Error).message).not.toContain("PRIVATE KEY-----\n");
    }
  });
});
