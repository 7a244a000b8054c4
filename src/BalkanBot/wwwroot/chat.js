// BalkanBot local chat page: a Bot Framework client in the style of the Emulator.
// It POSTs activities to /api/messages with serviceUrl = {this host}/_local; the bot posts its replies to that
// pretend connector and this page long-polls them. Cards are rendered by the official Adaptive Cards renderer
// (served from /vendor, no CDN). Action.Execute buttons become adaptiveCard/action invokes, whose HTTP response
// carries the result; Action.Submit buttons become messages with a value, as in Teams.
"use strict";

(function () {
  const serviceUrl = location.origin + "/_local";
  const conversation = { id: "local-" + uuid(), conversationType: "personal" };
  const user = { id: "local-user", name: "You", role: "user" };
  const bot = { id: "balkanbot", name: "BalkanBot", role: "bot" };
  const messages = document.getElementById("messages");
  const typing = document.getElementById("typing");
  const toast = document.getElementById("toast");
  const input = document.getElementById("input");
  let watermark = 0;
  let typingTimer = 0;

  // A narrow window is a phone-sized Teams: render each Table's fallback (the same rows as fact lists), as the
  // mobile clients that lack Table do, instead of squeezing labels until they break mid-word.
  if (window.matchMedia("(max-width: 560px)").matches) AdaptiveCards.GlobalRegistry.elements.unregister("Table");
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = markdown(text);
    result.didProcess = true;
  };
  const hostConfig = new AdaptiveCards.HostConfig({
    fontFamily: "system-ui, 'Segoe UI', Roboto, sans-serif",
    actions: { maxActions: 6, actionsOrientation: "horizontal", buttonSpacing: 6, spacing: "default" },
  });

  function uuid() {
    return crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2);
  }

  // Escapes first, then allows the subset Adaptive Cards markdown has: **bold**, _italic_, [text](url).
  function markdown(text) {
    const esc = text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
    return esc
      .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
      .replace(/(^|\s)_(.+?)_(?=\s|$)/g, "$1<em>$2</em>")
      .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>')
      .replace(/\n/g, "<br>");
  }

  function activity(type, extra) {
    return Object.assign({
      type, id: uuid(), timestamp: new Date().toISOString(), channelId: "emulator", serviceUrl,
      from: user, recipient: bot, conversation, locale: navigator.language || "en-US",
    }, extra);
  }

  async function post(a) {
    const res = await fetch("/api/messages", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(a),
    });
    if (!res.ok) throw new Error("The bot answered HTTP " + res.status);
    const body = await res.text();
    return body ? JSON.parse(body) : null;
  }

  function showToast(text) {
    toast.textContent = text;
    toast.hidden = false;
    clearTimeout(showToast.timer);
    showToast.timer = setTimeout(() => { toast.hidden = true; }, 4000);
  }

  function scrollDown() {
    window.scrollTo(0, document.body.scrollHeight);
  }

  function addUserMessage(text) {
    const div = document.createElement("div");
    div.className = "message user-message";
    div.textContent = text;
    messages.appendChild(div);
    scrollDown();
  }

  function renderCard(content, replyToId) {
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = hostConfig;
    card.onExecuteAction = (action) => onAction(action, replyToId, holder);
    card.parse(content);
    const holder = document.createElement("div");
    holder.className = "card";
    holder.appendChild(card.render());
    return holder;
  }

  function addBotActivity(a) {
    if (a.type === "typing") {
      typing.hidden = false;
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => { typing.hidden = true; }, 4000);
      return;
    }
    if (a.type !== "message") return;
    typing.hidden = true;
    const div = document.createElement("div");
    div.className = "message bot-message";
    div.dataset.activityId = a.id || "";
    if (a.text) {
      const p = document.createElement("p");
      p.textContent = a.text;
      div.appendChild(p);
    }
    for (const att of a.attachments || []) {
      if (att.contentType === "application/vnd.microsoft.card.adaptive" && att.content) div.appendChild(renderCard(att.content, a.id));
    }
    messages.appendChild(div);
    scrollDown();
  }

  async function onAction(action, replyToId, holder) {
    try {
      if (action instanceof AdaptiveCards.OpenUrlAction) {
        window.open(action.url, "_blank", "noopener");
      } else if (action instanceof AdaptiveCards.ExecuteAction) {
        const res = await post(activity("invoke", {
          name: "adaptiveCard/action", replyToId,
          value: { action: { type: "Action.Execute", verb: action.verb, data: action.data }, trigger: "manual" },
        }));
        applyInvokeResponse(res, replyToId, holder);
      } else if (action instanceof AdaptiveCards.SubmitAction) {
        await post(activity("message", { replyToId, value: action.data }));
      }
    } catch (e) {
      showToast(String(e.message || e));
    }
  }

  // Universal Actions: a card replaces the clicked card; a message is shown briefly; an error says what failed.
  function applyInvokeResponse(res, replyToId, holder) {
    if (!res) return;
    if (res.type === "application/vnd.microsoft.card.adaptive" && res.value) holder.replaceWith(renderCard(res.value, replyToId));
    else if (res.type === "application/vnd.microsoft.activity.message") showToast(String(res.value));
    else if (res.type === "application/vnd.microsoft.error") showToast((res.value && res.value.message) || "The action failed.");
  }

  async function poll() {
    for (;;) {
      try {
        const res = await fetch(`/_local/conversations/${encodeURIComponent(conversation.id)}/activities?watermark=${watermark}&wait=20`);
        if (!res.ok) throw new Error("poll " + res.status);
        const body = await res.json();
        body.activities.forEach(addBotActivity);
        watermark = body.watermark;
      } catch (e) {
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  document.getElementById("composer").addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    addUserMessage(text);
    try {
      await post(activity("message", { text, textFormat: "plain" }));
    } catch (err) {
      showToast(String(err.message || err));
    }
  });

  poll();
  // As Teams does when a chat with the bot opens: the bot is "added" and sends its welcome card.
  post(activity("conversationUpdate", { membersAdded: [bot, user] })).catch((e) => showToast(String(e.message || e)));
  input.focus();
})();
