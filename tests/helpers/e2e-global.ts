// Starts the built site once for the end-to-end tests, on loopback, with a fresh database.
import type { TestProject } from "vitest/node";
import { chromiumPath } from "./chromium";
import { startServer } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    chromium: string;
  }
}

export default async function setup(project: TestProject) {
  const chromium = chromiumPath();
  const server = await startServer();
  project.provide("baseURL", server.baseURL);
  project.provide("chromium", chromium);
  return () => server.stop();
}
