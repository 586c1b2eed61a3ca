/**
 * Emulator figures: requests per second on a read endpoint over loopback HTTP, time to generate and load
 * 50,000 conversations, and search latency (p50/p95) over that workspace.
 */
import { Agent, request } from "node:http";
import { generateDemoWorkspace } from "../src/emulator/demo/generate.js";
import { createEmulator } from "../src/emulator/emulator.js";
import { startEmulator } from "../src/emulator/server.js";

const NOW = 1_764_000_000;
const TOKEN = "emulator-token";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** A plain keep-alive GET, lighter than fetch, so the figure measures the server more than the client. */
function get(agent: Agent, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { Authorization: `Bearer ${TOKEN}` } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

async function readThroughput(): Promise<void> {
  const em = await startEmulator({ port: 0, conversations: 2000, now: NOW, rateLimit: 1_000_000 });
  try {
    const id = em.state.all("conversations")[0].id;
    const total = 5000;
    const concurrency = 16;
    const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < total) {
          next += 1;
          const status = await get(agent, `${em.url}/conversations/${id}`);
          if (status !== 200) throw new Error(`unexpected status ${status}`);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();
    console.log(`GET /conversations/{id} over loopback HTTP: ${Math.round(total / seconds)} requests/s (${total} requests, ${concurrency} concurrent)`);
  } finally {
    await em.close();
  }
}

async function largeWorkspace(): Promise<void> {
  let started = performance.now();
  const workspace = generateDemoWorkspace({ seed: 42, conversations: 50_000, now: NOW });
  console.log(`generate 50,000 conversations: ${Math.round(performance.now() - started)} ms`);
  started = performance.now();
  const em = createEmulator({ workspace, rateLimit: 1_000_000 });
  console.log(
    `load into the emulator: ${Math.round(performance.now() - started)} ms (${em.state.count("conversations")} conversations, ${em.state.count("contacts")} contacts)`,
  );

  const someAuthor = em.state.all("conversations")[123].source.author.id;
  const queries: [string, string, unknown][] = [
    [
      "open + angry",
      "/conversations/search",
      {
        operator: "AND",
        value: [
          { field: "state", operator: "=", value: "open" },
          { field: "custom_attributes.mood", operator: "=", value: "angry" },
        ],
      },
    ],
    ["waiting since < now-4h", "/conversations/search", { field: "waiting_since", operator: "<", value: NOW - 4 * 3600 }],
    ["author id", "/conversations/search", { field: "source.author.id", operator: "=", value: someAuthor }],
    [
      "nested OR of reopens/priority",
      "/conversations/search",
      {
        operator: "OR",
        value: [
          {
            operator: "AND",
            value: [
              { field: "statistics.count_reopens", operator: ">", value: 0 },
              { field: "open", operator: "=", value: true },
            ],
          },
          { field: "priority", operator: "IN", value: ["high", "urgent"] },
        ],
      },
    ],
    ["body word", "/conversations/search", { field: "source.body", operator: "=", value: "card" }],
    ["contacts email contains", "/contacts/search", { field: "email", operator: "~", value: "an" }],
  ];
  for (const [label, path, query] of queries) {
    const samples: number[] = [];
    let total = 0;
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      const response = await em.handle(
        new Request(`http://bench${path}`, {
          method: "POST",
          headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
          body: JSON.stringify({ query, pagination: { per_page: 50 } }),
        }),
      );
      const body = (await response.json()) as { total_count: number };
      samples.push(performance.now() - t);
      total = body.total_count;
    }
    samples.sort((a, b) => a - b);
    console.log(
      `search ${label}: p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms (${total} matches of ${em.state.count("conversations")})`,
    );
  }
  await em.close();
}

export async function run(): Promise<void> {
  await readThroughput();
  await largeWorkspace();
}
