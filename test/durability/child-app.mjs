// The kill harness's app process, from the compiled build (dist/, kept fresh by scripts/build.js ensureBuilt):
// the config from the environment, the composition root, start (recovery runs before it serves), then one line
// "READY <port>" on stdout. It is only ever stopped by SIGKILL.
const { createApp } = await import("../../dist/src/app.js");
const { loadConfig } = await import("../../dist/src/config.js");
const app = await createApp(loadConfig());
const { port } = await app.start();
process.stdout.write(`READY ${port}\n`);
