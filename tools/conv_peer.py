#!/usr/bin/env python3
"""The PyTorch peer of Latent Lab's conv BiGAN step, for timing both in one sitting.

Same networks as src/main/java/org/latentlab/model/Networks.java (conv architecture) and the same
step as train/BiGanTrainer.java with the default recipe: batch norm in G and E, dropout 0.2 in D,
D lr 1e-4 and G+E lr 2e-4 (Adam, betas 0.5/0.999), BCE on logits, x-cycle (weight 4) on x shifted
by up to 1 px, z-cycle (weight 1); E(x) and G(z) computed once a step, D frozen in the G+E step.
Plain PyTorch (Debian's python3-torch), noise images: data do not change the speed.

    /usr/bin/python3 tools/conv_peer.py --image-size 32 --channels 3 --threads 2

Prints one JSON line with steps_per_s (median of --repeats runs of --steps steps).
"""
import argparse, json, os, statistics, sys, time
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from latentlab_torch import Reshape  # noqa: E402  (one definition for both tools)

SLOPE = 0.2


def ups(size):
    return 3 if size == 64 else 2


def generator(zdim, c, size, hidden):
    u = ups(size)
    s0, ch = size >> u, hidden << (u - 1)
    layers = [nn.Linear(zdim, ch * s0 * s0), nn.BatchNorm1d(ch * s0 * s0), nn.LeakyReLU(SLOPE), Reshape(ch, s0, s0)]
    for _ in range(1, u):
        layers += [nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(ch, ch // 2, 3, padding=1),
                   nn.BatchNorm2d(ch // 2), nn.LeakyReLU(SLOPE)]
        ch //= 2
    layers += [nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(ch, c, 3, padding=1), nn.Sigmoid()]
    return nn.Sequential(*layers)


def down_stack(c, size, hidden, batchnorm, dropout):
    layers, ch, cin = [], hidden, c
    for i in range(ups(size)):
        layers.append(nn.Conv2d(cin, ch, 4, stride=2, padding=1))
        if batchnorm and i > 0:
            layers.append(nn.BatchNorm2d(ch))
        layers.append(nn.LeakyReLU(SLOPE))
        if dropout:
            layers.append(nn.Dropout(dropout))
        cin, ch = ch, ch * 2
    layers.append(nn.Flatten())
    features = cin * (size >> ups(size)) ** 2
    return layers, features


def encoder(zdim, c, size, hidden):
    layers, f = down_stack(c, size, hidden, True, 0)
    return nn.Sequential(*layers, nn.Linear(f, zdim), nn.Tanh())


class Discriminator(nn.Module):
    def __init__(self, zdim, c, size, hidden, dropout=0.2):
        super().__init__()
        layers, f = down_stack(c, size, hidden, False, dropout)
        self.features = nn.Sequential(*layers)
        self.joint = nn.Sequential(nn.Dropout(dropout), nn.Linear(f + zdim, hidden), nn.LeakyReLU(SLOPE), nn.Dropout(dropout),
                                   nn.Linear(hidden, hidden), nn.LeakyReLU(SLOPE), nn.Dropout(dropout), nn.Linear(hidden, 1))

    def forward(self, x, z):
        return self.joint(torch.cat([self.features(x), z], 1))


def shifted(x, px=1):
    """x moved by up to px pixels per image (zeros enter), as data/ImageShift.java."""
    b, _, h, w = x.shape
    padded = F.pad(x, (px, px, px, px))
    dx = torch.randint(0, 2 * px + 1, (b,))
    dy = torch.randint(0, 2 * px + 1, (b,))
    return torch.stack([padded[i, :, dy[i]:dy[i] + h, dx[i]:dx[i] + w] for i in range(b)])


def bce(logits, target):
    return F.binary_cross_entropy_with_logits(logits, torch.full_like(logits, target))


def step(G, E, D, opt_d, opt_ge, x, z):
    ex, gz = E(x), G(z)
    logits = D(torch.cat([x, gz.detach()]), torch.cat([ex.detach(), z]))
    real, fake = logits.chunk(2)
    loss_d = bce(real, 1.0) + bce(fake, 0.0)
    opt_d.zero_grad(set_to_none=True)
    loss_d.backward()
    opt_d.step()
    for p in D.parameters():
        p.requires_grad_(False)
    real, fake = D(torch.cat([x, gz]), torch.cat([ex, z])).chunk(2)
    adversarial = bce(fake, 1.0) + bce(real, 0.0)
    b = x.shape[0]
    cycle = 4 * (G(E(shifted(x))) - x).pow(2).sum() / b + (E(gz) - z).pow(2).sum() / b
    opt_ge.zero_grad(set_to_none=True)
    (adversarial + cycle).backward()
    opt_ge.step()
    for p in D.parameters():
        p.requires_grad_(True)
    return loss_d.item(), adversarial.item(), cycle.item()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--image-size", type=int, default=28)
    ap.add_argument("--channels", type=int, default=1)
    ap.add_argument("--hidden", type=int, help="base channels (default as Latent Lab's: 64, or 32 at 64 px)")
    ap.add_argument("--zdim", type=int, default=32)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--steps", type=int, default=30)
    ap.add_argument("--warmup", type=int, default=10)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--profile", help="also write a Chrome trace of --steps more steps to this file")
    a = ap.parse_args()
    if a.hidden is None:
        a.hidden = 32 if a.image_size == 64 else 64
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    G = generator(a.zdim, a.channels, a.image_size, a.hidden)
    E = encoder(a.zdim, a.channels, a.image_size, a.hidden)
    D = Discriminator(a.zdim, a.channels, a.image_size, a.hidden)
    opt_d = torch.optim.Adam(D.parameters(), lr=1e-4, betas=(0.5, 0.999))
    opt_ge = torch.optim.Adam(list(G.parameters()) + list(E.parameters()), lr=2e-4, betas=(0.5, 0.999))
    x = torch.rand(a.batch, a.channels, a.image_size, a.image_size)
    rates = []
    for r in range(a.repeats + 1):
        n = a.warmup if r == 0 else a.steps
        start = time.perf_counter()
        for _ in range(n):
            losses = step(G, E, D, opt_d, opt_ge, x, torch.rand(a.batch, a.zdim) * 2 - 1)
        if r > 0:
            rates.append(n / (time.perf_counter() - start))
    if a.profile:
        with torch.autograd.profiler.profile() as prof:
            for _ in range(a.steps):
                step(G, E, D, opt_d, opt_ge, x, torch.rand(a.batch, a.zdim) * 2 - 1)
        prof.export_chrome_trace(a.profile)
    print(json.dumps({"impl": "pytorch-" + torch.__version__, "arch": "conv",
                      "image": f"{a.channels}x{a.image_size}x{a.image_size}", "hidden": a.hidden, "threads": a.threads, "batch": a.batch,
                      "steps": a.steps, "steps_per_s": round(statistics.median(rates), 2), "steps_per_s_all": rates,
                      "last_losses": losses}))


if __name__ == "__main__":
    main()
