#!/usr/bin/env node
// validate-cards.js — offline Adaptive Card checks for what BalkanBot sends to Teams.
//
// Usage: node validate-cards.js DIR_OR_FILE...
//   Every *.json file (directories are searched recursively) holds one card object or an array
//   of cards. Prints `FILE#index: message` per problem, then `cards: N, errors: E, warnings: W`.
//   Exit 0 only when there are no errors and no warnings.
//
// Why these checks: Teams renders schema 1.5 for bots and a card that desktop tolerates can break
// on mobile (see shared/PROTOCOLS.md). So each card is parsed by the official renderer
// (adaptivecards 3.0.6, loaded from dist/ because the lib/ entry does not load under Node) with a
// SerializationContext targeting 1.5, which reports parse events (bad enum values, types or
// properties newer than 1.5), and then card.validateProperties() (missing urls, duplicate ids...).
// The SDK misses several mistakes, so a structural walk of the raw JSON adds:
//   - card without `version` (the SDK silently assumes 1.6) or with version > 1.5;
//   - TextBlock/TextRun without `text`;
//   - Table without `columns`, TableRow with more cells than the Table has columns (dropped silently);
//   - unknown element/action types, per slot (an action in `body` is an error), with JSON paths;
//   - `fallback` objects (the SDK never parses a fallback whose primary parsed, so they are
//     validated on their own);
//   - property names the SDK does not know (typos are ignored silently) -> warning;
//   - Action.Execute without an Action.Submit fallback (our rule, PROTOCOLS.md) -> warning;
//   - Table without a `fallback` element, and every card with a Table parsed once more by the
//     renderer with Table unregistered (as on clients without it): the result must hold no Table
//     and the parse no error beyond the expected "unknown element Table";
//   - card JSON over 80 KB (Teams' message limit is about 100 KB) -> warning.
"use strict";

const fs = require("fs");
const path = require("path");
const AC = require("adaptivecards/dist/adaptivecards.js");

const MAX_VERSION = AC.Versions.v1_5;
const MAX_CARD_BYTES = 80 * 1024;

const ELEMENTS = new Set([
  "TextBlock", "RichTextBlock", "Image", "ImageSet", "Media", "FactSet", "Container", "ColumnSet",
  "ActionSet", "Table", "Input.Text", "Input.Number", "Input.Date", "Input.Time", "Input.Toggle",
  "Input.ChoiceSet",
]);
const ACTIONS = new Set([
  "Action.OpenUrl", "Action.Submit", "Action.ShowCard", "Action.ToggleVisibility", "Action.Execute",
]);
// SDK event kinds that are advice rather than breakage.
const WARNING_EVENTS = new Set([
  AC.ValidationEvent.Hint, AC.ValidationEvent.Deprecated, AC.ValidationEvent.UnsupportedProperty,
  AC.ValidationEvent.RequiredInputsShouldHaveLabel, AC.ValidationEvent.RequiredInputsShouldHaveErrorMessage,
]);
// Our walk reports unknown types with a path; drop the SDK's path-less duplicates.
const DUPLICATE_EVENTS = new Set([AC.ValidationEvent.UnknownElementType, AC.ValidationEvent.UnknownActionType]);
// Keys the SDK parses by hand rather than through its property schema.
const STRUCTURAL_KEYS = {
  "*": ["fallback"],
  AdaptiveCard: ["body", "actions", "msteams"], // msteams: Teams-only extras (width, mention entities)
  Container: ["items"], Column: ["items", "width"], TableCell: ["items"], ColumnSet: ["columns"],
  ActionSet: ["actions"], Table: ["rows"], TableRow: ["cells"], RichTextBlock: ["inlines"],
  "Action.ShowCard": ["card"],
};

function listJsonFiles(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return [p];
  return fs.readdirSync(p).sort().flatMap((name) => {
    const full = path.join(p, name);
    return fs.statSync(full).isDirectory() ? listJsonFiles(full) : name.endsWith(".json") ? [full] : [];
  });
}

function compareVersion(v, max) {
  const m = /^(\d+)\.(\d+)$/.exec(String(v));
  if (!m) return NaN;
  return Number(m[1]) - max.major || Number(m[2]) - max.minor;
}

// Walks raw card JSON by slot. report(level, path, msg); fallbacks collects fallback objects to
// validate separately; paths maps each raw object to its JSON path for SDK messages.
function walk(node, slot, p, ctx) {
  if (node === undefined) return;
  if (Array.isArray(node)) return node.forEach((n, i) => walk(n, slot, `${p}[${i}]`, ctx));
  if (slot === "inline" && typeof node === "string") return;
  if (node === null || typeof node !== "object") {
    return ctx.report("error", p, `expected ${slot === "action" ? "an action" : "an element"} object`);
  }
  ctx.paths.set(node, p);
  const type = node.type;
  const known = {
    element: ELEMENTS.has(type), action: ACTIONS.has(type), card: type === "AdaptiveCard",
    column: type === "Column" || type === undefined, row: type === "TableRow", cell: type === "TableCell",
    image: type === "Image", inline: type === "TextRun",
  }[slot];
  if (!known) {
    ctx.report("error", p, `unknown ${slot} type ${JSON.stringify(type)} (not valid here in schema 1.5)`);
  }
  const sub = (key, s) => walk(node[key], s, `${p}.${key}`, ctx);

  if (node.fallback !== undefined && node.fallback !== "drop" && slot !== "card") {
    const fbSlot = slot === "action" ? "action" : "element";
    if (known) ctx.fallbacks.push({ node: node.fallback, slot: fbSlot, path: `${p}.fallback` });
    else sub("fallback", fbSlot); // the SDK parses it in place of the unknown primary
  }
  switch (type) {
    case "AdaptiveCard":
      sub("body", "element"); sub("actions", "action"); sub("selectAction", "action");
      if (node.refresh && node.refresh.action) walk(node.refresh.action, "action", `${p}.refresh.action`, ctx);
      if (node.fallback !== undefined && node.fallback !== "drop") sub("fallback", "element");
      break;
    case "Container": case "Column": case "TableCell":
      sub("items", "element"); sub("selectAction", "action"); break;
    case "ColumnSet": sub("columns", "column"); sub("selectAction", "action"); break;
    case "ActionSet": sub("actions", "action"); break;
    case "ImageSet": sub("images", "image"); break;
    case "Image": sub("selectAction", "action"); break;
    case "RichTextBlock": sub("inlines", "inline"); break;
    case "Input.Text": sub("inlineAction", "action"); break;
    case "Action.ShowCard": sub("card", "card"); break;
    case "Table": {
      const cols = node.columns;
      if (!Array.isArray(cols) || cols.length === 0) ctx.report("error", p, "Table has no columns (renders nothing)");
      if (!node.fallback || typeof node.fallback !== "object") {
        ctx.report("error", p, "Table without a fallback element (blank on mobile and older clients without Table)");
      }
      sub("rows", "row");
      (Array.isArray(node.rows) ? node.rows : []).forEach((row, i) => {
        const n = row && Array.isArray(row.cells) ? row.cells.length : 0;
        if (Array.isArray(cols) && n > cols.length) {
          ctx.report("error", `${p}.rows[${i}]`, `TableRow has ${n} cells but the Table has ${cols.length} columns (extra cells are dropped)`);
        }
      });
      break;
    }
    case "TableRow": sub("cells", "cell"); break;
  }
  if ((type === "TextBlock" || type === "TextRun") && (typeof node.text !== "string" || node.text.trim() === "")) {
    ctx.report("error", p, `${type} without text`);
  }
  if (type === "Action.Execute" && !(node.fallback && node.fallback.type === "Action.Submit")) {
    ctx.report("warning", p, "Action.Execute without an Action.Submit fallback");
  }
}

// Parses one card (or a synthetic card wrapping a fallback) with the SDK and reports its events.
function sdkCheck(cardJson, ctx) {
  const sc = new AC.SerializationContext(MAX_VERSION);
  const objPath = new Map();
  const checkKeys = (obj, source) => {
    const p = ctx.paths.get(source) || "";
    objPath.set(obj, p);
    const type = obj.getJsonTypeName();
    const schema = obj.getSchema();
    const allowed = new Set([...(STRUCTURAL_KEYS["*"]), ...(STRUCTURAL_KEYS[type] || [])]);
    for (let i = 0; i < schema.getCount(); i++) allowed.add(schema.getItemAt(i).name);
    for (const key of Object.keys(source)) {
      if (!allowed.has(key)) ctx.report("warning", p, `unknown property "${key}" on ${type} (ignored by renderers)`);
    }
  };
  sc.onParseElement = checkKeys;
  sc.onParseAction = checkKeys;
  const card = new AC.AdaptiveCard();
  card.parse(cardJson, sc);
  checkKeys(card, cardJson);
  const events = [];
  for (let i = 0; i < sc.eventCount; i++) events.push(sc.getEventAt(i));
  events.push(...card.validateProperties().validationEvents);
  for (const e of events) {
    if (DUPLICATE_EVENTS.has(e.event)) continue;
    const where = (e.source && objPath.get(e.source)) || "";
    ctx.report(WARNING_EVENTS.has(e.event) ? "warning" : "error", where, `${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
}

// Clients without Table (some mobile and older ones) render each Table's fallback: parse the card
// as they would, with Table missing from the element registry, and check what is left.
function withoutTableCheck(cardJson, report) {
  if (!JSON.stringify(cardJson).includes('"type":"Table"')) return;
  const registry = new AC.CardObjectRegistry();
  AC.GlobalRegistry.populateWithDefaultElements(registry);
  registry.unregister("Table");
  const sc = new AC.SerializationContext(MAX_VERSION);
  sc.setElementRegistry(registry);
  const card = new AC.AdaptiveCard();
  card.parse(cardJson, sc);
  for (let i = 0; i < sc.eventCount; i++) {
    const e = sc.getEventAt(i);
    if (e.event === AC.ValidationEvent.UnknownElementType && /"Table"/.test(e.message)) continue;
    report("error", "without Table", `${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  const rendered = JSON.stringify(card.toJSON());
  if (rendered.includes('"type":"Table"')) report("error", "without Table", "a Table is still in the card (no fallback used)");
  for (const e of card.validateProperties().validationEvents) {
    report("error", "without Table", `${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
}

function checkCard(card, report) {
  if (card === null || typeof card !== "object" || Array.isArray(card)) return report("error", "", "not a JSON object");
  const ctx = { report, paths: new WeakMap(), fallbacks: [] };
  if (card.version === undefined) report("error", "", "card has no version (the SDK silently treats it as the latest)");
  // A malformed version string is reported by the SDK itself.
  else if (compareVersion(card.version, MAX_VERSION) > 0) report("error", "", `card version ${card.version} is newer than 1.5`);
  const size = Buffer.byteLength(JSON.stringify(card));
  if (size > MAX_CARD_BYTES) report("warning", "", `card is ${size} bytes, over ${MAX_CARD_BYTES}`);

  walk(card, "card", "$", ctx);
  sdkCheck(card, ctx);
  withoutTableCheck(card, report);
  // Fallbacks are what old clients render: check them like the primary.
  for (let i = 0; i < ctx.fallbacks.length; i++) {
    const fb = ctx.fallbacks[i];
    if (fb.node === null || typeof fb.node !== "object") {
      report("error", fb.path, 'fallback must be an object or "drop"');
      continue;
    }
    walk(fb.node, fb.slot, fb.path, ctx);
    const wrapper = { type: "AdaptiveCard", version: "1.5", [fb.slot === "action" ? "actions" : "body"]: [fb.node] };
    sdkCheck(wrapper, ctx);
  }
}

function main(args) {
  if (args.length === 0) {
    console.error("usage: node validate-cards.js DIR_OR_FILE...");
    return 2;
  }
  let cards = 0, errors = 0, warnings = 0;
  for (const file of args.flatMap(listJsonFiles)) {
    let data;
    try {
      data = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
      console.log(`${file}#0: error: invalid JSON: ${e.message}`);
      errors++;
      continue;
    }
    (Array.isArray(data) ? data : [data]).forEach((card, index) => {
      cards++;
      checkCard(card, (level, where, msg) => {
        if (level === "error") errors++; else warnings++;
        console.log(`${file}#${index}: ${level}: ${where ? where + ": " : ""}${msg}`);
      });
    });
  }
  console.log(`cards: ${cards}, errors: ${errors}, warnings: ${warnings}`);
  return errors === 0 && warnings === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
