/**
 * Load generator for slack-ack.bench.ts, run as a child process so that sending requests and reading replies
 * does not share the event loop with the apps being measured (as in production, where Slack is remote).
 * Reads one JSON job per stdin line, answers one JSON line with the sorted latencies in milliseconds.
 */
import { createInterface } from "node:readline";
import { buttonClick, eventCallback, type SlackRequest, signature, slashCommand } from "../test/fakes/signed-request.js";

interface Job {
  url: string;
  kind: "command" | "button" | "event";
  count: number;
  offset: number;
  concurrency: number;
  secret: string;
  responseBase: string;
}

function make(job: Job, i: number): SlackRequest {
  const n = job.offset + i;
  if (job.kind === "command") return slashCommand({ text: `ask question ${n}`, channel_id: `C${n % 20}` }, job.responseBase);
  if (job.kind === "button") {
    return buttonClick({
      actionId: "approval_approve",
      value: JSON.stringify({ a: `apr_${n}`, r: `run_${n}` }),
      messageTs: `1700000000.${n}`,
      channel: `C${n % 20}`,
      responseBase: job.responseBase,
    });
  }
  return eventCallback({ type: "app_mention", user: "U1", text: `<@UBOT> hello ${n}`, ts: `1700000001.${String(n).padStart(7, "0")}`, channel: `C${n % 20}` });
}

async function runJob(job: Job): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < job.count) {
      const request = make(job, next++);
      const ts = Math.floor(Date.now() / 1000);
      const headers = {
        "content-type": request.contentType,
        "x-slack-request-timestamp": String(ts),
        "x-slack-signature": signature(job.secret, ts, request.body),
      };
      const started = performance.now();
      const response = await fetch(job.url, { method: "POST", body: request.body, headers });
      await response.arrayBuffer();
      latencies.push(performance.now() - started);
      if (response.status !== 200) throw new Error(`HTTP ${response.status} from ${job.url}`);
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  return latencies.sort((a, b) => a - b);
}

for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const latencies = await runJob(JSON.parse(line) as Job);
  process.stdout.write(`${JSON.stringify(latencies)}\n`);
}
