#!/usr/bin/env bash
# Prints a junheng report.html to A4 PDF with headless Chromium (--print-to-pdf, as a county office prints
# it from the browser), then checks the pages with poppler: A4 paper, more than one page, every page's
# footer carrying the report's title (which names the county) and "第 N 页，共 M 页", and each section
# starting a page of its own. Installs chromium, fonts-noto-cjk and poppler-utils (apt-get) when missing.
# Usage: scripts/print-check.sh HTML_FILE OUT_PDF [PNG_FOLDER]
#   With PNG_FOLDER, every page is also rendered to PNG there (pdftoppm, 60 dpi) to look at.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 HTML_FILE OUT_PDF [PNG_FOLDER]" >&2
  exit 2
fi
html=$1
pdf=$2
pngs=${3:-}

if [ ! -f "$html" ]; then
  echo "print-check: $html: no such file" >&2
  exit 1
fi

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdfinfo >/dev/null 2>&1 || need+=(poppler-utils)
fonts=$(fc-list 2>/dev/null || true)
grep -qi "Noto Sans CJK" <<<"$fonts" || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "print-check: installing ${need[*]} (apt-get)" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

abs_html=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
mkdir -p "$(dirname "$pdf")"
abs_pdf=$(cd "$(dirname "$pdf")" && pwd)/$(basename "$pdf")
rm -f "$abs_pdf"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

# The page's own footer (CSS page-margin boxes) replaces the browser's header and footer.
timeout 180 chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$profile" \
  --disable-extensions --disable-background-networking --no-pdf-header-footer \
  --print-to-pdf="$abs_pdf" "file://$abs_html" >"$profile/chromium.log" 2>&1 || {
  echo "print-check: chromium failed:" >&2
  tail -n 20 "$profile/chromium.log" >&2
  exit 1
}
[ -s "$abs_pdf" ] || { echo "print-check: no PDF was written to $pdf" >&2; exit 1; }

pages=$(pdfinfo "$abs_pdf" | awk '/^Pages:/ { print $2 }')
size=$(pdfinfo "$abs_pdf" | awk '/^Page size:/ { print $3 "x" $5 }')
# A4 is 595.28 × 841.89 points; pdfinfo rounds.
case "$size" in
  59[45]*x841* | 59[45]*x842*) ;;
  *) echo "print-check: the pages are $size points, not A4 (595 × 842)" >&2; exit 1 ;;
esac
if [ "$pages" -lt 2 ]; then
  echo "print-check: only $pages page" >&2
  exit 1
fi
# (Each pipeline reads its input to the end: with pipefail, a reader that stops early fails the script.)
title=$(grep -o '<title>[^<]*</title>' "$abs_html" | sed 's:</*title>::g' | sed -n '1p')
for page in $(seq 1 "$pages"); do
  text=$(pdftotext -layout -f "$page" -l "$page" "$abs_pdf" -)
  if ! grep -q "第 $page 页，共 $pages 页\|Page $page of $pages" <<<"$text"; then
    echo "print-check: page $page has no page number in its footer" >&2
    exit 1
  fi
  if ! grep -qF "$title" <<<"$text"; then
    echo "print-check: page $page's footer lacks the title ($title)" >&2
    exit 1
  fi
done
# Each <h2> of a section (the summary's aside) opens a page: its heading is the page's first line.
sections=$(grep -c '<section id="section-' "$abs_html" || true)
first_lines=0
for page in $(seq 1 "$pages"); do
  text=$(pdftotext -f "$page" -l "$page" "$abs_pdf" -)
  first=$(awk 'NF && !done { print; done = 1 }' <<<"$text")
  if grep -qF "<h2>$first</h2>" "$abs_html"; then first_lines=$((first_lines + 1)); fi
done
if [ "$first_lines" -lt "$sections" ]; then
  echo "print-check: $sections sections but only $first_lines pages open with a section heading" >&2
  exit 1
fi
if [ -n "$pngs" ]; then
  mkdir -p "$pngs"
  pdftoppm -r 60 -png "$abs_pdf" "$pngs/page"
fi
echo "print-check: $pdf ($pages A4 pages, footer on each, $sections sections each opening a page)"
