#!/usr/bin/env bash
# Warden's one entry point: installs what the build and tests need, then runs build.cake.
#   ./build.sh --target=Test    every test (this is what CI runs)
#   ./build.sh --target=Run     the whole system locally, with `warden` attached
# Idempotent: packages already present are not touched.
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages: a C toolchain and zlib for Native AOT linking; for the tests, the real tools
# the agent is checked against (procps: free, vmstat; iproute2: network namespaces; Nagios plugins;
# QEMU for a real guest; systemd for `systemd-analyze verify` of the shipped unit).
missing=()
if ! command -v clang >/dev/null && ! command -v clang-14 >/dev/null; then missing+=(clang); fi
for package in zlib1g-dev procps iproute2 monitoring-plugins-basic qemu-system-x86 systemd; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "build.sh: installing ${missing[*]} from Debian"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
exec dotnet tool run dotnet-cake -- build.cake "$@"
