#!/usr/bin/env node
// chat-page.spec.js: browser test of the bot's local chat page (GET /), headless Debian chromium via playwright-core.
//
// Usage: node chat-page.spec.js BOT_BASE_URL [SCREENSHOT_DIR]
//   e.g. node chat-page.spec.js http://127.0.0.1:3978 artifacts
// Opens the page, waits for the welcome card, asks a question, checks that the rendered card shows the answer and
// its numbered sources, clicks a follow-up button, checks the follow-up answer, and saves screenshots
// (chat-page.png, the whole conversation; chat-page-failure.png when a check fails). Then the same at a 400 px wide
// window (a phone), where it also checks the layout: no button title cut with "…", a one-line header, a placeholder
// that fits the input, no text wider than its box; screenshot chat-page-400.png (chat-page-400-failure.png).
// Prints one JSON line of timings per width; exit 0 on success.
// Never downloads a browser: it uses /usr/bin/chromium (override with CHROMIUM), flags per shared/PROTOCOLS.md.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { chromium } = require("playwright-core");

const QUESTION = "What is the Tirana Declaration?";
const ANSWER_TEXT = "18 March 2025";
const FOLLOW_UP = "What do the sources say about the Tirana Declaration?";
const TIMEOUT = 20000;

async function main([base, outDir = "artifacts"]) {
  if (!base) {
    console.error("usage: node chat-page.spec.js BOT_BASE_URL [SCREENSHOT_DIR]");
    return 2;
  }
  fs.mkdirSync(outDir, { recursive: true });
  const wide = await run(base, outDir, 1000, "chat-page");
  return wide !== 0 ? wide : run(base, outDir, 400, "chat-page-400");
}

async function run(base, outDir, width, name) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "chat-page-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    viewport: { width, height: 900 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  const page = context.pages()[0] || (await context.newPage());
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") pageErrors.push(m.text()); });
  const timings = {};
  const t0 = Date.now();
  const botMessages = page.locator(".bot-message");
  try {
    await page.goto(base + "/", { waitUntil: "load" });
    await botMessages.first().locator(".ac-adaptiveCard").waitFor({ timeout: TIMEOUT });
    timings.welcomeMs = Date.now() - t0;
    await expectText(botMessages.first(), "Try one of these", "welcome card");

    let t = Date.now();
    await page.fill("#input", QUESTION);
    await page.press("#input", "Enter");
    await page.locator(".user-message", { hasText: QUESTION }).waitFor({ timeout: TIMEOUT });
    const answer = botMessages.filter({ hasText: ANSWER_TEXT }).first();
    await answer.waitFor({ timeout: TIMEOUT });
    timings.answerMs = Date.now() - t;
    await expectText(answer, "Tirana Declaration", "answer title");
    await expectText(answer, "Sources", "sources heading");
    await expectText(answer, "[1] ", "numbered source");
    const sourceLines = await answer.locator(".ac-textBlock", { hasText: /^\[\d+\] / }).count();
    if (sourceLines < 1) throw new Error("no numbered source lines rendered");
    timings.sourceLines = sourceLines;

    t = Date.now();
    const before = await botMessages.count();
    await answer.locator("button", { hasText: FOLLOW_UP }).first().click();
    const followUp = botMessages.filter({ hasText: "You asked: " + FOLLOW_UP });
    await followUp.first().waitFor({ timeout: TIMEOUT });
    timings.followUpMs = Date.now() - t;
    await expectText(followUp.first(), ANSWER_TEXT, "follow-up answer");
    if ((await botMessages.count()) <= before) throw new Error("the follow-up did not add a message");

    // Sticky header and composer would land mid-picture in a full-page capture.
    await page.addStyleTag({ content: "header, #composer { position: static !important; }" });
    if (width < 600) {
      const problems = await page.evaluate(layoutProblems);
      if (problems.length) throw new Error(`layout at ${width} px: ${problems.join("; ")}`);
    }
    await page.screenshot({ path: path.join(outDir, name + ".png"), fullPage: true });
    if (pageErrors.length) throw new Error("page errors: " + pageErrors.join(" | "));
    timings.totalMs = Date.now() - t0;
    console.log(JSON.stringify({ ok: true, width, ...timings, screenshot: path.join(outDir, name + ".png") }));
    return 0;
  } catch (e) {
    await page.screenshot({ path: path.join(outDir, name + "-failure.png"), fullPage: true }).catch(() => {});
    console.log(JSON.stringify({ ok: false, width, error: String(e.message || e), pageErrors, ...timings }));
    return 1;
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

// Runs in the page: what a new user would notice on a narrow window.
function layoutProblems() {
  const problems = [];
  const cut = (el) => el.scrollWidth > el.clientWidth + 1;
  for (const b of document.querySelectorAll(".ac-pushButton")) {
    if (b.offsetParent === null) continue;
    if (cut(b) || [...b.querySelectorAll("div")].some(cut)) problems.push(`button "${b.textContent.slice(0, 40)}" is cut`);
  }
  const h1 = document.querySelector("header h1"), sub = document.querySelector("header .subtitle");
  if (Math.abs(sub.getBoundingClientRect().top - h1.getBoundingClientRect().top) > 12) problems.push("header subtitle on a second line");
  const input = document.getElementById("input"), style = getComputedStyle(input);
  const ctx = document.createElement("canvas").getContext("2d");
  ctx.font = `${style.fontSize} ${style.fontFamily}`;
  const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  if (ctx.measureText(input.placeholder).width > room) problems.push("input placeholder is cut");
  for (const t of document.querySelectorAll(".bot-message .ac-textBlock")) {
    if (t.offsetParent !== null && cut(t)) problems.push(`text wider than its box: "${t.textContent.slice(0, 40)}"`);
  }
  return problems;
}

async function expectText(locator, text, what) {
  const content = await locator.innerText();
  if (!content.includes(text)) throw new Error(`${what}: "${text}" not found in: ${content.slice(0, 400)}`);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => { console.error(e.stack || String(e)); process.exit(2); },
);
