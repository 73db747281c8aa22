#!/usr/bin/env bash
# One sitting of the conv step against its PyTorch peer (tools/conv_peer.py, Debian's python3-torch),
# interleaved per image shape so both see the same machine state.
# Usage: tools/conv_sitting.sh [STEPS] [REPEATS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
steps="${1:-10}"; repeats="${2:-3}"
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
for shape in "28 1" "32 3" "64 3"; do
  set -- $shape
  "$here/latentlab" dev bench --arch conv --image-size "$1" --channels "$2" --threads 2 --steps "$steps" --warmup 3 \
      --repeats "$repeats" 2>/dev/null | tail -1
  for t in 1 2; do
    /usr/bin/python3 "$here/tools/conv_peer.py" --image-size "$1" --channels "$2" --threads "$t" --steps "$steps" \
        --warmup 3 --repeats "$repeats" | tail -1
  done
done
