#!/usr/bin/env bash
# Installs the Debian packages junheng builds against, when they are missing (needs root or sudo).
# Usage: scripts/install-deps.sh [extra-package ...]
set -euo pipefail
wanted=(libcsv-dev libxlsxwriter-dev libsqlite3-dev libqrencode-dev "$@")
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "junheng: installing ${missing[*]} (apt-get)" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
