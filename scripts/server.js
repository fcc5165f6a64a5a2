// The production server: Remix's request handler behind express, with what a hospital's security
// officer expects in front of it: the client's real address (TRUST_PROXY), bodies capped before they
// are read in full, tokens masked in the access log, static assets cached for good, graceful shutdown.
// One worker per core (WEB_CONCURRENCY overrides, 1 keeps a single process): see scripts/cluster.js.
import { createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import compression from "compression";
import express from "express";
import morgan from "morgan";
import cluster from "node:cluster";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startPrimary, webConcurrency } from "./cluster.js";

const concurrency = cluster.isPrimary ? webConcurrency(process.env.WEB_CONCURRENCY) : 1;
if (concurrency > 1) startPrimary(concurrency);
else await serve();

async function serve() {
  const buildPath = path.resolve(process.argv[2] ?? "build/index.js");
  const build = await import(pathToFileURL(buildPath).href);
  const { getEnv, redactPath, isCrossSite, CROSS_SITE, MAX_BODY_BYTES, BODY_TOO_LARGE } = build.entry.module;

  let env;
  try {
    env = getEnv();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  if (env.NODE_ENV === "production" && !process.env.PUBLIC_URL && (cluster.isPrimary || cluster.worker?.id === 1))
    console.warn(`PUBLIC_URL n'est pas défini : les badges, PDF et liens indiqueront ${env.PUBLIC_URL}. Définissez l'adresse publique du site en production.`);

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.TRUST_PROXY);
  app.use(compression());

  // Fingerprinted assets never change; the rest of public/ may.
  app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y", index: false }));
  // Only a path that names a file (an extension) may be one of public/: pages skip the disk lookup.
  const publicFiles = express.static("public", { maxAge: "1h", index: false });
  app.use((req, res, next) => (/\.[a-z0-9]+$/i.test(req.path) ? publicFiles(req, res, next) : next()));

  morgan.token("safe-url", (req) => redactPath(req.originalUrl ?? req.url ?? ""));
  app.use(morgan(":method :safe-url :status :res[content-length] - :response-time ms"));

  /** Reads a request body into memory, refusing with 413 as soon as it passes the cap. */
  function readBody(req, res) {
    return new Promise((resolve) => {
      const declared = Number(req.headers["content-length"] ?? 0);
      const refuse = () => {
        res.status(413).set({ "Content-Type": "text/plain; charset=utf-8", Connection: "close" }).end(BODY_TOO_LARGE);
        // Lingering close: what the client still sends is discarded (never kept) for a moment, so that it
        // reads the answer before the connection is cut (closing on unread data resets it); past a few
        // megabytes, the connection is cut anyway.
        let discarded = 0;
        req.removeAllListeners("data");
        req.on("data", (chunk) => {
          discarded += chunk.length;
          if (discarded > 4 * MAX_BODY_BYTES) req.socket.destroy();
        });
        req.resume();
        resolve(null);
      };
      if (declared > MAX_BODY_BYTES) return refuse();
      const chunks = [];
      let size = 0;
      let done = false;
      req.on("data", (chunk) => {
        if (done) return;
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          done = true;
          return refuse();
        }
        chunks.push(chunk);
      });
      req.on("end", () => !done && resolve(Buffer.concat(chunks)));
      req.on("error", () => !done && ((done = true), resolve(null)));
    });
  }

  function requestHeaders(raw) {
    const headers = new Headers();
    for (const [key, value] of Object.entries(raw)) {
      if (Array.isArray(value)) for (const v of value) headers.append(key, v);
      else if (value !== undefined) headers.set(key, value);
    }
    return headers;
  }

  async function sendResponse(res, response) {
    res.statusMessage = response.statusText;
    res.status(response.status);
    for (const [key, value] of response.headers.entries()) res.append(key, value);
    if (response.body) await writeReadableStreamToWritable(response.body, res);
    else res.end();
  }

  const handleRequest = createRequestHandler(build, env.NODE_ENV);

  app.all("*", async (req, res, next) => {
    try {
      const controller = new AbortController();
      res.on("close", () => !res.writableFinished && controller.abort());
      const init = { method: req.method, headers: requestHeaders(req.headers), signal: controller.signal };
      if (req.method !== "GET" && req.method !== "HEAD") {
        const body = await readBody(req, res);
        if (body === null) return;
        init.body = body;
      }
      const port = req.get("host")?.split(":")[1];
      const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
      const request = new Request(url, init);
      // Refused here with a 403: Remix's own check of forwarded actions throws, which would answer 500.
      if (req.method !== "GET" && req.method !== "HEAD" && isCrossSite(request, env.PUBLIC_URL))
        return void res.status(403).type("text/plain; charset=utf-8").send(CROSS_SITE);
      // documentRequest: an HTML page, not the data of a navigation in the browser (`.data`), see pageBody.
      const context = { clientAddress: req.ip ?? req.socket.remoteAddress ?? "inconnue", documentRequest: !req.path.endsWith(".data") };
      const response = await handleRequest(request, context);
      if (!res.headersSent) await sendResponse(res, response);
    } catch (error) {
      next(error);
    }
  });

  const port = env.PORT;
  const host = process.env.HOST;
  const server = host ? app.listen(port, host, listening) : app.listen(port, listening);
  function listening() {
    if (cluster.isPrimary) console.log(`Pivot est servi sur http://${host ?? "localhost"}:${port}`);
  }

  // Graceful shutdown: stop accepting, finish the requests in flight, then exit. The same signal may come
  // twice (Ctrl-C reaches the whole process group, and the primary passes it on): the first one counts.
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"])
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      server.close(() => process.exit(0));
      // Connections kept alive are closed as soon as they are idle, not after their keep-alive timeout.
      server.closeIdleConnections();
      setInterval(() => server.closeIdleConnections(), 100).unref();
      setTimeout(() => process.exit(0), 10_000).unref();
    });
}
