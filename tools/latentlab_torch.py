#!/usr/bin/env python3
"""Latent Lab models in plain PyTorch (nothing else): rebuild G, E and D from a folder written by

    latentlab export --format safetensors --model CHECKPOINT --out FOLDER

and use them. As a library:

    from latentlab_torch import load
    m = load("FOLDER")               # m.generator, m.encoder, m.discriminator (eval mode), m.config
    x = m.generator(torch.rand(4, m.config["zdim"]) * 2 - 1)   # (4, C, S, S) in [0, 1]
    z = m.encoder(x)                                           # (4, zdim) in [-1, 1]

From the command line:

    python3 tools/latentlab_torch.py FOLDER --z z.json --out x.png    # decode a z as `latentlab decode` does
    python3 tools/latentlab_torch.py FOLDER --encode image.png         # print E(x) as JSON
    python3 tools/latentlab_torch.py FOLDER --sample 16 --out grid.png # from the fitted density, else the prior
    python3 tools/latentlab_torch.py FOLDER --torchscript DIR         # G and E as TorchScript, for import

and to train the recipe in PyTorch, on one process or many (see tools/latentlab_train.py):

    torchrun --nproc_per_node N tools/latentlab_torch.py train --data DIR --steps N --out RUN_DIR

z.json holds a JSON array of zdim numbers, or what `latentlab encode` prints. --encode takes an
image at the model's size (other sizes are resized; no digit centring: prepare it as the model's
data were). The networks mirror org.latentlab.model.Networks layer for layer: the children of
each nn.Sequential here are those of the DJL SequentialBlock there, so the weights' names match.
"""
import argparse
import json
import math
import os
import struct
import sys
import zlib

# Why: OpenMP's threads spin while they wait, and beside Python's own thread that more than halved a
# 2-thread run's steps here (4.0 against 9.3 steps/s, tools/torch_trainer_sitting.sh). Read when torch starts.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import torch  # noqa: E402
from torch import nn

WEIGHTS = "model.safetensors"
CONFIG = "config.json"
DENSITY = "latent-density.json"


def read_safetensors(path):
    """The float32 tensors of a safetensors file, by name (the format's reader, without the package)."""
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    out = {}
    for name, t in header.items():
        if name == "__metadata__":
            continue
        if t["dtype"] != "F32":
            raise ValueError(f"{name}: only F32 tensors are written by Latent Lab, found {t['dtype']}")
        begin, end = t["data_offsets"]
        buf = bytearray(data[8 + n + begin:8 + n + end])
        out[name] = torch.frombuffer(buf, dtype=torch.float32).reshape(t["shape"]) if buf else torch.zeros(t["shape"])
    return out


def write_safetensors(path, tensors, metadata=None):
    """A safetensors file of float32 tensors (the format's writer, without the package)."""
    header, offset, blobs = {}, 0, []
    for name, t in tensors.items():
        b = t.detach().to("cpu", torch.float32).contiguous().numpy().tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(b)]}
        offset += len(b)
        blobs.append(b)
    if metadata:
        header["__metadata__"] = metadata
    head = json.dumps(header).encode()
    head += b" " * (-len(head) % 8)
    with open(path, "wb") as f:
        f.write(len(head).to_bytes(8, "little") + head + b"".join(blobs))
        f.flush()
        os.fsync(f.fileno())



class Reshape(nn.Module):
    def __init__(self, *shape):
        super().__init__()
        self.shape = shape

    def forward(self, x):
        return x.reshape(x.shape[0], *self.shape)


def _hidden(layers, c, n_in, units):
    layers.append(nn.Linear(n_in, units))
    if c["batch_norm"]:
        layers.append(nn.BatchNorm1d(units, eps=c["batch_norm_eps"]))
    layers.append(nn.LeakyReLU(c["leaky_slope"]))


def _upsamplings(c):
    return 3 if c["image_size"] == 64 else 2


def _resize_conv(n_in, filters):
    # Latent Lab computes this folded (ResizeConv); the function is nearest x2, then a 3x3 convolution.
    return nn.Sequential(nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(n_in, filters, 3, padding=1))


def _dropout(c):
    return nn.Dropout(c["d_dropout"]) if c["d_dropout"] > 0 else nn.Identity()


def generator(c):
    s, ch_out, h, z = c["image_size"], c["channels"], c["hidden"], c["zdim"]
    layers = []
    if c["arch"] == "mlp":
        _hidden(layers, c, z, h)                                  # (B, h)
        _hidden(layers, c, h, h)                                  # (B, h)
        layers += [nn.Linear(h, ch_out * s * s), nn.Sigmoid(), Reshape(ch_out, s, s)]
        return nn.Sequential(*layers)
    ups = _upsamplings(c)
    s0, ch = s >> ups, h << (ups - 1)
    _hidden(layers, c, z, ch * s0 * s0)                           # (B, ch*s0*s0)
    layers.append(Reshape(ch, s0, s0))                            # (B, ch, s0, s0)
    for _ in range(1, ups):
        layers.append(_resize_conv(ch, ch // 2))                  # (B, ch/2, 2s, 2s)
        ch //= 2
        if c["batch_norm"]:
            layers.append(nn.BatchNorm2d(ch, eps=c["batch_norm_eps"]))
        layers.append(nn.LeakyReLU(c["leaky_slope"]))
    layers += [_resize_conv(ch, ch_out), nn.Sigmoid()]            # (B, C, S, S)
    return nn.Sequential(*layers)


def _conv_stack(c, layers, with_norm, width=None):
    ch_in, ch, size = c["channels"], width or c["hidden"], c["image_size"]
    for i in range(_upsamplings(c)):
        layers.append(nn.Conv2d(ch_in, ch, 4, stride=2, padding=1))   # (B, ch, S/2^(i+1), ..)
        if with_norm and c["batch_norm"] and i > 0:
            layers.append(nn.BatchNorm2d(ch, eps=c["batch_norm_eps"]))
        layers.append(nn.LeakyReLU(c["leaky_slope"]))
        if not with_norm:
            layers.append(_dropout(c))
        ch_in, ch, size = ch, ch * 2, size // 2
    layers.append(nn.Flatten())
    return ch_in * size * size


def encoder(c):
    """E of the config's kind ("encoder", else G's) and width ("encoder_width", else G's): a conv E of
    an MLP model ends in a hidden layer of G's width before z, as the app's ModelConfig.convEncoderFc."""
    layers = []
    kind, width = c.get("encoder", c["arch"]), c.get("encoder_width", c["hidden"])
    if kind == "mlp":
        layers.append(nn.Flatten())
        pixels = c["channels"] * c["image_size"] ** 2
        _hidden(layers, c, pixels, width)
        _hidden(layers, c, width, width)
        features = width
    else:
        features = _conv_stack(c, layers, with_norm=True, width=width)
        if c["arch"] == "mlp":
            _hidden(layers, c, features, c["hidden"])             # (B, h)
            features = c["hidden"]
    layers += [nn.Linear(features, c["zdim"]), nn.Tanh()]
    return nn.Sequential(*layers)


def _unit(a):
    return a / (a.norm() + 1e-12)


def spectrally_normalise(d):
    """D's weights divided by their largest singular value, as the app's SpectralNormStore: one power
    iteration per training forward pass from the u vector kept per weight (buffer `weight_u`, first
    the unit vector of equal entries), sigma's gradient kept."""
    for m in d.modules():
        if isinstance(m, (nn.Linear, nn.Conv2d)):
            rows = m.weight.shape[0]
            m.register_buffer("weight_u", torch.full((rows,), rows ** -0.5))
            m.forward = _normalised_forward(m)


def _normalised_weight(m):
    w = m.weight
    matrix = w.reshape(w.shape[0], -1)                                       # (out, in*k*k)
    fixed = matrix.detach()
    u = m.weight_u.reshape(-1, 1)                                            # (out, 1)
    v = _unit(fixed.t() @ u)                                                 # (in, 1)
    if m.training:
        u = _unit(fixed @ v)
        m.weight_u.copy_(u.reshape(-1))
        v = _unit(fixed.t() @ u)
    sigma = (u.t() @ (matrix @ v)).reshape(())
    return w / sigma


def _normalised_forward(m):
    if isinstance(m, nn.Linear):
        return lambda x: nn.functional.linear(x, _normalised_weight(m), m.bias)
    return lambda x: nn.functional.conv2d(x, _normalised_weight(m), m.bias, m.stride, m.padding, m.dilation, m.groups)


class Discriminator(nn.Module):
    """D(x, z): features of x joined with z to one logit; with the image score, a second logit on x alone;
    with spectral_norm, its weights normalised (spectrally_normalise)."""

    def __init__(self, c):
        super().__init__()
        h, slope = c["hidden"], c["leaky_slope"]
        layers = []
        if c["arch"] == "mlp":
            self.x = nn.Sequential(nn.Flatten())
            features = c["channels"] * c["image_size"] ** 2
        else:
            features = _conv_stack(c, layers, with_norm=False)
            self.x = nn.Sequential(*layers)
        self.joint = nn.Sequential(_dropout(c), nn.Linear(features + c["zdim"], h), nn.LeakyReLU(slope), _dropout(c),
                                   nn.Linear(h, h), nn.LeakyReLU(slope), _dropout(c), nn.Linear(h, 1))
        self.image = None
        if c["image_score"]:
            head = [nn.Linear(features, h), nn.LeakyReLU(slope), _dropout(c)] if c["arch"] == "mlp" else []
            self.image = nn.Sequential(*head, nn.Linear(h if c["arch"] == "mlp" else features, 1))
        if c.get("spectral_norm"):
            spectrally_normalise(self)

    def forward(self, x, z):
        fx = self.x(x)
        joint = self.joint(torch.cat([fx, z], 1))
        return joint if self.image is None else torch.cat([joint, self.image(fx)], 1)


def load_weights(net, state):
    """Loads `state` into `net`; returns the names missing from it and those it has that `net` does
    not. Batch norm's step counters may be missing, and a normalised D's u vectors (a checkpoint of
    step 0 has none: the power iteration starts from its first vector)."""
    missing, unexpected = net.load_state_dict(state, strict=False)
    return [k for k in missing if not k.endswith(("num_batches_tracked", "weight_u"))], unexpected


class Model:
    def __init__(self, folder):
        with open(os.path.join(folder, CONFIG)) as f:
            self.config = json.load(f)
        if self.config.get("format") != "latentlab-torch":
            raise ValueError(f"{folder}/{CONFIG} was not written by `latentlab export --format safetensors`")
        weights = read_safetensors(os.path.join(folder, WEIGHTS))
        self.generator = generator(self.config)
        self.encoder = encoder(self.config)
        self.discriminator = Discriminator(self.config)
        for name, net in (("generator", self.generator), ("encoder", self.encoder),
                          ("discriminator", self.discriminator)):
            state = {k[len(name) + 1:]: v for k, v in weights.items() if k.startswith(name + ".")}
            missing, unexpected = load_weights(net, state)
            if missing or unexpected:
                raise ValueError(f"{name}: weights missing {missing}, not expected {unexpected}")
            net.eval()
        density = os.path.join(folder, DENSITY)
        self.density = json.load(open(density)) if os.path.exists(density) else None

    def sample_latents(self, n, seed=1, temperature=None):
        """n codes from the fitted density at this temperature (default: the density's own, else 0.7), else the prior."""
        g = torch.Generator().manual_seed(seed)
        d = self.config["zdim"]
        if self.density is None:
            return torch.rand(n, d, generator=g) * 2 - 1
        if temperature is None:
            temperature = self.density.get("temperature") or 0.7  # files before 2026-12-03 keep none
        w = torch.tensor(self.density["weights"], dtype=torch.float64)
        means = torch.tensor(self.density["means"], dtype=torch.float64)
        k = torch.multinomial(w / w.sum(), n, replacement=True, generator=g)
        chol = torch.zeros(len(w), d, d, dtype=torch.float64)
        rows, cols = torch.tril_indices(d, d)
        for i, lower in enumerate(self.density["choleskyLower"]):
            chol[i, rows, cols] = torch.tensor(lower, dtype=torch.float64)
        eps = torch.randn(n, d, generator=g, dtype=torch.float64)
        z = means[k] + temperature * torch.einsum("nij,nj->ni", chol[k], eps)
        return z.clamp(-1, 1).float()


def load(folder):
    return Model(folder)


def read_z(path, zdim):
    with open(path) as f:
        j = json.load(f)
    if isinstance(j, dict):
        j = j.get("refined_z", j.get("z"))
    z = torch.tensor(j, dtype=torch.float32)
    if z.dim() == 1:
        z = z.unsqueeze(0)
    if z.shape[1] != zdim:
        raise SystemExit(f"{path}: expected {zdim} numbers for this model's latent vector, found {z.shape[1]}")
    return z


def write_png(path, images, scale=4):
    """A grid of (N, C, S, S) images in [0, 1] as a PNG, written with zlib alone (a 1 px border, as Latent Lab)."""
    n, c, s, _ = images.shape
    cols = math.ceil(math.sqrt(n))
    rows = math.ceil(n / cols)
    cell = s * scale + 1
    width, height = cols * cell + 1, rows * cell + 1
    canvas = torch.tensor([64 / 255, 64 / 255, 72 / 255]).reshape(3, 1, 1).repeat(1, height, width)  # ImageGrid's border
    big = images.clamp(0, 1).repeat_interleave(scale, 2).repeat_interleave(scale, 3).expand(n, 3, -1, -1)
    for i in range(n):
        y, x = 1 + (i // cols) * cell, 1 + (i % cols) * cell
        canvas[:, y:y + s * scale, x:x + s * scale] = big[i]
    pixels = (canvas * 255).round().to(torch.uint8).permute(1, 2, 0).contiguous()
    raw = b"".join(b"\x00" + bytes(pixels[r].flatten().tolist()) for r in range(height))

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def read_png(path):
    """An 8-bit non-interlaced PNG (gray, gray+alpha, RGB or RGBA) as a (C, H, W) tensor in [0, 1]."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG (save it as PNG first)")
    pos, idat = 8, b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    channels = {0: 1, 4: 2, 2: 3, 6: 4}.get(colour)
    if depth != 8 or interlace or channels is None:
        raise SystemExit(f"{path}: only 8-bit, non-interlaced gray or RGB(A) PNGs are read here")
    raw, bpp, stride = zlib.decompress(idat), channels, width * channels
    out, prev = bytearray(), bytearray(stride)
    for r in range(height):
        kind, line = raw[r * (stride + 1)], bytearray(raw[r * (stride + 1) + 1:(r + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, cc = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - cc
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - cc)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else cc)) & 255
        out += line
        prev = line
    img = torch.tensor(list(out), dtype=torch.float32).reshape(height, width, channels).permute(2, 0, 1) / 255
    return img[:3] if channels == 4 else img[:1] if channels == 2 else img


def prepare(img, c):
    """The image at the model's channels and size (mean of RGB for gray models; bilinear resize)."""
    if c["channels"] == 1 and img.shape[0] == 3:
        img = img.mean(0, keepdim=True)
    elif c["channels"] == 3 and img.shape[0] == 1:
        img = img.expand(3, -1, -1)
    s = c["image_size"]
    if img.shape[1:] != (s, s):
        img = nn.functional.interpolate(img.unsqueeze(0), size=(s, s), mode="bilinear", align_corners=False)[0]
    return img.unsqueeze(0)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["train"]:
        import latentlab_train
        p = argparse.ArgumentParser(prog="latentlab_torch.py")
        a = latentlab_train.parser(p.add_subparsers()).parse_args(argv[1:])
        latentlab_train.main(latentlab_train.with_recipe(a, argv[1:]))
        return
    p = argparse.ArgumentParser(description="Use a Latent Lab model exported with `latentlab export --format "
                                            "safetensors` from plain PyTorch.",
                                epilog="To train the recipe with PyTorch (one process, or many under torchrun): "
                                       "latentlab_torch.py train --help")
    p.add_argument("folder", help="the export folder (model.safetensors, config.json)")
    p.add_argument("--z", help="decode this z (JSON array, or what `latentlab encode` prints)")
    p.add_argument("--encode", metavar="IMAGE.png", help="print E(x) of this image as JSON")
    p.add_argument("--sample", type=int, metavar="N", help="draw N images from the fitted density (else the prior)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", metavar="X.png", help="where --z or --sample writes its image")
    p.add_argument("--scale", type=int, default=4, help="pixels per image pixel in --out (default 4)")
    p.add_argument("--torchscript", metavar="DIR", help="write generator.pt and encoder.pt (traced TorchScript)")
    p.add_argument("--dump", metavar="IN.json",
                   help="for tests: JSON {z: [[...]], x: [[...]]} in, G(z), E(x) and D(x, z) out")
    a = p.parse_args(argv)
    torch.set_grad_enabled(False)
    m = load(a.folder)
    c = m.config
    if a.torchscript:
        os.makedirs(a.torchscript, exist_ok=True)
        s = c["image_size"]
        torch.jit.trace(m.generator, torch.zeros(2, c["zdim"])).save(os.path.join(a.torchscript, "generator.pt"))
        torch.jit.trace(m.encoder, torch.zeros(2, c["channels"], s, s)).save(os.path.join(a.torchscript, "encoder.pt"))
        print(f"wrote generator.pt and encoder.pt to {a.torchscript} (latentlab import --generator ... --zdim "
              f"{c['zdim']})")
    elif a.dump:
        with open(a.dump) as f:
            j = json.load(f)
        s = c["image_size"]
        x = torch.tensor(j["x"]).reshape(-1, c["channels"], s, s)
        out = {"g": m.generator(torch.tensor(j["z"])).flatten(1).tolist(), "e": m.encoder(x).tolist(),
               "d": m.discriminator(x, torch.tensor(j["z"])).tolist()}
        print(json.dumps(out))
    elif a.encode:
        print(json.dumps({"image": a.encode, "z": m.encoder(prepare(read_png(a.encode), c))[0].tolist()}))
    elif a.z or a.sample:
        if not a.out:
            p.error("--out X.png is needed with --z or --sample")
        z = read_z(a.z, c["zdim"]) if a.z else m.sample_latents(a.sample, a.seed)
        write_png(a.out, m.generator(z), a.scale)
        print(f"wrote {len(z)} image(s) to {a.out}")
    else:
        p.error("give --z, --encode, --sample, --torchscript or --dump")


if __name__ == "__main__":
    main()
