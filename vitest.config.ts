import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/**/*.int.test.ts", "node_modules/**"],
    testTimeout: 20000,
    hookTimeout: 30000,
    pool: "forks",
    // Each worker process keeps its loaded modules from one test file to the next instead of importing LangChain,
    // Bolt and the emulator again for every file: on 2 cores this more than halves `npm test` (most of a file's
    // time was imports). It holds because tests leave no process-wide state behind: no module-level singletons
    // (a project rule), no changes to process.env or globals, spies restored, servers and databases closed.
    isolate: false,
  },
});
