// The suite's vitest configuration, with only the deliberately failing fixture.
import { defineConfig } from "vitest/config";
import base from "../vitest.config.mts";

export default defineConfig({ ...base, test: { ...base.test, include: ["selfcheck/failing.test.ts"] } });
