#!/usr/bin/env bash
# Renders a junheng report.html to a PNG with headless Chromium, to see that it opens offline and that
# Chinese text and the SVG charts draw. Installs chromium and fonts-noto-cjk (apt-get) when missing.
# Usage: scripts/render-check.sh HTML_FILE OUT_PNG [WIDTHxHEIGHT [ANCHOR]]   (default 1280x4000)
#   ANCHOR opens the page at that id, e.g. section-frequencies-public for the first 逐题统计 section.
# Fails (non-zero) if the HTML is missing, Chromium fails, or the PNG is missing or tiny.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 HTML_FILE OUT_PNG [WIDTHxHEIGHT]" >&2
  exit 2
fi
html=$1
png=$2
size=${3:-1280x4000}
anchor=${4:-}
width=${size%x*}
height=${size#*x}

if [ ! -f "$html" ]; then
  echo "render-check: $html: no such file" >&2
  exit 1
fi

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# (grep -q would close the pipe early and, with pipefail, make fc-list look failed: read it all first.)
fonts=$(fc-list 2>/dev/null || true)
grep -qi "Noto Sans CJK" <<<"$fonts" || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "render-check: installing ${need[*]} (apt-get)" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

abs_html=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
mkdir -p "$(dirname "$png")"
abs_png=$(cd "$(dirname "$png")" && pwd)/$(basename "$png")
rm -f "$abs_png"

# A throwaway profile, so a running browser or a locked profile never interferes.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

# With an anchor, the page is shown from there in a frame the size of the window (a screenshot of the
# page itself always starts at its top).
page="file://$abs_html"
if [ -n "$anchor" ]; then
  printf '<!DOCTYPE html><html><body style="margin:0"><iframe src="file://%s#%s" style="border:0;width:%spx;height:%spx"></iframe></body></html>' \
    "$abs_html" "$anchor" "$width" "$height" >"$profile/frame.html"
  page="file://$profile/frame.html"
fi

# No network is needed: the page has no external resources. --virtual-time-budget lets layout settle.
timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
  --user-data-dir="$profile" --disable-extensions --disable-background-networking \
  --virtual-time-budget=2000 --window-size="$width,$height" \
  --screenshot="$abs_png" "$page" >"$profile/chromium.log" 2>&1 || {
  echo "render-check: chromium failed:" >&2
  tail -n 20 "$profile/chromium.log" >&2
  exit 1
}

if [ ! -s "$abs_png" ]; then
  echo "render-check: no screenshot was written to $png" >&2
  tail -n 20 "$profile/chromium.log" >&2
  exit 1
fi
bytes=$(wc -c <"$abs_png")
# A near-blank 1280×4000 page compresses to about 24 kB, the sample report to about 590 kB: ask for at
# least one byte per 100 pixels (51 kB at 1280×4000).
min_bytes=$((width * height / 100))
if [ "$bytes" -lt "$min_bytes" ]; then
  echo "render-check: $png is only $bytes bytes (< $min_bytes): the page looks blank" >&2
  exit 1
fi
echo "render-check: $png ($bytes bytes, ${width}x${height})"
