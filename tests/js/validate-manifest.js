#!/usr/bin/env node
// validate-manifest.js — offline check of a Teams app manifest and its two icons.
//
// Usage: node validate-manifest.js [--bot-id GUID] [--set NAME=VALUE]... path/to/manifest.json
//
// Schema: the official JSON schema shipped inside @microsoft/app-manifest
// (build/json-schemas/teams/v1.N/MicrosoftTeams.schema.json, v1.0-v1.30 and vDevPreview), chosen
// from the version in `$schema` (locale segments like /en-us/ are ignored) or else from
// `manifestVersion`; the two must agree. Validation mirrors the package's own
// AppManifestUtils.validateAgainstSchema (draft-04 Ajv, allErrors, formats uri/email/regex,
// \a and \v in schema regexes rewritten). We do not call the package itself: its entry point
// requires fs-extra, which 1.1.2 does not declare as a dependency, and it would fall back to
// downloading the schema.
//
// Placeholders: manifest.json keeps `${{BOT_ID}}` in `id` and `bots[].botId`, and those fields must
// match the schema's GUID pattern, which a placeholder does not. So `--bot-id GUID` replaces the
// literal `${{BOT_ID}}` everywhere before validating (package.sh does the same substitution);
// CI can pass any GUID, e.g. 00000000-0000-0000-0000-000000000000. The developer URLs are
// `${{WEBSITE_URL}}`, `${{PRIVACY_URL}}` and `${{TERMS_URL}}`, filled by `--set NAME=VALUE` (package.sh
// fills them from BALKANBOT_* variables). A placeholder left unsubstituted is reported as an error.
//
// Icons (Teams package rules): icons.color must be a 192x192 PNG; icons.outline a 32x32 PNG with an
// alpha channel, some fully transparent pixels, and every visible pixel white.
//
// Prints one line per problem and exits 1 on any (2 on usage errors).
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const Ajv04 = require("ajv-draft-04");
const addFormats = require("ajv-formats");

const SCHEMA_DIR = path.join(
  path.dirname(require.resolve("@microsoft/app-manifest/package.json")), "build", "json-schemas", "teams");
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

function schemaVersionDir(manifest, problems) {
  let fromUrl;
  if (manifest.$schema) {
    const m = /\/json-schemas\/teams\/(v[^/]+)\/MicrosoftTeams\.schema\.json$/i.exec(manifest.$schema);
    if (m) fromUrl = m[1];
    else problems.push(`$schema is not a Teams manifest schema URL: ${manifest.$schema}`);
  }
  const mv = manifest.manifestVersion;
  const fromVersion = mv === "devPreview" ? "vDevPreview" : mv ? `v${mv}` : undefined;
  if (fromUrl && fromVersion && fromUrl !== fromVersion) {
    problems.push(`$schema names ${fromUrl} but manifestVersion is ${mv}`);
  }
  return fromUrl || fromVersion;
}

function loadSchema(dir) {
  const file = path.join(SCHEMA_DIR, dir, "MicrosoftTeams.schema.json");
  if (!fs.existsSync(file)) {
    const have = fs.readdirSync(SCHEMA_DIR).join(", ");
    throw new Error(`no offline schema for ${dir} in @microsoft/app-manifest (have: ${have})`);
  }
  // The published schemas use \a and \v in regexes, which JavaScript rejects.
  return JSON.parse(fs.readFileSync(file, "utf8").replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b"));
}

// Minimal PNG reader: dimensions, colour type, and (for 8-bit non-interlaced images) RGBA pixels.
function readPng(file) {
  const buf = fs.readFileSync(file);
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error("not a PNG file");
  let off = 8, ihdr, trns = false;
  const idat = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off), type = buf.toString("ascii", off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    if (type === "IHDR") ihdr = data;
    else if (type === "IDAT") idat.push(data);
    else if (type === "tRNS") trns = true;
    off += 12 + len;
  }
  const width = ihdr.readUInt32BE(0), height = ihdr.readUInt32BE(4);
  const depth = ihdr[8], colorType = ihdr[9], interlace = ihdr[12];
  const img = { width, height, colorType, hasAlpha: colorType === 4 || colorType === 6 || trns };
  const channels = { 4: 2, 6: 4 }[colorType];
  if (depth !== 8 || interlace !== 0 || !channels) return img; // pixels only for what we need to inspect
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels, out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)], line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[y * stride + x - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const pred = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      out[y * stride + x] = (line[x] + pred) & 0xff;
    }
  }
  img.pixels = [];
  for (let i = 0; i < out.length; i += channels) {
    img.pixels.push(channels === 4 ? [out[i], out[i + 1], out[i + 2], out[i + 3]] : [out[i], out[i], out[i], out[i + 1]]);
  }
  return img;
}

function checkIcons(manifest, baseDir, problems) {
  const icons = manifest.icons || {};
  const open = (kind) => {
    if (!icons[kind]) return undefined;
    try {
      return readPng(path.join(baseDir, icons[kind]));
    } catch (e) {
      problems.push(`icons.${kind} (${icons[kind]}): ${e.message}`);
    }
  };
  const color = open("color");
  if (color && (color.width !== 192 || color.height !== 192)) {
    problems.push(`icons.color is ${color.width}x${color.height}, must be 192x192`);
  }
  const outline = open("outline");
  if (!outline) return;
  if (outline.width !== 32 || outline.height !== 32) {
    problems.push(`icons.outline is ${outline.width}x${outline.height}, must be 32x32`);
  }
  if (!outline.hasAlpha) return problems.push("icons.outline has no alpha channel (must be transparent)");
  if (!outline.pixels) return problems.push("icons.outline: use 8-bit RGBA or grey+alpha, non-interlaced, so it can be checked");
  if (!outline.pixels.some((p) => p[3] === 0)) problems.push("icons.outline has no transparent pixels");
  const nonWhite = outline.pixels.filter((p) => p[3] > 0 && (p[0] < 250 || p[1] < 250 || p[2] < 250)).length;
  if (nonWhite) problems.push(`icons.outline has ${nonWhite} visible pixels that are not white`);
}

function main(argv) {
  let botId, file;
  const values = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--bot-id") botId = argv[++i];
    else if (argv[i] === "--set") {
      const m = /^([A-Z_]+)=(.*)$/.exec(argv[++i] || "");
      if (!m) return usage();
      values[m[1]] = m[2];
    }
    else if (!file) file = argv[i];
    else file = undefined, i = argv.length; // more than one path: usage error
  }
  if (!file || (botId !== undefined && !GUID.test(botId || ""))) return usage();
  const problems = [];
  let text = fs.readFileSync(file, "utf8");
  if (botId) text = text.split("${{BOT_ID}}").join(botId);
  for (const [name, value] of Object.entries(values)) text = text.split("${{" + name + "}}").join(value);
  for (const m of new Set(text.match(/\$\{\{[^}]*\}\}/g) || [])) {
    problems.push(`unsubstituted placeholder ${m}${m === "${{BOT_ID}}" ? " (pass --bot-id GUID)" : " (pass --set NAME=VALUE)"}`);
  }
  let manifest;
  try {
    manifest = JSON.parse(text);
  } catch (e) {
    console.log(`${file}: invalid JSON: ${e.message}`);
    return 1;
  }
  const dir = schemaVersionDir(manifest, problems);
  if (!dir) problems.push("neither $schema nor manifestVersion says which schema applies");
  else {
    try {
      const ajv = new Ajv04({ allErrors: true, strictTypes: false });
      addFormats(ajv, ["uri", "email", "regex"]);
      const validate = ajv.compile(loadSchema(dir));
      if (!validate(manifest)) {
        for (const e of validate.errors) {
          problems.push(`schema ${dir}: ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
        }
      }
    } catch (e) {
      problems.push(e.message);
    }
  }
  checkIcons(manifest, path.dirname(file), problems);
  for (const p of problems) console.log(`${file}: ${p}`);
  console.log(problems.length ? `manifest: ${problems.length} problem(s)` : `manifest: valid against ${dir}, icons ok`);
  return problems.length ? 1 : 0;
}

function usage() {
  console.error("usage: node validate-manifest.js [--bot-id GUID] [--set NAME=VALUE]... path/to/manifest.json");
  return 2;
}

process.exitCode = main(process.argv.slice(2));
