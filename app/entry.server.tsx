import { Writable } from "node:stream";
import crypto from "node:crypto";
import type { AppLoadContext, EntryContext, HandleDataRequestFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { BodyLookup } from "./components/mdx-html";
import { bodyByKey } from "./content/modules.server";
import { purgeAudit } from "./models/audit.server";
import { startMailSender } from "./models/mail.server";
import { purgeSecurityData } from "./utils/session.server";
import { getEnv } from "./utils/env.server";
import { pageSecurityHeaders } from "./utils/http.server";
import { NonceContext } from "./utils/nonce";

// What scripts/server.js takes from the build: one validated configuration, one body cap, one cross-site
// rule (Remix itself would answer such an action with a 500), one log mask.
export { getEnv } from "./utils/env.server";
export { BODY_TOO_LARGE, CROSS_SITE, isCrossSite, MAX_BODY_BYTES, redactPath } from "./utils/http.server";

const ABORT_DELAY = 5_000;

// Validate the environment when the server starts, not on the first request.
getEnv();
startMailSender();
// Sign-in attempts and dead sessions are kept 90 days, the audit log a year (scripts/setup.ts purges at
// start, then once a day).
setInterval(
  () => void Promise.all([purgeSecurityData(), purgeAudit()]).catch((error: unknown) => console.error("purge des données de sécurité impossible :", error)),
  24 * 3600_000,
).unref();

/** Data requests of signed-in pages are never stored by a browser or a proxy. */
export const handleDataRequest: HandleDataRequestFunction = (response) => {
  if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", "no-store");
  response.headers.set("X-Content-Type-Options", "nosniff");
  return response;
};

/**
 * A page is sent in one piece once React has rendered all of it. No loader defers its data, so the shell is
 * already the whole page but for the data script Remix adds right after it: streaming saved no time, and
 * cost a write, a copy and a stream conversion per chunk (scripts/bench-http.ts). Errors met while rendering
 * still answer 500, since the status is set when the page is complete.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext: AppLoadContext,
) {
  const nonce = crypto.randomBytes(16).toString("base64");
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const chunks: Buffer[] = [];
    const page = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
      final(done) {
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        for (const [name, value] of Object.entries(pageSecurityHeaders({ nonce, production: getEnv().NODE_ENV === "production" })))
          responseHeaders.set(name, value);
        resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }));
        done();
      },
    });
    // Past this delay, what is still pending is left to the browser (React renders its fallback).
    const timer = setTimeout(() => abort(), ABORT_DELAY);
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <BodyLookup.Provider value={bodyByKey}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </BodyLookup.Provider>
      </NonceContext.Provider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          clearTimeout(timer);
          pipe(page);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // An error in the shell reaches Remix through onShellError, which logs it.
          if (shellRendered) console.error(error);
        },
      },
    );
  });
}
