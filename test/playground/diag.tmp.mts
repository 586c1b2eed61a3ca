import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { launchPlayground } from "../../src/playground/launch-playground.ts";
import { callTool, ScriptedChatModel, say } from "../fakes/scripted-model.ts";
const config = loadConfig({ envFile: false, env: { SWITCHBOARD_LOG_LEVEL: "info", SWITCHBOARD_LOG_FORMAT: "json", PORT: "0" }, cwd: "/work/main" });
const target = { id: "", adminId: "" };
const model = new ScriptedChatModel([
  () => callTool("INTERCOM_GET_CONVERSATION", { conversation_id: target.id }),
  () => callTool("INTERCOM_REPLY_TO_CONVERSATION", { conversation_id: target.id, message_type: "comment", type: "admin", admin_id: target.adminId, body: "Your refund is on its way." }),
  say("The reply went out to the customer."),
]);
const pg = await launchPlayground({ config, logger: createLogger(config.log), port: 0, conversations: 40, seed: 7, chatModel: () => model });
const em = pg.emulator();
const c = em.state.all("conversations").find((x: any) => x.state === "open");
target.id = String(c.id); target.adminId = em.state.workspace.meAdminId;
await fetch(new URL("/ui/compose", pg.url), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ channel: "C0SUPPORT1", text: `@switchboard reply to conversation ${target.id} that the refund is on its way` }) });
await new Promise((r) => setTimeout(r, 5000));
for (const m of pg.playground.state.messages) console.log("MSG", m.threadTs, m.author ?? m.user, m.text.slice(0, 150));
console.log("calls", model.calls.length);
await pg.close();
