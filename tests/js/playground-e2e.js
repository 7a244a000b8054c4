#!/usr/bin/env node
// playground-e2e.js — drives a running bot through the Microsoft 365 Agents Playground (a local
// Teams emulator, @microsoft/m365agentsplayground 0.2.28) with no browser and no network.
//
// Usage: BOT_ENDPOINT=http://127.0.0.1:3978/api/messages node playground-e2e.js STEPS.json [--out FILE]
// STEPS.json is a list; every step must get a reply from the bot within 20 s (unless it says
// "expectReply": false) and meet its optional "expect": {minCards, minMessages, textIncludes}:
//   {"say": "What is the Tirana Declaration?", "in": "personal"|"groupChat"|"team", "expect": {...}}
//       in groupChat/team the text is prefixed with an @mention of the bot, as Teams requires there
//   {"press": true | "title text", "inputs": {...}}   (alias {"pressFirstAction": true})
//       presses the first Action.Submit/Action.Execute of the last card received (or the first whose
//       title contains the text); "inputs" are merged into the submitted data
//   {"feedback": "like"|"dislike", "comment": "..."}   uses Teams' own feedback control on the last
//       card's message: an invoke message/submitAction ({actionName: "feedback", actionValue:
//       {reaction, feedback: "{\"feedbackText\": ...}"}}); the bot must answer 2xx (its body is empty)
//   {"search": "question", "expect": {"minResults": N}}   a search message extension query (invoke
//       composeExtension/query, command askBalkanBot) from the personal chat; the result's cards count
//       as the step's cards, each must have a thumbnail preview with a title, at most 5 results
//   expect may also hold {maxMessages: N} (at most N bot messages, e.g. 0), {citations: N} (at least N citations in the replies' AI entity),
//       {aiLabel: true|false} and {feedbackLoop: true|false} (Teams' feedback control on a reply)
//   {"install": true}   installs the app in the personal chat (the bot gets installationUpdate and
//       conversationUpdate with membersAdded including itself), e.g. to test a welcome message
// Writes every step with the bot activities it received to --out (default playground-e2e-out.json);
// exit 0 only if all steps passed. The playground runs in a temp dir and is always killed.
//
// Playground protocol (found by reading its bundle and trying it; base http://127.0.0.1:PORT):
// - Start: `TEAMSAPPTESTER_BROWSER=none node cli.js --app-endpoint URL --channel-id msteams --port P
//   --disable-telemetry` prints `Listening on N`; N differs from P when P is taken. It writes
//   devTools/ into its cwd and listens on all interfaces. It sends the bot no Authorization header.
// - GET /_internal/v1/testConfig -> {config: {tenantId, bot: {id, name}, currentUser: {id: "user-id-0",
//   ...}, users: [...], personalChat: {id, name}, groupChats: [{id, name, members}], teams: [{id,
//   name, channels: [{id, name, channelType}], members}]}, internalConfig: {locale, localTimezone,
//   channelId}}. The personal chat id is new at every start.
// - User message: POST /_conversation/v1/conversations/{chatId}/messages
//   {from: {id: "user-id-0"}, text, textFormat: "plain", mentions?: [{mentioned: {id: botId}, text:
//   "<at>Name</at>"}]} -> {messageId, timestamp} (+ postConversationId "team-id;messageid=N" for a
//   channel post: the thread the bot answers in). Group chats and channels reach the bot only when
//   it is mentioned. The bot receives a Teams-like message activity (serviceUrl
//   http://localhost:N/_connector, conversation.conversationType personal/groupChat/channel).
// - WebSocket ws://127.0.0.1:N/_ws_conversation/v1/conversations/stream pushes JSON
//   {action: "createMessage"|"updateMessage", actionConversationId, message: {messageId, timestamp,
//   from, text?, textFormat, attachments: [{contentType, content}], attachmentLayout, mentions}} and
//   {action: "typing", actionConversationId}. A bot activity with text AND attachments arrives as
//   two createMessage events (text, then attachments with messageId "<id>-<suffix>").
// - Bot replies: POST {serviceUrl}/v3/conversations/{id}/activities/{activityId} answers 202 with an
//   empty body (no id); POST .../activities (new message) answers 201 {id}.
// - Action.Submit: POST /_conversation/v1/submit {conversation: {id}, from: {id}, replyToId:
//   <card messageId>, value: <data object>} -> 200 empty; the bot receives a *message* activity with
//   no text, `value` = the data, replyToId = the card message id, channelData.source.name "message".
//   An unknown replyToId answers 400 ActivityNotFoundInConversation.
// - Action.Execute: POST /_conversation/v1/invoke {name: "adaptiveCard/action", conversation: {id},
//   from: {id}, replyToId, value: {action: {type: "Action.Execute", title, verb, data}}} (no
//   `trigger`, unlike Teams); the bot receives an *invoke* activity named adaptiveCard/action and
//   the bot's HTTP response body comes back minus statusCode, e.g. {type:
//   "application/vnd.microsoft.activity.message", value: "text"}. The same endpoint with name
//   "message/submitAction" is the feedback control; the bot receives an invoke with
//   channelData.source.name "message".
// - A bot message's WebSocket event carries `aiEntity` (the schema.org Message entity, validated:
//   at most 10 citations, keywords <= 3, position > 0; an invalid one makes the connector answer
//   400), `feedbackLoopEnabled` (from channelData) and `streamEntity`.
// - Install: POST /_debug/conversation/{chatId}/installation {} -> the bot receives
//   installationUpdate (action "add") then conversationUpdate (membersAdded: user and bot).
// Node 20 has no WebSocket without --experimental-websocket, hence the `ws` package.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const net = require("net");
const { spawn } = require("child_process");
const WebSocket = require("ws");

const REPLY_TIMEOUT_MS = 20000;
const SETTLE_MS = 1500; // quiet time after the first reply: text and card arrive as separate events
const CARD = "application/vnd.microsoft.card.adaptive";
const CLI = require.resolve("@microsoft/m365agentsplayground/cli.js");

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function startPlayground(botEndpoint, port) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "playground-"));
  const child = spawn(process.execPath, [CLI, "--app-endpoint", botEndpoint, "--channel-id", "msteams",
    "--port", String(port), "--disable-telemetry"], {
    cwd: dir, env: { ...process.env, TEAMSAPPTESTER_BROWSER: "none" }, stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const listening = new Promise((resolve, reject) => {
    const onData = (d) => {
      log += d;
      const m = /Listening on (\d+)/.exec(log);
      if (m) resolve(Number(m[1]));
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`playground exited (${code}) before listening:\n${log}`)));
    setTimeout(() => reject(new Error(`playground did not start within 30 s:\n${log}`)), 30000).unref();
  });
  const running = () => child.exitCode === null && child.signalCode === null;
  const exited = new Promise((resolve) => child.on("exit", resolve));
  // Polite stop on the normal path; killNow for process exit, where nothing async can run.
  const stop = async () => {
    if (running()) {
      child.kill("SIGTERM");
      await Promise.race([exited, sleep(3000)]);
      if (running()) child.kill("SIGKILL");
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const killNow = () => {
    if (running()) child.kill("SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { listening, stop, killNow, log: () => log };
}

function canConnect(url) {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect(Number(u.port || 80), u.hostname, () => { s.destroy(); resolve(true); });
    s.on("error", () => resolve(false));
    s.setTimeout(3000, () => { s.destroy(); resolve(false); });
  });
}

// Actions in the order a person sees them: body (depth first), then the card's own actions.
function cardActions(card) {
  const found = [];
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    if (node.type === "Action.Submit" || node.type === "Action.Execute") found.push(node);
    if (node.type === "Action.ShowCard") visit(node.card);
    for (const key of ["body", "items", "columns", "rows", "cells", "actions"]) visit(node[key]);
  };
  visit(card);
  return found;
}

async function main(argv) {
  const outIdx = argv.indexOf("--out");
  const out = outIdx >= 0 ? argv.splice(outIdx, 2)[1] : "playground-e2e-out.json";
  if (argv.length !== 1 || !out) {
    console.error("usage: BOT_ENDPOINT=... node playground-e2e.js STEPS.json [--out FILE]");
    return 2;
  }
  const steps = JSON.parse(fs.readFileSync(argv[0], "utf8"));
  const botEndpoint = process.env.BOT_ENDPOINT || "http://127.0.0.1:3978/api/messages";
  if (!(await canConnect(botEndpoint))) {
    console.error(`bot not reachable at ${botEndpoint}`);
    return 2;
  }

  const pg = startPlayground(botEndpoint, process.env.PLAYGROUND_PORT || 56150);
  process.on("exit", pg.killNow);
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(130));

  const port = await pg.listening;
  const base = `http://127.0.0.1:${port}`;
  const api = async (p, body) => {
    const r = await fetch(base + p, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const text = await r.text();
    if (!r.ok) throw new Error(`POST ${p} -> ${r.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const { config } = await (await fetch(`${base}/_internal/v1/testConfig`)).json();
  const user = config.currentUser.id, bot = config.bot;

  const events = []; // every WebSocket event, in arrival order
  const ws = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
  await new Promise((resolve, reject) => { ws.once("open", resolve); ws.once("error", reject); });
  let wake = () => {};
  ws.on("message", (d) => { events.push(JSON.parse(d.toString())); wake(); });
  const nextEvent = (ms) => new Promise((resolve) => { wake = resolve; setTimeout(resolve, ms); });

  // Collects bot messages for a conversation (a prefix, so channel threads match) from event index
  // `from` on: first one within the timeout, then until SETTLE_MS pass quietly.
  async function collect(from, conv, alreadyReplied) {
    const mine = () => events.slice(from).filter((e) => e.actionConversationId && e.actionConversationId.startsWith(conv));
    const deadline = Date.now() + REPLY_TIMEOUT_MS;
    while (!alreadyReplied && !mine().some((e) => e.message) && Date.now() < deadline) await nextEvent(deadline - Date.now());
    let count = -1;
    while (mine().length !== count) { count = mine().length; await sleep(SETTLE_MS); }
    return { replies: mine().filter((e) => e.message), typing: mine().filter((e) => e.action === "typing").length };
  }

  const results = [];
  let lastCard; // {message, conversationId} of the last bot message carrying an Adaptive Card
  for (const [index, step] of steps.entries()) {
    const r = { index, step, ok: false, problems: [] };
    results.push(r);
    try {
      const from = events.length;
      let conv, invokeResponse;
      if (step.say !== undefined) {
        const where = step.in || "personal";
        const target = { personal: config.personalChat, groupChat: config.groupChats[0], team: config.teams[0] }[where];
        if (!target) throw new Error(`unknown "in": ${where}`);
        const body = { from: { id: user }, text: String(step.say), textFormat: "plain" };
        if (where !== "personal") {
          const at = `<at>${bot.name}</at>`;
          body.text = `${at} ${body.text}`;
          body.mentions = [{ mentioned: { id: bot.id }, text: at }];
        }
        const sent = await api(`/_conversation/v1/conversations/${encodeURIComponent(target.id)}/messages`, body);
        conv = sent.postConversationId || target.id;
      } else if (step.press !== undefined || step.pressFirstAction) {
        if (!lastCard) throw new Error("no card received yet to press");
        const want = typeof step.press === "string" ? step.press.toLowerCase() : undefined;
        const actions = lastCard.message.attachments.filter((a) => a.contentType === CARD).flatMap((a) => cardActions(a.content));
        const action = actions.find((a) => !want || String(a.title || "").toLowerCase().includes(want));
        if (!action) throw new Error(`no Action.Submit/Execute${want ? ` titled like "${step.press}"` : ""} on the last card`);
        r.pressed = action;
        conv = lastCard.conversationId;
        const common = { conversation: { id: conv }, from: { id: user }, replyToId: lastCard.message.messageId };
        if (action.type === "Action.Execute") {
          // Same body the playground's own web client sends.
          invokeResponse = await api("/_conversation/v1/invoke", { ...common, name: "adaptiveCard/action",
            value: { action: { type: action.type, title: action.title, verb: action.verb, data: { ...action.data, ...step.inputs } } } });
          r.invokeResponse = invokeResponse;
        } else {
          const data = action.data && typeof action.data === "object" ? action.data : {}; // as the web client does
          await api("/_conversation/v1/submit", { ...common, value: { ...data, ...step.inputs } });
        }
      } else if (step.feedback !== undefined) {
        if (!lastCard) throw new Error("no card received yet to rate");
        conv = lastCard.conversationId;
        const feedback = JSON.stringify({ feedbackText: String(step.comment || "") });
        await api("/_conversation/v1/invoke", { conversation: { id: conv }, from: { id: user }, replyToId: lastCard.message.messageId,
          name: "message/submitAction", value: { actionName: "feedback", actionValue: { reaction: step.feedback, feedback } } });
        r.invoked = "message/submitAction";
      } else if (step.search !== undefined) {
        conv = config.personalChat.id;
        const res = await api("/_conversation/v1/invoke", { conversation: { id: conv }, from: { id: user }, name: "composeExtension/query",
          value: { commandId: "askBalkanBot", parameters: [{ name: "question", value: String(step.search) }], queryOptions: { skip: 0, count: 25 } } });
        r.composeExtension = res && res.composeExtension;
        r.invoked = "composeExtension/query";
      } else if (step.install) {
        conv = config.personalChat.id;
        await api(`/_debug/conversation/${encodeURIComponent(conv)}/installation`, {});
      } else {
        throw new Error("step needs say, press or install");
      }
      const invokeOk = (invokeResponse && invokeResponse.type && !/error/.test(invokeResponse.type)) || r.invoked !== undefined;
      Object.assign(r, { conversationId: conv }, await collect(from, conv, invokeOk || step.expectReply === false));
      for (const e of r.replies) {
        if ((e.message.attachments || []).some((a) => a.contentType === CARD)) lastCard = { message: e.message, conversationId: e.actionConversationId };
      }

      const expect = step.expect || {};
      const messages = r.replies.map((e) => e.message);
      const cards = messages.flatMap((m) => (m.attachments || []).filter((a) => a.contentType === CARD));
      if (invokeResponse && invokeResponse.type === CARD) cards.push({ contentType: CARD, content: invokeResponse.value });
      if (r.invoked === "composeExtension/query") {
        const results = (r.composeExtension && r.composeExtension.attachments) || [];
        if (!r.composeExtension || r.composeExtension.type !== "result") r.problems.push(`not a result: ${JSON.stringify(r.composeExtension)}`);
        if (results.length > 5) r.problems.push(`${results.length} results > 5`);
        if (expect.minResults && results.length < expect.minResults) r.problems.push(`${results.length} results < ${expect.minResults}`);
        for (const a of results) {
          if (!a.preview || !a.preview.content || !a.preview.content.title) r.problems.push("a result without a preview title");
          if (a.contentType === CARD) cards.push({ contentType: CARD, content: a.content });
        }
      }
      if (step.expectReply !== false && messages.length === 0 && !invokeOk) r.problems.push("no reply");
      if (invokeResponse && !invokeOk) r.problems.push(`invoke answered ${JSON.stringify(invokeResponse)}`);
      if (expect.minCards && cards.length < expect.minCards) r.problems.push(`${cards.length} cards < ${expect.minCards}`);
      if (expect.maxMessages !== undefined && messages.length > expect.maxMessages) r.problems.push(`${messages.length} messages > ${expect.maxMessages}`);
      if (expect.minMessages && messages.length < expect.minMessages) r.problems.push(`${messages.length} messages < ${expect.minMessages}`);
      const ai = messages.map((m) => m.aiEntity).filter(Boolean);
      const citations = ai.reduce((n, e) => Math.max(n, (e.citation || []).length), 0);
      if (expect.citations !== undefined && citations < expect.citations) r.problems.push(`${citations} citations < ${expect.citations}`);
      const labelled = ai.some((e) => (e.additionalType || []).includes("AIGeneratedContent"));
      if (expect.aiLabel !== undefined && labelled !== expect.aiLabel) r.problems.push(`AI label ${labelled}, expected ${expect.aiLabel}`);
      const loop = messages.some((m) => m.feedbackLoopEnabled === true);
      if (expect.feedbackLoop !== undefined && loop !== expect.feedbackLoop) r.problems.push(`feedback control ${loop}, expected ${expect.feedbackLoop}`);
      if (expect.textIncludes) {
        const all = JSON.stringify([messages.map((m) => m.text), cards, invokeResponse]).toLowerCase();
        if (!all.includes(String(expect.textIncludes).toLowerCase())) r.problems.push(`reply lacks "${expect.textIncludes}"`);
      }
    } catch (e) {
      r.problems.push(e.message);
    }
    r.ok = r.problems.length === 0;
    console.log(`step ${index}: ${r.ok ? "ok" : "FAIL " + r.problems.join("; ")} (${(r.replies || []).length} replies)`);
  }

  ws.close();
  await pg.stop();
  const ok = results.every((r) => r.ok);
  fs.writeFileSync(out, JSON.stringify({ ok, botEndpoint, playgroundPort: port, steps: results }, null, 2));
  console.log(`${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length} failed`);
  if (!ok) console.log(`playground log:\n${pg.log()}`);
  return ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => { console.error(e.stack || String(e)); process.exit(2); },
);
