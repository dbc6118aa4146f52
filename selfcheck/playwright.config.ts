// The suite's Playwright configuration (web server and browser), with only the failing fixture.
import { defineConfig } from "@playwright/test";
import base from "../playwright.config";

export default defineConfig({ ...base, testDir: ".", testMatch: "failing.spec.ts" });
