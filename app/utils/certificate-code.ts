// Certificate codes: what anyone types to verify a certificate.
import crypto from "node:crypto";

const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

/** 160 random bits written in 32 base32 characters: impossible to guess or enumerate. */
export function newCertificateCode(): string {
  const bytes = crypto.randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}
