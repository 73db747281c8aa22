#!/usr/bin/env python3
"""A small GAN trained in plain PyTorch on an MNIST-layout IDX folder (Fashion-MNIST, say), saved
as a TorchScript generator for `latentlab import`: the benchmark of importing and projecting a
generator trained elsewhere. Prior N(0, 1), pixels in [-1, 1] (tanh), MLP G and D, the
non-saturating loss, Adam 2e-4 (beta1 0.5). Debian's python3-torch and python3-numpy only.

    /usr/bin/python3 tools/train_torch_gan.py --data FASHION_DIR --steps 3000 --out G.pt
    ./latentlab import --generator G.pt --zdim 64 --prior normal --output-range -1,1 --data FASHION_DIR --out DIR
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


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True)
    p.add_argument("--steps", type=int, default=3000)
    p.add_argument("--zdim", type=int, default=64)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    torch.manual_seed(a.seed)
    x = torch.tensor(idx_images(a.data), dtype=torch.float32) / 127.5 - 1
    g = Generator(a.zdim, x.shape[1])
    d = nn.Sequential(nn.Linear(x.shape[1], 512), nn.LeakyReLU(0.2), nn.Linear(512, 256), nn.LeakyReLU(0.2),
                      nn.Linear(256, 1))
    opt_g = torch.optim.Adam(g.parameters(), 2e-4, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(d.parameters(), 2e-4, betas=(0.5, 0.999))
    bce = nn.BCEWithLogitsLoss()
    ones, zeros = torch.ones(a.batch, 1), torch.zeros(a.batch, 1)
    t0 = time.time()
    for step in range(1, a.steps + 1):
        real = x[torch.randint(len(x), (a.batch,))]
        fake = g(torch.randn(a.batch, a.zdim)).flatten(1)
        loss_d = bce(d(real), ones) + bce(d(fake.detach()), zeros)
        opt_d.zero_grad()
        loss_d.backward()
        opt_d.step()
        loss_g = bce(d(fake), ones)
        opt_g.zero_grad()
        loss_g.backward()
        opt_g.step()
        if step % 500 == 0:
            print(f"step {step}  loss D {loss_d.item():.3f}  loss G {loss_g.item():.3f}  {time.time() - t0:.0f} s")
    g.eval()
    with torch.no_grad():
        torch.jit.trace(g, torch.zeros(2, a.zdim)).save(a.out)
    print(f"wrote {a.out}: G from z of {a.zdim} (N(0, 1)) to 1x28x28 in [-1, 1]")


if __name__ == "__main__":
    main()
