#!/usr/bin/env python3
"""A small GAN trained in plain PyTorch on an MNIST-layout IDX folder (Fashion-MNIST, say), saved
as a TorchScript generator for `latentlab import`: the benchmark of importing and projecting a
generator trained elsewhere, and (--arch dcgan) the yardstick of what a plain GAN draws from its
prior in given minutes on this machine (BENCHMARKS, samples from the prior). Pixels in [-1, 1]
(tanh), the non-saturating loss, Adam 2e-4 (beta1 0.5). MLP G and D, or DCGAN's shape at 28 px:
transposed convolutions with batch norm in G, strided convolutions in D. Debian's python3-torch
and python3-numpy only.

    /usr/bin/python3 tools/train_torch_gan.py --data FASHION_DIR --steps 3000 --out G.pt
    ./latentlab import --generator G.pt --zdim 64 --prior normal --output-range -1,1 --data FASHION_DIR --out DIR
    /usr/bin/python3 tools/train_torch_gan.py --data MNIST_DIR --arch dcgan --zdim 32 --prior uniform \
        --batch 128 --minutes 30 --out G.pt      # then import --prior uniform, and eval
"""
import argparse
import gzip
import os
import time

import numpy as np
import torch
from torch import nn


def idx_images(folder):
    for name in ("train-images-idx3-ubyte", "train-images-idx3-ubyte.gz"):
        path = os.path.join(folder, name)
        if os.path.exists(path):
            data = (gzip.open if name.endswith(".gz") else open)(path, "rb").read()
            n, h, w = (int.from_bytes(data[i:i + 4], "big") for i in (4, 8, 12))
            return np.frombuffer(data, np.uint8, offset=16).reshape(n, h * w)
    raise SystemExit(f"{folder}: no train-images-idx3-ubyte(.gz)")


class Generator(nn.Module):
    def __init__(self, zdim, pixels):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(zdim, 256), nn.LeakyReLU(0.2), nn.Linear(256, 512), nn.LeakyReLU(0.2),
                                 nn.Linear(512, pixels), nn.Tanh())

    def forward(self, z):
        return self.net(z).reshape(z.shape[0], 1, 28, 28)


class ConvGenerator(nn.Module):
    """DCGAN's generator at 28 px: z to 128 x 7 x 7, then two transposed convolutions that double it."""

    def __init__(self, zdim):
        super().__init__()
        self.project = nn.Sequential(nn.Linear(zdim, 128 * 7 * 7), nn.BatchNorm1d(128 * 7 * 7), nn.ReLU())
        self.net = nn.Sequential(nn.ConvTranspose2d(128, 64, 4, 2, 1), nn.BatchNorm2d(64), nn.ReLU(),  # 64 x 14 x 14
                                 nn.ConvTranspose2d(64, 1, 4, 2, 1), nn.Tanh())                    # 1 x 28 x 28

    def forward(self, z):
        return self.net(self.project(z).reshape(z.shape[0], 128, 7, 7))


def conv_discriminator():
    return nn.Sequential(nn.Unflatten(1, (1, 28, 28)),
                         nn.Conv2d(1, 64, 4, 2, 1), nn.LeakyReLU(0.2),                         # 64 x 14 x 14
                         nn.Conv2d(64, 128, 4, 2, 1), nn.BatchNorm2d(128), nn.LeakyReLU(0.2),  # 128 x 7 x 7
                         nn.Flatten(), nn.Linear(128 * 7 * 7, 1))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True)
    p.add_argument("--steps", type=int, default=3000)
    p.add_argument("--zdim", type=int, default=64)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--minutes", type=float, default=0, help="stop after this many minutes (0: run every step)")
    p.add_argument("--arch", choices=("mlp", "dcgan"), default="mlp")
    p.add_argument("--prior", choices=("normal", "uniform"), default="normal")
    p.add_argument("--threads", type=int, default=os.cpu_count(), help="torch threads (default: all cores)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    torch.set_num_threads(a.threads)  # Debian's torch starts with one thread
    torch.manual_seed(a.seed)
    x = torch.tensor(idx_images(a.data), dtype=torch.float32) / 127.5 - 1
    if a.arch == "dcgan":
        g, d = ConvGenerator(a.zdim), conv_discriminator()
    else:
        g = Generator(a.zdim, x.shape[1])
        d = nn.Sequential(nn.Linear(x.shape[1], 512), nn.LeakyReLU(0.2), nn.Linear(512, 256), nn.LeakyReLU(0.2),
                          nn.Linear(256, 1))
    prior = (lambda n: torch.rand(n, a.zdim) * 2 - 1) if a.prior == "uniform" else (lambda n: torch.randn(n, a.zdim))
    opt_g = torch.optim.Adam(g.parameters(), 2e-4, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(d.parameters(), 2e-4, betas=(0.5, 0.999))
    bce = nn.BCEWithLogitsLoss()
    ones, zeros = torch.ones(a.batch, 1), torch.zeros(a.batch, 1)
    t0 = time.time()
    for step in range(1, a.steps + 1):
        real = x[torch.randint(len(x), (a.batch,))]
        fake = g(prior(a.batch)).flatten(1)
        loss_d = bce(d(real), ones) + bce(d(fake.detach()), zeros)
        opt_d.zero_grad()
        loss_d.backward()
        opt_d.step()
        loss_g = bce(d(fake), ones)
        opt_g.zero_grad()
        loss_g.backward()
        opt_g.step()
        if step % 500 == 0:
            print(f"step {step}  loss D {loss_d.item():.3f}  loss G {loss_g.item():.3f}  {time.time() - t0:.0f} s",
                  flush=True)
        if a.minutes and time.time() - t0 > a.minutes * 60:
            print(f"stopped at step {step} after {a.minutes:g} minutes")
            break
    g.eval()
    with torch.no_grad():
        torch.jit.trace(g, torch.zeros(2, a.zdim)).save(a.out)
    print(f"wrote {a.out}: G from z of {a.zdim} ({'U(-1, 1)' if a.prior == 'uniform' else 'N(0, 1)'}) to 1x28x28"
          " in [-1, 1]")


if __name__ == "__main__":
    main()
