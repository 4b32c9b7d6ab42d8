#!/usr/bin/env bash
# Renders a dagroute HTML report to a PNG with headless Chromium, to check it by eye.
#   Scripts/screenshot.sh REPORT.html OUT.png [WIDTH]
# Installs Debian's chromium when no Chromium is found (apt-get as root, or through sudo).
# The page is opened from a local file; the report itself references nothing external, and
# networking is switched off for the browser anyway (--host-resolver-rules, no proxy).
set -euo pipefail

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  echo "usage: $0 REPORT.html OUT.png [WIDTH]" >&2
  exit 2
fi
report=$1
out=$2
width=${3:-1100}
[ -f "$report" ] || { echo "$0: no such file: $report" >&2; exit 2; }

browser=""
for b in chromium chromium-browser google-chrome; do
  if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
done
if [ -z "$browser" ]; then
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  echo "screenshot: installing chromium" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >&2
  $sudo apt-get install -y -qq chromium >&2
  browser=chromium
fi

abs_report=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
abs_out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
# Tall enough for a whole report; Chromium crops to the window size.
height=${SCREENSHOT_HEIGHT:-4000}
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --user-data-dir="$profile" --no-first-run --no-default-browser-check \
  --host-resolver-rules="MAP * ~NOTFOUND" --no-proxy-server \
  --window-size="$width,$height" --screenshot="$abs_out" "file://$abs_report" >&2
echo "screenshot: wrote $abs_out" >&2
