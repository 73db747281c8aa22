#!/usr/bin/env bash
# Latent Lab launcher of the self-contained image: the window with no arguments, else a command
# (sample, encode, interpolate, train, eval, ...). Needs nothing installed but a Linux
# x86-64 desktop (GTK 3) for the window; the headless commands need no display.
set -euo pipefail
app="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
# The environment and JVM options shared with ./latentlab and the tests (lib/environment and
# lib/jvm-options, the reason for each setting in those files).
while IFS='=' read -r name value; do
  case "$name" in ''|'#'*) continue ;; esac
  [ -n "${!name:-}" ] || export "$name=$value"
done < "$app/lib/environment"
# Offline, no telemetry, and libtorch from the unpacked copy in the image: nothing is downloaded
# or extracted into the user's home.
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
export PYTORCH_LIBRARY_PATH="$app/lib/pytorch" PYTORCH_FLAVOR=cpu PYTORCH_VERSION=2.7.1
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-${TMPDIR:-/tmp}/latentlab-djl-$(id -u)}"
opts="${LATENTLAB_JAVA_OPTS:-$(grep -v '^#' "$app/lib/jvm-options" | tr '\n' ' ')}" # why: see that file
exec "$app/runtime/bin/java" $opts --add-modules jdk.incubator.vector -Dai.djl.offline=true -Dlatentlab.home="$app" \
  -Djavafx.cachedir="${TMPDIR:-/tmp}/latentlab-fx-$(id -u)" \
  -cp "$app/lib/*" org.latentlab.Main "$@"
