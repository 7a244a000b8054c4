#!/usr/bin/env bash
# Builds the Teams app package build/balkanbot-teams.zip: manifest.json with its ${{...}} placeholders filled
# from the environment, plus both icons at the zip root, which is where Teams looks for them.
#
#   BALKANBOT_BOT_ID       the bot's Microsoft App ID (a GUID), also used as the Teams app id (required)
#   BALKANBOT_WEBSITE_URL  https page about the bot for your organisation (required)
#   BALKANBOT_PRIVACY_URL  https privacy statement (default: $BALKANBOT_WEBSITE_URL/privacy)
#   BALKANBOT_TERMS_URL    https terms of use (default: $BALKANBOT_WEBSITE_URL/terms)
#
# Validate first with the same values:
#   node tests/js/validate-manifest.js --bot-id "$BALKANBOT_BOT_ID" --set WEBSITE_URL=... --set PRIVACY_URL=... \
#     --set TERMS_URL=... manifests/teams/manifest.json
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
: "${BALKANBOT_BOT_ID:?set BALKANBOT_BOT_ID to the bot app id (a GUID)}"
: "${BALKANBOT_WEBSITE_URL:?set BALKANBOT_WEBSITE_URL to an https page about the bot (Teams shows it as the developer website)}"
BALKANBOT_WEBSITE_URL="${BALKANBOT_WEBSITE_URL%/}"
: "${BALKANBOT_PRIVACY_URL:=$BALKANBOT_WEBSITE_URL/privacy}"
: "${BALKANBOT_TERMS_URL:=$BALKANBOT_WEBSITE_URL/terms}"
if ! [[ "$BALKANBOT_BOT_ID" =~ ^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$ ]]; then
  echo "BALKANBOT_BOT_ID is not a GUID: $BALKANBOT_BOT_ID" >&2
  exit 1
fi
for name in BALKANBOT_WEBSITE_URL BALKANBOT_PRIVACY_URL BALKANBOT_TERMS_URL; do
  if ! [[ "${!name}" =~ ^https://[^[:space:]\"]+$ ]]; then
    echo "$name must be an https URL: ${!name}" >&2
    exit 1
  fi
done

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
# Plain string replacement (no sed regex) of the literal placeholders.
BOT_ID="$BALKANBOT_BOT_ID" WEBSITE_URL="$BALKANBOT_WEBSITE_URL" PRIVACY_URL="$BALKANBOT_PRIVACY_URL" TERMS_URL="$BALKANBOT_TERMS_URL" python3 -c '
import os, sys
text = open(sys.argv[1], encoding="utf-8").read()
for name in ("BOT_ID", "WEBSITE_URL", "PRIVACY_URL", "TERMS_URL"):
    text = text.replace("${{" + name + "}}", os.environ[name])
if "${{" in text:
    sys.exit("manifest.json still has a ${{...}} placeholder after substitution")
open(sys.argv[2], "w", encoding="utf-8").write(text)
' "$here/manifest.json" "$stage/manifest.json"
cp "$here/color.png" "$here/outline.png" "$stage/"

mkdir -p "$here/build"
out="$here/build/balkanbot-teams.zip"
rm -f "$out"
if command -v zip >/dev/null 2>&1; then
  (cd "$stage" && zip -q -X "$out" manifest.json color.png outline.png)
else
  (cd "$stage" && python3 -m zipfile -c "$out" manifest.json color.png outline.png)
fi
echo "wrote $out"
