/**
 * What the Intercom client costs on top of a bare fetch (same local server, same run, interleaved rounds so
 * drift hits both alike; goal ≤ 1.2×), and how fast a 10,000-item cursor walk goes through paginate().
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { IntercomClient } from "../src/intercom/client.js";

const TOKEN = "bench-token-0123456789";

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((sum, v) => sum + v, 0) / samples.length;
  return { mean, p50: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.floor(sorted.length * 0.95)] };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function contactServer(total: number): Server {
  const contact = JSON.stringify({ type: "contact", id: "6657a1", email: "ann@example.com", name: "Ann", role: "user" });
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const headers = { "content-type": "application/json", "x-ratelimit-limit": "10000", "x-ratelimit-remaining": "9999", "x-ratelimit-reset": "0" };
    if (url.pathname === "/contacts") {
      const perPage = Number(url.searchParams.get("per_page") ?? 50);
      const start = Number(url.searchParams.get("starting_after") ?? 0);
      const end = Math.min(total, start + perPage);
      const data = Array.from({ length: end - start }, (_, i) => ({ type: "contact", id: String(start + i), email: `c${start + i}@example.com` }));
      const next = end < total ? { per_page: perPage, starting_after: String(end) } : undefined;
      res.writeHead(200, headers);
      res.end(JSON.stringify({ type: "list", data, total_count: total, pages: { type: "pages", per_page: perPage, next } }));
      return;
    }
    res.writeHead(200, headers);
    res.end(contact);
  });
}

export async function run(): Promise<void> {
  const server = contactServer(10_000);
  const baseUrl = await listen(server);
  try {
    const client = new IntercomClient({ baseUrl, token: TOKEN });
    const bare = async () => {
      const response = await fetch(`${baseUrl}/contacts/6657a1`, {
        headers: { Authorization: `Bearer ${TOKEN}`, "Intercom-Version": "2.16", Accept: "application/json" },
      });
      return response.json();
    };
    const viaClient = () => client.request({ method: "GET", path: "/contacts/6657a1" });

    for (let i = 0; i < 300; i++) {
      await bare();
      await viaClient();
    }
    const bareTimes: number[] = [];
    const clientTimes: number[] = [];
    for (let round = 0; round < 20; round++) {
      for (const [fn, into] of round % 2 === 0
        ? ([
            [bare, bareTimes],
            [viaClient, clientTimes],
          ] as const)
        : ([
            [viaClient, clientTimes],
            [bare, bareTimes],
          ] as const)) {
        for (let i = 0; i < 150; i++) {
          const started = performance.now();
          await fn();
          into.push(performance.now() - started);
        }
      }
    }
    const b = stats(bareTimes);
    const c = stats(clientTimes);
    const ms = (v: number) => `${(v * 1000).toFixed(0)} µs`;
    console.log(`bare fetch:      mean ${ms(b.mean)}, p50 ${ms(b.p50)}, p95 ${ms(b.p95)} (${bareTimes.length} calls)`);
    console.log(`IntercomClient:  mean ${ms(c.mean)}, p50 ${ms(c.p50)}, p95 ${ms(c.p95)} (${clientTimes.length} calls)`);
    console.log(`overhead ratio:  ${(c.mean / b.mean).toFixed(2)}× by mean, ${(c.p50 / b.p50).toFixed(2)}× by p50 (goal ≤ 1.2×)`);

    const walkStarted = performance.now();
    let items = 0;
    for await (const _item of client.paginate({ method: "GET", path: "/contacts" }, { perPage: 150, maxItems: 10_000 })) items++;
    const seconds = (performance.now() - walkStarted) / 1000;
    console.log(
      `paginated walk:  ${items} items in ${Math.ceil(10_000 / 150)} pages, ${(seconds * 1000).toFixed(0)} ms, ${Math.round(items / seconds)} items/s`,
    );
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
