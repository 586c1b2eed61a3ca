/** node:http adapter for the emulator's Request → Response handler, and startEmulator() for tests and the CLI. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createEmulator, type Emulator, type EmulatorOptions } from "./emulator.js";
import type { RequestHandler } from "./handler.js";

export interface StartOptions extends EmulatorOptions {
  port?: number;
  host?: string;
}

export interface RunningEmulator extends Omit<Emulator, "handle" | "close"> {
  url: string;
  handle: RequestHandler;
  close(): Promise<void>;
}

export function nodeListener(handle: RequestHandler, baseUrl: () => string): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) {
        if (Array.isArray(value)) for (const v of value) headers.append(key, v);
        else if (value !== undefined) headers.set(key, value);
      }
      const method = req.method ?? "GET";
      const hasBody = method !== "GET" && method !== "HEAD" && chunks.length > 0;
      const request = new Request(new URL(req.url ?? "/", baseUrl()), { method, headers, body: hasBody ? Buffer.concat(chunks) : undefined });
      handle(request)
        .then(async (response) => {
          const body = Buffer.from(await response.arrayBuffer());
          const outHeaders: Record<string, string> = {};
          response.headers.forEach((value, key) => {
            outHeaders[key] = value;
          });
          if (body.length > 0) outHeaders["content-length"] = String(body.length);
          res.writeHead(response.status, outHeaders);
          res.end(body);
        })
        .catch((error: unknown) => {
          res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify({ type: "error.list", errors: [{ code: "server_error", message: String((error as Error)?.message ?? error) }] }));
        });
    });
  };
}

export async function startEmulator(options: StartOptions = {}): Promise<RunningEmulator> {
  const emulator = createEmulator(options);
  const host = options.host ?? "127.0.0.1";
  let url = "";
  const server: Server = createServer(nodeListener(emulator.handle, () => url));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  url = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
  return {
    ...emulator,
    url,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await emulator.close();
    },
  };
}
