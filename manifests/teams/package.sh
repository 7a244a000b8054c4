#!/usr/bin/env bash
# Builds the Teams app package build/balkanbot-teams.zip: manifest.json with ${{BOT_ID}} replaced by
# $BALKANBOT_BOT_ID (the bot's Microsoft App ID, also used as the Teams app id), plus both icons at
# the zip root, which is where Teams looks for them.
# Validate first with: node tests/js/validate-manifest.js --bot-id "$BALKANBOT_BOT_ID" manifests/teams/manifest.json
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
: "${BALKANBOT_BOT_ID:?set BALKANBOT_BOT_ID to the bot app id (a GUID)}"
if ! [[ "$BALKANBOT_BOT_ID" =~ ^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$ ]]; then
  echo "BALKANBOT_BOT_ID is not a GUID: $BALKANBOT_BOT_ID" >&2
  exit 1
fi

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
# Plain string replacement (no sed regex) of the literal placeholder.
BOT_ID="$BALKANBOT_BOT_ID" python3 -c '
import os, sys
text = open(sys.argv[1], encoding="utf-8").read().replace("${{BOT_ID}}", os.environ["BOT_ID"])
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
