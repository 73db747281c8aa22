"""The data and the random streams of Latent Lab's trainer, in Python: the same images (IDX folders, image
folders), the same batch order (org.latentlab.data.BatchIterator), prior draws (org.latentlab.latent.Prior)
and x-cycle shifts (org.latentlab.data.ImageShift) from the same seeds, so a run here sees what a run of
`latentlab train` with that seed sees.
"""
import gzip
import os
import struct

import numpy as np
import torch

MASK48 = (1 << 48) - 1
GOLDEN_GAMMA = 0x9E3779B97F4A7C15
IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".bmp", ".gif")


class JavaRandom:
    """java.util.Random: the 48-bit linear congruential generator and its nextInt(bound)."""

    def __init__(self, seed):
        self.s = (seed ^ 0x5DEECE66D) & MASK48

    def _next(self, bits):
        self.s = (self.s * 0x5DEECE66D + 0xB) & MASK48
        return self.s >> (48 - bits)

    def next_int(self, bound):
        if bound & -bound == bound:
            return (bound * self._next(31)) >> 31
        while True:
            bits = self._next(31)
            val = bits % bound
            if bits - val + (bound - 1) < (1 << 31):
                return val


def prior(seed, step, count, zdim):
    """Prior.sample: U(-1, 1) from SplittableRandom(seed * GOLDEN_GAMMA + step), as (count, zdim) float32."""
    with np.errstate(over="ignore"):
        start = np.uint64((seed * GOLDEN_GAMMA + step) & 0xFFFFFFFFFFFFFFFF)
        z = start + np.uint64(GOLDEN_GAMMA) * np.arange(1, count * zdim + 1, dtype=np.uint64)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    u = (z >> np.uint64(11)).astype(np.float64) * 2.0 ** -53
    return torch.from_numpy((u * 2 - 1).astype(np.float32)).reshape(count, zdim)


def epoch_order(count, seed, epoch):
    """BatchIterator's shuffled order of the images in epoch `epoch` (Fisher-Yates with java.util.Random)."""
    order = list(range(count))
    rng = JavaRandom(seed * 1_000_003 + epoch)
    for i in range(count - 1, 0, -1):
        j = rng.next_int(i + 1)
        order[i], order[j] = order[j], order[i]
    return order


def shifted(x, seed, step, max_shift, rows):
    """ImageShift.randomShift of the global batch with Random(seed * 1000003 + step), cut to `rows` (a slice):
    each image moved by its own (dx, dy) in [-max_shift, max_shift], the uncovered edges black."""
    rng = JavaRandom(seed * 1_000_003 + step)
    moves = []
    for _ in range(rows.stop):
        dx = rng.next_int(2 * max_shift + 1) - max_shift
        moves.append((dx, rng.next_int(2 * max_shift + 1) - max_shift))
    out = torch.zeros_like(x)
    s = x.shape[-1]
    for i, (dx, dy) in enumerate(moves[rows]):
        out[i, :, max(0, dy):s + min(0, dy), max(0, dx):s + min(0, dx)] = \
            x[i, :, max(0, -dy):s - max(0, dy), max(0, -dx):s - max(0, dx)]
    return out


class GlobalBatches(torch.utils.data.distributed.DistributedSampler):
    """The indices of this process's rows of each global batch, in BatchIterator's order: epoch e is the app's
    shuffle of epoch e, cut into global batches (the rest dropped), and each global batch into equal shares."""

    def __init__(self, count, batch, seed, rank, world, start_step):
        super().__init__(range(count), num_replicas=world, rank=rank, shuffle=False)
        self.count, self.batch, self.seed0, self.start_step = count, batch, seed, start_step
        self.per_epoch = count // batch
        if self.per_epoch == 0:
            raise SystemExit(f"The data set has {count} images, fewer than one batch of {batch}")

    def __iter__(self):
        step, per = self.start_step, self.batch // self.num_replicas
        while True:
            epoch, at = divmod(step, self.per_epoch)
            order = epoch_order(self.count, self.seed0, epoch)
            for b in range(at, self.per_epoch):
                first = b * self.batch + self.rank * per
                yield from order[first:first + per]
            step = (epoch + 1) * self.per_epoch

    def __len__(self):
        return 1 << 62


def resolve(source):
    """`mnist` (the app's bundled copy, beside this script) or a folder."""
    if source.lower() == "mnist":
        return os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "datasets", "mnist")
    if not os.path.isdir(source):
        raise SystemExit(f"Data set not found: '{source}' is neither 'mnist' nor a folder.")
    return source


def _idx_file(folder, stem):
    for name in (stem, stem + ".gz"):
        if os.path.isfile(os.path.join(folder, name)):
            return os.path.join(folder, name)
    return None


def read_idx(path):
    with (gzip.open if path.endswith(".gz") else open)(path, "rb") as f:
        raw = f.read()
    dims = raw[3]
    shape = struct.unpack(">" + "I" * dims, raw[4:4 + 4 * dims])
    return torch.frombuffer(bytearray(raw[4 + 4 * dims:]), dtype=torch.uint8).reshape(shape)


def load(source, size, channels):
    """The training images of `source` as (N, C, S, S) uint8: an IDX folder's train split, else an image folder
    (the centred square, resized bilinearly; images already at the model's size are the app's pixel for pixel,
    others are resized by Pillow, not exactly as the app's Java2D resizes them)."""
    folder = resolve(source)
    images = _idx_file(folder, "train-images-idx3-ubyte")
    if images:
        x = read_idx(images)
        if x.shape[1:] != (size, size) or channels != 1:
            raise SystemExit(f"The IDX data in {folder} is {x.shape[1]}x{x.shape[2]} grayscale, but the model expects "
                             f"{size}x{size} with {channels} channel(s).")
        return x.unsqueeze(1)
    return _image_folder(folder, size, channels)


def _image_folder(folder, size, channels):
    from PIL import Image
    classes = sorted(d for d in os.listdir(folder) if os.path.isdir(os.path.join(folder, d)))
    files = []
    for d in [folder] + [os.path.join(folder, c) for c in classes]:
        files += [os.path.join(d, f) for f in sorted(os.listdir(d))
                  if f.lower().endswith(IMAGE_EXTENSIONS) and os.path.isfile(os.path.join(d, f))]
    out = []
    for f in files:
        try:
            img = Image.open(f)
            img.load()
            if img.mode in ("RGBA", "LA", "P", "PA"):   # transparent pixels over black, as the app draws them
                img = img.convert("RGBA")
                img = Image.alpha_composite(Image.new("RGBA", img.size, (0, 0, 0, 255)), img)
            img = img.convert("RGB")
        except OSError as e:
            print(f"Skipping {f}: {e}")
            continue
        side = min(img.size)
        left, top = (img.width - side) // 2, (img.height - side) // 2
        img = img.crop((left, top, left + side, top + side)).resize((size, size), Image.BILINEAR)
        if channels == 1:
            img = img.convert("L")
        out.append(torch.from_numpy(np.asarray(img, dtype=np.uint8).copy()).reshape(size, size, channels))
    if not out:
        raise SystemExit(f"{folder} contains no PNG, JPEG, BMP or GIF images that could be read")
    return torch.stack(out).permute(0, 3, 1, 2).contiguous()
