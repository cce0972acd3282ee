#!/usr/bin/env bash
# Debian packages the tests drive besides Node: Chromium + Japanese fonts for the portal's end-to-end
# tests (`npx playwright install` cannot download browsers here) and curl + jq for the API guide's
# shell examples; HAProxy for the replicated start and its test (system/src/replicas.ts).
# Installed with apt-get when missing and allowed (root); otherwise a clear warning.
set -u
missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "noto sans cjk" || missing+=(fonts-noto-cjk)
command -v jq >/dev/null 2>&1 || missing+=(jq)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v "${HAPROXY_PATH:-haproxy}" >/dev/null 2>&1 || missing+=(haproxy)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} for the end-to-end and API-guide tests…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null && exit 0
fi
echo "warning: ${missing[*]} missing; the portal e2e, API-guide and replica tests need them (apt-get install -y ${missing[*]})" >&2
exit 0
