#!/usr/bin/env bash
# One sitting of the PyTorch trainer (tools/latentlab_torch.py train, Debian's python3-torch) on this
# machine: one process with 1 and with 2 threads, two processes under torchrun (gloo, 1 thread each),
# and the app's own trainer, the default MLP recipe on MNIST, interleaved REPEATS times.
# Prints each run's steps/s. Usage: tools/torch_trainer_sitting.sh [STEPS] [REPEATS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
steps="${1:-300}"; repeats="${2:-3}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
rate() {  # both trainers print their rate at each --log-every: here once, over the whole run after loading the data
  grep -o '[0-9.]* steps/s' | tail -1
}
common=(train --data mnist --steps "$steps" --log-every "$steps" --checkpoint-every 1000000)
for r in $(seq "$repeats"); do
  for t in 1 2; do
    echo "one process, $t thread(s): $(/usr/bin/python3 "$here/tools/latentlab_torch.py" "${common[@]}" --threads "$t" \
        --out "$work/p$t-$r" 2>&1 | rate)"
  done
  echo "two processes (torchrun, gloo): $(/usr/bin/python3 -m torch.distributed.run --standalone --nproc_per_node 2 \
      --redirects 1 --tee 1 "$here/tools/latentlab_torch.py" "${common[@]}" --out "$work/d-$r" 2>&1 | rate)"
  echo "the app (latentlab train): $("$here/latentlab" train --data mnist --steps "$steps" --log-every "$steps" \
      --no-density --out "$work/app-$r" 2>/dev/null | rate)"
done
