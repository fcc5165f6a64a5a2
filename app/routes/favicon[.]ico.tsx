import fs from "node:fs";
import path from "node:path";

// Browsers ask for /favicon.ico whatever the page says; answer with the SVG icon.
export async function loader() {
  const svg = fs.readFileSync(path.join(process.cwd(), "public", "favicon.svg"));
  return new Response(svg, { headers: { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=86400" } });
}
