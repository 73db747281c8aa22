#!/usr/bin/env bash
# The conv architecture at its default widths, 50 steps each with the default recipe: 28 px gray
# (MNIST), 32 px RGB and 64 px RGB (a folder of colour images, subfolders = labels). Prints the
# first and last progress lines of each run: losses must stay finite and the cycle loss fall.
# Usage: tools/conv_fifty_steps.sh COLOUR_IMAGE_FOLDER
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
colour="$1"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "# $(date -u +%FT%TZ) $(nproc) cores"
run() {
  local name="$1"; shift
  local start=$SECONDS
  "$here/latentlab" train --arch conv --steps 50 --log-every 10 --no-density --out "$out/$name" "$@" 2>/dev/null \
      | grep -E '^(training|step (10|50)/)' | sed "s/^/$name: /"
  echo "$name: $((SECONDS - start)) s"
}
run gray28 --data mnist
run rgb32 --data "$colour" --image-size 32 --channels 3
run rgb64 --data "$colour" --image-size 64 --channels 3
