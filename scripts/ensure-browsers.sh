#!/usr/bin/env bash
# Makes sure Debian's Chromium (and, with --firefox, Firefox ESR) are installed for the
# browser tests. Installs them with apt-get when we may (root, or passwordless sudo);
# otherwise says exactly what to install and fails.
set -euo pipefail

want_firefox=false
[[ "${1:-}" == "--firefox" ]] && want_firefox=true

missing=()
[[ -x /usr/lib/chromium/chromium || -x /usr/bin/chromium ]] || missing+=(chromium)
if $want_firefox; then
  [[ -x /usr/bin/firefox-esr ]] || missing+=(firefox-esr)
fi
# A virtual display and key/mouse input on it: the one Chromium test that answers the
# browser's native permission dialog runs headed on it (tests/e2e/drivers/xvfb.ts). Wanted,
# not required: without them that test skips and says why.
wanted=()
[[ -x /usr/bin/Xvfb ]] || wanted+=(xvfb)
[[ -x /usr/bin/xdotool ]] || wanted+=(xdotool)
[[ ${#missing[@]} -eq 0 && ${#wanted[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]]; then
  apt=(apt-get)
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  apt=(sudo apt-get)
elif [[ ${#missing[@]} -eq 0 ]]; then
  echo "Without Debian's ${wanted[*]}, the Chromium test of a site allowed at capture skips. Install with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${wanted[*]}" >&2
  exit 0
else
  echo "The browser tests need Debian's ${missing[*]}. Install with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]} ${wanted[*]}" >&2
  exit 1
fi
missing+=("${wanted[@]}")
echo "Installing ${missing[*]} from Debian for the browser tests…"
"${apt[@]}" update -qq
DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq "${missing[@]}" >/dev/null
