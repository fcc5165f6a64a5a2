// The platform's public signing key, to verify its Open Badges credentials.
import { signingKey } from "~/utils/signing.server";

export async function loader() {
  return new Response(JSON.stringify({ keys: [signingKey().publicJwk] }, null, 2), {
    headers: { "Content-Type": "application/jwk-set+json; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
