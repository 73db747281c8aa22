#!/usr/bin/env python3
"""Hyper-parameter sweep of Latent Lab's BiGAN recipe, in PyTorch, for a machine with a GPU.

Mirrors the Java trainer (org.latentlab.train.BiGanTrainer): MLP G/E/D of width 512, batch norm in
G and E, dropout in D, non-saturating BCE losses, D frozen in the G+E step, optional cycle terms
lambda_x * sum_pixels (G(E(x)) - x)^2 and lambda_z * sum_dims (E(G(z)) - z)^2 (batch means).
It only chooses defaults; the bundled model is trained by the Java `train` command.

  python3 tools/recipe_sweep.py --mnist resources/datasets/mnist --epochs 30 --out results.jsonl
"""
import argparse, gzip, itertools, json, os, struct, sys, time
import torch, torch.nn as nn, torch.nn.functional as F


def read_idx(path):
    with (gzip.open if path.endswith(".gz") else open)(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4]); nd = magic & 0xFF
    dims = struct.unpack(">" + "I" * nd, data[4:4 + 4 * nd])
    return torch.frombuffer(bytearray(data[4 + 4 * nd:]), dtype=torch.uint8).reshape(dims)


def load(d, stem):
    x = read_idx(os.path.join(d, stem + "-images-idx3-ubyte.gz")).float().div(255).reshape(-1, 784)
    y = read_idx(os.path.join(d, stem + "-labels-idx1-ubyte.gz")).long()
    return x, y


def mlp(sizes, bn, out_act, dropout=0.0):
    layers = []
    if dropout: layers.append(nn.Dropout(dropout))
    for a, b in zip(sizes[:-2], sizes[1:-1]):
        layers.append(nn.Linear(a, b))
        if bn: layers.append(nn.BatchNorm1d(b))
        layers.append(nn.LeakyReLU(0.2))
        if dropout: layers.append(nn.Dropout(dropout))
    layers.append(nn.Linear(sizes[-2], sizes[-1]))
    if out_act: layers.append(out_act)
    return nn.Sequential(*layers)


def one_nn(E, xtr, ytr, xte, yte):
    E.eval()
    with torch.no_grad():
        ftr = F.normalize(E(xtr), dim=1); fte = F.normalize(E(xte), dim=1)
        pred = ytr[(fte @ ftr.T).argmax(1)]
    E.train()
    return (pred == yte).float().mean().item()


def train_classifier(xtr, ytr, dev):
    """A small CNN (about 98.5% after 2 epochs) to judge samples: classifier score and histogram."""
    torch.manual_seed(0)
    c = nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(),
                      nn.MaxPool2d(2), nn.Flatten(), nn.Linear(1600, 128), nn.ReLU(), nn.Linear(128, 10)).to(dev)
    opt = torch.optim.Adam(c.parameters(), 1e-3)
    for ep in range(2):
        perm = torch.randperm(xtr.shape[0], device=dev)
        for i in range(0, xtr.shape[0] - 127, 128):
            idx = perm[i:i + 128]
            loss = F.cross_entropy(c(xtr[idx].view(-1, 1, 28, 28)), ytr[idx])
            opt.zero_grad(); loss.backward(); opt.step()
    c.eval()
    return c


def sample_quality(G, clf, zd, dev):
    G.eval()
    with torch.no_grad():
        p = F.softmax(clf(G(torch.rand(10000, zd, device=dev) * 2 - 1).view(-1, 1, 28, 28)), 1)
    G.train()
    marg = p.mean(0, keepdim=True)
    score = torch.exp((p * (torch.log(p + 1e-12) - torch.log(marg + 1e-12))).sum(1).mean()).item()
    hist = torch.bincount(p.argmax(1), minlength=10).float() / 10000
    return round(score, 3), round(hist.min().item(), 3)


def run(cfg, xtr, ytr, xte, yte, dev, epochs, clf=None):
    torch.manual_seed(cfg["seed"])
    h, zd = cfg["hidden"], 32
    G = mlp([zd, h, h, 784], cfg["bn"], nn.Sigmoid()).to(dev)
    E = mlp([784, h, h, zd], cfg["bn"], nn.Tanh()).to(dev)
    D = mlp([784 + zd, h, h, 1], False, None, cfg["drop"]).to(dev)
    oD = torch.optim.Adam(D.parameters(), lr=cfg["lrd"], betas=(0.5, 0.999))
    oGE = torch.optim.Adam(list(G.parameters()) + list(E.parameters()), lr=cfg["lrge"], betas=(0.5, 0.999))
    n, b = xtr.shape[0], 128
    steps_per_epoch = n // b
    out = dict(cfg)
    bce = F.binary_cross_entropy_with_logits
    for ep in range(1, epochs + 1):
        perm = torch.randperm(n, device=dev)
        for i in range(steps_per_epoch):
            x = xtr[perm[i * b:(i + 1) * b]]
            z = torch.rand(b, zd, device=dev) * 2 - 1
            with torch.no_grad():
                ex, gz = E(x), G(z)
            ones, zeros = torch.ones(b, 1, device=dev), torch.zeros(b, 1, device=dev)
            ld = bce(D(torch.cat([x, ex], 1)), ones) + bce(D(torch.cat([gz, z], 1)), zeros)
            oD.zero_grad(); ld.backward(); oD.step()
            for p in D.parameters(): p.requires_grad_(False)
            ex, gz = E(x), G(z)
            lge = bce(D(torch.cat([gz, z], 1)), ones) + bce(D(torch.cat([x, ex], 1)), zeros)
            if cfg["lx"] > 0: lge = lge + cfg["lx"] * ((G(ex) - x) ** 2).sum(1).mean()
            if cfg["lz"] > 0: lge = lge + cfg["lz"] * ((E(gz) - z) ** 2).sum(1).mean()
            oGE.zero_grad(); lge.backward(); oGE.step()
            for p in D.parameters(): p.requires_grad_(True)
        if ep in (1, 2, 3, 5, 10, 15, 20, 30, 40, 50) or ep == epochs:
            out[f"nn_e{ep}"] = round(one_nn(E, xtr, ytr, xte, yte), 4)
            G.eval(); E.eval()
            with torch.no_grad():
                out[f"mse_e{ep}"] = round(F.mse_loss(G(E(xte)), xte).item(), 4)
            G.train(); E.train()
            out[f"lossD_e{ep}"] = round(ld.item(), 4)
            if clf is not None:
                out[f"is_e{ep}"], out[f"minclass_e{ep}"] = sample_quality(G, clf, zd, dev)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mnist", required=True); ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--out", required=True); ap.add_argument("--worker", type=int, default=-1)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--grid", default="encoder", help="encoder (first sweep) or samples (second)")
    a = ap.parse_args()
    dev = "cuda" if torch.cuda.is_available() else "cpu"
    xtr, ytr = load(a.mnist, "train"); xte, yte = load(a.mnist, "t10k")
    xtr, ytr, xte, yte = xtr.to(dev), ytr.to(dev), xte.to(dev), yte.to(dev)
    grid = [dict(hidden=512, bn=bn, drop=dr, lrd=lrd, lrge=2e-4, lx=lx, lz=lz, seed=1)
            for bn, dr, lrd, lx, lz in itertools.product([True], [0.2, 0.5], [1e-4, 2e-4], [0.0, 0.1, 0.5, 2.0], [0.0, 1.0])]
    grid.append(dict(hidden=512, bn=False, drop=0.0, lrd=2e-4, lrge=2e-4, lx=0.0, lz=0.0, seed=1))  # reference
    grid.append(dict(hidden=1024, bn=True, drop=0.2, lrd=1e-4, lrge=2e-4, lx=0.5, lz=1.0, seed=1))
    grid.append(dict(hidden=512, bn=True, drop=0.2, lrd=1e-4, lrge=5e-4, lx=0.5, lz=1.0, seed=1))
    clf = None
    if a.grid == "samples":
        clf = train_classifier(xtr, ytr, dev)
        grid = [dict(hidden=512, bn=True, drop=dr, lrd=lrd, lrge=2e-4, lx=lx, lz=lz, seed=1)
                for dr, lrd, lx, lz in itertools.product([0.2, 0.5], [5e-5, 2e-4], [0.3, 1.0], [1.0, 4.0])]
    mine = [g for i, g in enumerate(grid) if a.worker < 0 or i % a.workers == a.worker]
    for cfg in mine:
        t0 = time.time()
        r = run(cfg, xtr, ytr, xte, yte, dev, a.epochs, clf)
        r["seconds"] = round(time.time() - t0, 1)
        with open(a.out, "a") as f:
            f.write(json.dumps(r) + "\n")
        print(json.dumps(r), flush=True)


if __name__ == "__main__":
    main()
