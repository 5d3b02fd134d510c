#!/usr/bin/env bash
# Opens a junheng report.xlsx in LibreOffice (headless) and converts it to PDF, to check that the
# workbook is valid outside Excel. Installs libreoffice-calc-nogui (apt-get) when LibreOffice is missing.
# Usage: scripts/xlsx-check.sh XLSX_FILE [OUT_PDF]
# Fails (non-zero) if the file is missing, is not a zip, or no PDF results.
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "usage: $0 XLSX_FILE [OUT_PDF]" >&2
  exit 2
fi
xlsx=$1
out_pdf=${2:-}

if [ ! -f "$xlsx" ]; then
  echo "xlsx-check: $xlsx: no such file" >&2
  exit 1
fi
if [ "$(head -c 2 "$xlsx")" != "PK" ]; then
  echo "xlsx-check: $xlsx is not a zip archive, so not an .xlsx workbook" >&2
  exit 1
fi

if ! command -v soffice >/dev/null 2>&1 && ! command -v libreoffice >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "xlsx-check: installing libreoffice-calc-nogui (apt-get)" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null
fi
office=$(command -v libreoffice || command -v soffice)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Its own profile folder: a LibreOffice already running for the user would otherwise swallow the job.
timeout 180 "$office" -env:UserInstallation="file://$work/profile" --headless --norestore \
  --convert-to pdf --outdir "$work/out" "$xlsx" >"$work/log" 2>&1 || {
  echo "xlsx-check: LibreOffice failed:" >&2
  cat "$work/log" >&2
  exit 1
}

pdf="$work/out/$(basename "${xlsx%.*}").pdf"
if [ ! -s "$pdf" ] || [ "$(head -c 4 "$pdf")" != "%PDF" ]; then
  echo "xlsx-check: LibreOffice wrote no PDF for $xlsx" >&2
  cat "$work/log" >&2
  exit 1
fi
pages=$(grep -ac "/Type */Page[^s]" "$pdf" || true)
if [ -n "$out_pdf" ]; then
  cp "$pdf" "$out_pdf"
fi
echo "xlsx-check: $xlsx opens in LibreOffice; PDF of $(wc -c <"$pdf") bytes, $pages page(s)${out_pdf:+ -> $out_pdf}"
