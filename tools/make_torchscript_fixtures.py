#!/usr/bin/env python3
"""Writes the small TorchScript generators and encoders the import tests open
(src/test/resources/torchscript/, a few KB each). Run with Debian's python3-torch:

    /usr/bin/python3 tools/make_torchscript_fixtures.py src/test/resources/torchscript

Random weights (seeded): the tests check the plumbing (shapes, priors, output ranges, projection),
not what the generators draw. G maps a float tensor [N, zdim] to [N, C, H, W]; E maps
[N, C, H, W] to [N, zdim].
"""
import os
import sys

import torch
from torch import nn


class Generator(nn.Module):
    def __init__(self, zdim, channels, size, hidden, out):
        super().__init__()
        self.shape = (channels, size, size)
        self.net = nn.Sequential(nn.Linear(zdim, hidden), nn.LeakyReLU(0.2),
                                 nn.Linear(hidden, channels * size * size), out)

    def forward(self, z):
        return self.net(z).reshape(z.shape[0], *self.shape)


class Encoder(nn.Module):
    def __init__(self, zdim, channels, size, hidden):
        super().__init__()
        self.net = nn.Sequential(nn.Flatten(), nn.Linear(channels * size * size, hidden), nn.LeakyReLU(0.2),
                                 nn.Linear(hidden, zdim), nn.Tanh())

    def forward(self, x):
        return self.net(x)


class FlatOutput(nn.Module):
    """Declared an image generator, but returns [N, 10]."""

    def __init__(self, zdim):
        super().__init__()
        self.net = nn.Linear(zdim, 10)

    def forward(self, z):
        return self.net(z)


class NaNOutput(nn.Module):
    def __init__(self, zdim):
        super().__init__()
        self.net = nn.Linear(zdim, 64)

    def forward(self, z):
        return (self.net(z) * float("nan")).reshape(z.shape[0], 1, 8, 8)


def save(module, example, path):
    module.eval()
    with torch.no_grad():
        torch.jit.trace(module, example).save(path)
    print(f"{path}: {os.path.getsize(path)} bytes")


def main(out):
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(1)
    # gray, prior U(-1, 1), output in [0, 1], with an encoder
    save(Generator(6, 1, 12, 16, nn.Sigmoid()), torch.zeros(2, 6), os.path.join(out, "gray-uniform-g.pt"))
    save(Encoder(6, 1, 12, 16), torch.zeros(2, 1, 12, 12), os.path.join(out, "gray-uniform-e.pt"))
    # RGB, prior N(0, 1), output in [-1, 1], no encoder
    save(Generator(8, 3, 16, 8, nn.Tanh()), torch.zeros(2, 8), os.path.join(out, "rgb-normal-g.pt"))
    save(FlatOutput(4), torch.zeros(2, 4), os.path.join(out, "flat-output-g.pt"))
    save(NaNOutput(4), torch.zeros(2, 4), os.path.join(out, "nan-output-g.pt"))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/torchscript")
