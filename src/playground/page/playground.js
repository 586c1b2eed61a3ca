// The playground page: draws the state the server pushes (server-sent events) and sends what the person does
// back as small JSON posts; the server turns them into the signed requests Slack would send the app.
import { blocks, el, mrkdwn } from "./blocks.js";

const view = { channel: "C0SUPPORT1", pane: "messages", thread: undefined };
let state;
const entered = {};
let modalKey = "";

async function post(path, body = {}) {
  const response = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(answer.error || `The playground answered HTTP ${response.status}`);
  return answer;
}

function status(text, level = "info") {
  const line = document.getElementById("demo-status");
  line.textContent = text;
  line.dataset.level = level;
}

async function attempt(work) {
  try {
    return await work();
  } catch (error) {
    status(error.message, "error");
  }
}

function confirmDialog(confirm) {
  return new Promise((resolve) => {
    const overlay = el("div", "overlay confirm-overlay");
    const box = el("div", "dialog confirm-dialog");
    const text = (o) => (o && typeof o === "object" ? String(o.text ?? "") : String(o ?? ""));
    box.append(el("div", "dialog-title", text(confirm.title) || "Are you sure?"));
    const body = el("div", "dialog-body");
    body.append(confirm.text?.type === "mrkdwn" ? mrkdwn(confirm.text.text, lookups()) : el("span", "", text(confirm.text)));
    box.append(body);
    const buttons = el("div", "dialog-buttons");
    const deny = el("button", "bk-button", text(confirm.deny) || "Cancel");
    const ok = el("button", `bk-button ${confirm.style === "danger" ? "bk-danger" : "bk-primary"}`, text(confirm.confirm) || "Yes");
    deny.dataset.role = "confirm-deny";
    ok.dataset.role = "confirm-ok";
    const finish = (value) => {
      overlay.remove();
      resolve(value);
    };
    deny.addEventListener("click", () => finish(false));
    ok.addEventListener("click", () => finish(true));
    buttons.append(deny, ok);
    box.append(buttons);
    overlay.append(box);
    document.body.append(overlay);
  });
}

function lookups() {
  return {
    users: state?.users ?? {},
    channels: Object.fromEntries((state?.channels ?? []).map((c) => [c.id, c.name])),
    confirm: confirmDialog,
  };
}

function time(ts) {
  return new Date(Number(ts) * 1000).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
}

function authorName(message) {
  if (message.author) return message.author;
  return state.users[message.user] ?? message.user ?? "someone";
}

function messageNode(message, inThread) {
  const node = el("div", `message${message.ephemeral ? " ephemeral" : ""}`);
  node.dataset.ts = message.ts;
  node.dataset.channel = message.channel;
  const isBot = message.user === state.bot.id;
  const avatar = el("div", `avatar${isBot ? " bot" : message.author ? " system" : ""}`, authorName(message).slice(0, 1).toUpperCase());
  const body = el("div", "message-body");
  const head = el("div", "message-head");
  head.append(el("span", "author", authorName(message)));
  if (isBot) head.append(el("span", "app-badge", "APP"));
  head.append(el("span", "time", time(message.ts)));
  if (message.edited) head.append(el("span", "edited", "(edited)"));
  body.append(head);
  if (message.ephemeral) body.append(el("div", "only-you", "Only visible to you"));
  const ctx = {
    ...lookups(),
    act: (blockId, element, value) =>
      attempt(() => post("/ui/action", { channel: message.channel, ts: message.ts, blockId, actionId: element.action_id, value })),
  };
  if (message.blocks?.length) body.append(blocks(message.blocks, ctx));
  else if (message.text) body.append(mrkdwn(message.text, ctx));
  for (const file of message.files ?? []) {
    const box = el("div", "file");
    if (file.mimetype?.startsWith("image/")) {
      const img = el("img", "file-image");
      img.src = file.url;
      img.alt = file.altText || file.title;
      box.append(el("div", "file-title", file.title), img);
    } else {
      const a = el("a", "link", file.title);
      a.href = file.url;
      box.append(a);
    }
    body.append(box);
  }
  if (message.reactions?.length) {
    const row = el("div", "reactions");
    for (const r of message.reactions) row.append(el("span", "reaction", `:${r.name}: ${r.count}`));
    body.append(row);
  }
  if (!inThread) {
    const replies = state.messages.filter((m) => m.channel === message.channel && m.threadTs === message.ts && m.ts !== message.ts);
    const replyButton = el("button", "replies", replies.length ? `${replies.length} ${replies.length === 1 ? "reply" : "replies"}` : "Reply in thread");
    replyButton.addEventListener("click", () => {
      view.thread = message.ts;
      render();
    });
    if (!message.ephemeral) body.append(replyButton);
  }
  node.append(avatar, body);
  return node;
}

function channelLabel(channel) {
  return channel.kind === "im" ? state.bot.realName : `# ${channel.name}`;
}

function renderSidebar() {
  const list = document.getElementById("channels");
  list.replaceChildren();
  const section = (title) => list.append(el("div", "sidebar-section", title));
  section("Channels");
  for (const channel of state.channels.filter((c) => c.kind === "channel")) list.append(sidebarItem(channel.id, `# ${channel.name}`, channel.name));
  section("Apps");
  const dm = state.channels.find((c) => c.kind === "im");
  if (dm) list.append(sidebarItem(dm.id, state.bot.realName, "app"));
}

function sidebarItem(id, label, name) {
  const item = el("button", `sidebar-item${view.channel === id ? " active" : ""}`, label);
  item.dataset.channel = name;
  item.addEventListener("click", () => {
    view.channel = id;
    view.thread = undefined;
    view.pane = "messages";
    render();
  });
  return item;
}

function renderHeader(channel) {
  const header = document.getElementById("channel-header");
  header.replaceChildren(el("div", "channel-title", channelLabel(channel)), el("div", "channel-purpose", channel.purpose));
  if (channel.kind === "im") {
    const tabs = el("div", "tabs");
    for (const [pane, label] of [
      ["home", "Home"],
      ["messages", "Messages"],
    ]) {
      const tab = el("button", `tab${view.pane === pane ? " active" : ""}`, label);
      tab.dataset.tab = pane;
      tab.addEventListener("click", () => {
        view.pane = pane;
        render();
        if (pane === "home") attempt(() => post("/ui/home"));
      });
      tabs.append(tab);
    }
    header.append(tabs);
  }
}

function renderMessages(channel) {
  const pane = document.getElementById("messages");
  const nearBottom = pane.scrollHeight - pane.scrollTop - pane.clientHeight < 80;
  pane.replaceChildren();
  if (channel.kind === "im" && view.pane === "home") {
    pane.classList.add("home");
    const home = el("div", "home-view");
    home.id = "home-view";
    if (state.home) {
      const ctx = {
        ...lookups(),
        act: (blockId, element, value) => attempt(() => post("/ui/action", { viewId: state.home.id, blockId, actionId: element.action_id, value })),
      };
      home.append(blocks(state.home.blocks, ctx));
    } else home.append(el("div", "empty", "Opening the Home tab… the app publishes it when you open it."));
    pane.append(home);
    document.getElementById("composer").hidden = true;
    return;
  }
  pane.classList.remove("home");
  document.getElementById("composer").hidden = false;
  const top = state.messages.filter((m) => m.channel === channel.id && (!m.threadTs || m.threadTs === m.ts));
  if (top.length === 0) pane.append(el("div", "empty", emptyText(channel)));
  for (const message of top) pane.append(messageNode(message, false));
  if (nearBottom) pane.scrollTop = pane.scrollHeight;
}

function emptyText(channel) {
  if (channel.id === state.channels[0].id) return "Nothing here yet. Try “/switchboard help”, or use “A customer writes…” above to see a draft arrive.";
  if (channel.kind === "im") return "Write to the bot here, e.g. “which conversations are waiting longest?”";
  return "The weekly digest lands here: try “Run the weekly digest now”.";
}

function renderThread() {
  const panel = document.getElementById("thread");
  if (!view.thread) {
    panel.hidden = true;
    return;
  }
  const parent = state.messages.find((m) => m.channel === view.channel && m.ts === view.thread);
  if (!parent) {
    view.thread = undefined;
    panel.hidden = true;
    return;
  }
  panel.hidden = false;
  const list = document.getElementById("thread-messages");
  list.replaceChildren(messageNode(parent, true));
  for (const reply of state.messages.filter((m) => m.channel === view.channel && m.threadTs === view.thread && m.ts !== view.thread)) {
    list.append(messageNode(reply, true));
  }
  list.scrollTop = list.scrollHeight;
}

function renderModal() {
  const root = document.getElementById("modal-root");
  const modal = state.modal;
  const key = modal ? `${modal.id}:${modal.hash}` : "";
  if (key === modalKey) return;
  modalKey = key;
  root.replaceChildren();
  if (!modal) return;
  entered[modal.id] = {};
  const overlay = el("div", "overlay");
  const dialog = el("div", "dialog modal");
  dialog.dataset.viewId = modal.id;
  dialog.append(el("div", "dialog-title", modal.title?.text ?? ""));
  const errors = el("div", "modal-errors");
  const ctx = {
    ...lookups(),
    enter: (blockId, actionId, value) => {
      entered[modal.id][blockId] = { ...(entered[modal.id][blockId] ?? {}), [actionId]: value };
    },
    act: (blockId, element, value) =>
      attempt(() => post("/ui/action", { viewId: modal.id, blockId, actionId: element.action_id, value, entered: entered[modal.id] })),
  };
  const body = el("div", "dialog-body");
  body.append(blocks(modal.blocks, ctx), errors);
  dialog.append(body);
  const buttons = el("div", "dialog-buttons");
  const close = el("button", "bk-button", modal.close?.text ?? "Cancel");
  close.dataset.role = "modal-close";
  close.addEventListener("click", () => attempt(() => post("/ui/view-close", { viewId: modal.id })));
  buttons.append(close);
  if (modal.submit) {
    const submit = el("button", "bk-button bk-primary", modal.submit.text);
    submit.dataset.role = "modal-submit";
    submit.addEventListener("click", () =>
      attempt(async () => {
        const answer = await post("/ui/view-submit", { viewId: modal.id, values: entered[modal.id] });
        errors.replaceChildren();
        for (const [blockId, message] of Object.entries(answer.errors ?? {})) {
          const target = blockId ? dialog.querySelector(`[data-block-id="${CSS.escape(blockId)}"]`) : null;
          (target ?? errors).append(el("div", "bk-error", message));
        }
      }),
    );
    buttons.append(submit);
  }
  dialog.append(buttons);
  overlay.append(dialog);
  root.append(overlay);
}

function renderBanner() {
  const banner = document.getElementById("model-banner");
  banner.hidden = state.modelConfigured;
  const app = document.getElementById("app-status");
  app.textContent = state.appAttached ? "" : "The app is starting (or restarting after a reset)…";
  app.hidden = state.appAttached;
  const notices = document.getElementById("notices");
  notices.replaceChildren(...state.notices.slice(-3).map((n) => el("div", `notice ${n.level}`, n.text)));
}

function renderTopics() {
  const select = document.getElementById("topic");
  if (select.options.length > 1) return;
  for (const topic of state.topics) {
    const option = el("option", "", topic.label);
    option.value = topic.id;
    select.append(option);
  }
}

function render() {
  if (!state) return;
  const channel = state.channels.find((c) => c.id === view.channel) ?? state.channels[0];
  view.channel = channel.id;
  document.getElementById("composer-input").placeholder =
    channel.kind === "im" ? `Message ${state.bot.realName}` : `Message #${channel.name}: try /switchboard help or @switchboard …`;
  renderSidebar();
  renderHeader(channel);
  renderMessages(channel);
  renderThread();
  renderModal();
  renderBanner();
  renderTopics();
  document.body.dataset.version = String(state.version);
}

function composer(formId, inputId, thread) {
  const form = document.getElementById(formId);
  const input = document.getElementById(inputId);
  const send = () => {
    const text = input.value;
    if (!text.trim()) return;
    input.value = "";
    attempt(() => post("/ui/compose", { channel: view.channel, text, threadTs: thread() }));
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      send();
    }
  });
}

function demoButtons() {
  const customerForm = document.getElementById("customer-form");
  document.getElementById("demo-customer").addEventListener("click", () => {
    customerForm.hidden = !customerForm.hidden;
  });
  customerForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const body = document.getElementById("customer-text").value;
    const topic = document.getElementById("topic").value || undefined;
    attempt(async () => {
      status("Sending the customer's message to Intercom…");
      const answer = await post("/ui/demo/customer", { body, topic });
      document.getElementById("customer-text").value = "";
      customerForm.hidden = true;
      view.channel = state.channels[0].id;
      status(answer.summary);
      render();
    });
  });
  const simple = (id, path, pending, channelIndex) =>
    document.getElementById(id).addEventListener("click", () =>
      attempt(async () => {
        status(pending);
        const answer = await post(path);
        if (channelIndex !== undefined) {
          view.channel = state.channels[channelIndex].id;
          view.thread = undefined;
          view.pane = "messages";
        }
        status(answer.summary);
        render();
      }),
    );
  simple("demo-angry", "/ui/demo/angry", "The customer is typing…", 0);
  simple("demo-digest", "/ui/demo/digest", "Asking for the weekly digest…", 1);
  simple("demo-reset", "/ui/demo/reset", "Starting the demo over…", 0);
}

function connect() {
  const events = new EventSource("/events");
  events.addEventListener("state", (event) => {
    state = JSON.parse(event.data);
    render();
  });
  events.addEventListener("error", () => status("Lost the connection to the playground; retrying…", "error"));
  events.addEventListener("open", () => {
    if (document.getElementById("demo-status").dataset.level === "error") status("");
  });
}

composer("composer", "composer-input", () => undefined);
composer("thread-composer", "thread-input", () => view.thread);
document.getElementById("thread-close").addEventListener("click", () => {
  view.thread = undefined;
  render();
});
demoButtons();
connect();
