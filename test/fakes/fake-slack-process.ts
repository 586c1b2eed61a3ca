/**
 * The fake Slack server in a process of its own (for benchmarks, so its work is not counted against the app
 * being measured). Prints its base URL on the first line of stdout and runs until stdin closes.
 */
import { startFakeSlack } from "./fake-slack-server.js";

const slack = await startFakeSlack({ record: false });
process.stdout.write(`${slack.baseUrl}\n`);
process.stdin.resume();
process.stdin.on("end", () => {
  void slack.close().then(() => process.exit(0));
});
