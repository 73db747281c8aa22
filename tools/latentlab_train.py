"""The Latent Lab BiGAN recipe in plain PyTorch, on one process or many (torchrun, DistributedDataParallel).

    python3 tools/latentlab_torch.py train --data DIR --steps 6000 --out RUN             # one process
    torchrun --nproc_per_node 4 tools/latentlab_torch.py train --data DIR --steps 6000 --out RUN
    latentlab import-run RUN --out CHECKPOINT    # then the window, fit-density and train --resume

The recipe is org.latentlab.train.BiGanTrainer's (a D step, then a G+E step, Adam as the app
computes it) and the order is TrainingLoop's (batches, prior draws and x-cycle shifts come from
the app's seeds, in the app's order). TorchTrainerParityTest gives both trainers the same weights
and data and checks that they compute the same losses and weights. --batch is the global batch:
each process takes its share of every global batch (a DistributedSampler in the app's order),
batch norm uses the statistics of the whole global batch, dropout masks, code noise and instance
noise are drawn per global row, the prior-matching term (MMD) is over the whole global batch,
so N processes compute what one process computes (DistributedTrainingTest). Fresh weights use
PyTorch's default initialisation (the app's are DJL's); --resume starts from an export.
"""
import contextlib
import gc
import json
import math
import os
import shutil
import sys
import time

import torch
import torch.distributed as dist
import torch.distributed.nn.functional as dist_nn
import torch.nn.functional as F
from torch import nn
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, TensorDataset

import latentlab_data as data
import latentlab_torch as lt

OPTIMIZER = "optimizer.safetensors"
RECONSTRUCTION_FILE = "reconstruction.jsonl"
REAL_COUNT = 32  # SampleGrids.REAL_COUNT
D_VIEW_EVERY = 10  # EncoderPhaseView.EVERY


class Ranks:
    """This process's place in the job: rank, world size, and the rows of a global batch it owns."""

    def __init__(self):
        self.world = int(os.environ.get("WORLD_SIZE", "1"))
        self.rank = int(os.environ.get("RANK", "0"))
        self.local = int(os.environ.get("LOCAL_RANK", "0"))

    def rows(self, per):
        """This process's rows of a global batch that gives each process `per` rows."""
        return slice(self.rank * per, (self.rank + 1) * per)

    def share(self, batch):
        if batch % self.world:
            raise SystemExit(f"--batch {batch} does not split evenly across {self.world} processes")
        return self.rows(batch // self.world)


RANKS = Ranks()


class GlobalBatchNorm(nn.Module):
    """Batch norm over the global batch (SyncBatchNorm for any device: PyTorch's needs a GPU before 2.x).
    Same parameters and buffers as nn.BatchNorm1d/2d, so the weights keep their names."""

    def __init__(self, bn):
        super().__init__()
        self.eps, self.momentum = bn.eps, bn.momentum
        self.weight, self.bias = bn.weight, bn.bias
        for name in ("running_mean", "running_var", "num_batches_tracked"):
            self.register_buffer(name, getattr(bn, name))

    def forward(self, x):
        if not self.training or RANKS.world == 1:
            return F.batch_norm(x, self.running_mean, self.running_var, self.weight, self.bias, self.training,
                                self.momentum, self.eps)
        dims = [0] + list(range(2, x.dim()))
        shape = [1, -1] + [1] * (x.dim() - 2)
        n = x.numel() // x.shape[1] * RANKS.world
        mean = _all_sum(x.sum(dims)) / n                                      # (C,)
        var = _all_sum(((x - mean.reshape(shape)) ** 2).sum(dims)) / n         # (C,), biased
        with torch.no_grad():
            self.num_batches_tracked += 1
            self.running_mean.mul_(1 - self.momentum).add_(mean.detach(), alpha=self.momentum)
            self.running_var.mul_(1 - self.momentum).add_(var.detach() * n / (n - 1), alpha=self.momentum)
        y = (x - mean.reshape(shape)) / torch.sqrt(var.reshape(shape) + self.eps)
        return y * self.weight.reshape(shape) + self.bias.reshape(shape)


def _all_sum(t):
    """The sum of t over all processes, differentiable (its gradient is summed back the same way)."""
    return dist_nn.all_reduce(t)


class GlobalDropout(nn.Module):
    """Dropout whose mask is drawn for the global batch and cut to this process's rows, from a stream fixed by
    (seed, step, call): the same mask for a row on any number of processes."""

    def __init__(self, p, clock):
        super().__init__()
        self.p, self.clock = p, clock

    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        keep = self.clock.mine(lambda shape, g: torch.rand(shape, generator=g) >= self.p, x.shape)
        return x * keep.to(x.device) / (1 - self.p)


class DrawClock:
    """The random draws of a step (dropout masks, code and instance noise), each from a stream fixed by
    (seed, step, draw) and made for the whole global batch, so a row gets the same numbers on any number of
    processes. parts: how many global batches the input of a draw stacks (2 in D's step: real pairs, then fake
    ones)."""

    def __init__(self, seed):
        self.seed, self.step, self.calls, self.parts = seed, 0, 0, 1

    def start(self, step):
        self.step, self.calls = step, 0

    def mine(self, sample, shape):
        """`sample(global_shape, generator)` drawn for the global batch(es), cut to this process's rows: `shape`,
        the local input's, (parts * per, ...)."""
        self.calls += 1
        g = torch.Generator().manual_seed((self.seed * 1_000_003 + self.step * 1_009 + self.calls) & 0x7FFFFFFFFFFFFFFF)
        per, rest = shape[0] // self.parts, tuple(shape[1:])
        whole = sample((self.parts, per * RANKS.world) + rest, g)
        return whole[:, RANKS.rows(per)].reshape(tuple(shape))


def _replace(module, clock):
    for name, child in module.named_children():
        if isinstance(child, (nn.BatchNorm1d, nn.BatchNorm2d)):
            setattr(module, name, GlobalBatchNorm(child))
        elif isinstance(child, nn.Dropout):
            setattr(module, name, GlobalDropout(child.p, clock))
        else:
            _replace(child, clock)
    return module


class GeneratorEncoder(nn.Module):
    """G and E in one module (one DistributedDataParallel wrapper, one forward a step): everything the step needs
    of them, in the order the app computes it, so batch norm's running statistics move as the app's do."""

    def __init__(self, c):
        super().__init__()
        self.generator, self.encoder = lt.generator(c), lt.encoder(c)

    def forward(self, x, z, shifted_x, lambda_x, lambda_z, noise):
        ex, gz = self.encoder(x), self.generator(z)                          # (b, zdim), (b, C, S, S)
        noisy_ex = noise(ex)                                                  # (b, zdim)
        x_cycle = None
        if lambda_x > 0:
            x_cycle = self.generator(noise(self.encoder(shifted_x)) if shifted_x is not None else noisy_ex)
        z_cycle = self.encoder(gz) if lambda_z > 0 else None                  # (b, zdim)
        return ex, gz, noisy_ex, x_cycle, z_cycle


class GaussianNoise:
    """N(0, sigma²) noise added to codes (--code-noise), or to the images D sees (--instance-noise), drawn per
    global row as GlobalDropout draws its masks."""

    def __init__(self, sigma, clock):
        self.sigma, self.clock = sigma, clock

    def __call__(self, values):
        if self.sigma == 0:
            return values
        noise = self.clock.mine(lambda shape, g: torch.randn(shape, generator=g), values.shape)
        return values + self.sigma * noise.to(values.device)


MMD_SCALES = (0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0)


def _kernel_sum(a, b, base):
    """Σ over scales and all pairs (i, j) of C / (C + |a_i - b_j|²), C = base * scale (PriorMatch.kernelSum)."""
    aa, bb, ab = (a * a).sum(1, keepdim=True), (b * b).sum(1, keepdim=True).t(), a @ b.t()
    dist2 = torch.relu(aa + bb - (ab + ab))                                    # (n, m)
    return sum((base * s / (dist2 + base * s)).sum() for s in MMD_SCALES)


def mmd(q, p):
    """Unbiased MMD² of the rows of q from those of p with WAE's kernels (org.latentlab.train.PriorMatch)."""
    n, m, base, k = q.shape[0], p.shape[0], 2 * q.shape[1] / 3, len(MMD_SCALES)
    within = (_kernel_sum(q, q, base) - n * k) / (n * (n - 1)) + (_kernel_sum(p, p, base) - m * k) / (m * (m - 1))
    return within - 2 * _kernel_sum(q, p, base) / (n * m)


def prior_mmd(codes, prior):
    """MMD² of the global batch's codes from its prior draws `prior` (all rows), differentiable in this process's
    `codes`. On many processes its value is that of the gathered codes and its gradient is a surrogate's: for
    code i, 2·Σ_j ∂k(q_i, q_j) / (n(n-1)) - 2·Σ_k ∂k(q_i, p_k) / (nm), times the processes (DDP averages)."""
    if RANKS.world == 1:
        return mmd(codes, prior)
    parts = [torch.empty_like(codes) for _ in range(RANKS.world)]
    dist.all_gather(parts, codes.detach().contiguous())
    q = torch.cat(parts)
    n, m, base = q.shape[0], prior.shape[0], 2 * q.shape[1] / 3
    with torch.no_grad():
        value = mmd(q, prior)
    surrogate = RANKS.world * (2 * _kernel_sum(codes, q, base) / (n * (n - 1))
                               - 2 * _kernel_sum(codes, prior, base) / (n * m))
    return value + surrogate - surrogate.detach()


def bce(logits, target):
    return F.binary_cross_entropy_with_logits(logits, torch.full_like(logits, float(target)))


def sum_squared_per_row(a, b):
    return ((a - b.reshape(a.shape)) ** 2).sum() / a.shape[0]


class JavaAdam:
    """Adam as org.latentlab.train.AdamOptimizer computes it: w -= lr·√(1-β2ᵗ)/(1-β1ᵗ) · m / (√v + ε)
    (torch.optim.Adam puts ε inside the bias correction, which moves tiny-gradient weights differently)."""

    def __init__(self, named, lr, beta1, beta2):
        self.named = list(named)
        self.lr, self.b1, self.b2, self.updates = lr, beta1, beta2, 0
        self.m = {n: torch.zeros_like(p) for n, p in self.named}
        self.v = {n: torch.zeros_like(p) for n, p in self.named}

    @torch.no_grad()
    def step(self, only=lambda name: True):
        """Updates the weights `only` accepts; the others keep weights and moments (the count still advances)."""
        self.updates += 1
        bc = self.lr * math.sqrt(1 - self.b2 ** self.updates) / (1 - self.b1 ** self.updates)
        for n, p in self.named:
            if not only(n):
                continue
            g = p.grad
            self.m[n].mul_(self.b1).add_(g, alpha=1 - self.b1)
            self.v[n].mul_(self.b2).addcmul_(g, g, value=1 - self.b2)
            p.addcdiv_(self.m[n], self.v[n].sqrt().add_(1e-8), value=-bc)
            p.grad = None

    def tensors(self):
        return {**{"exp_avg." + n: t for n, t in self.m.items()}, **{"exp_avg_sq." + n: t for n, t in self.v.items()}}

    def restore(self, saved, updates):
        for n, _ in self.named:
            self.m[n].copy_(saved["exp_avg." + n])
            self.v[n].copy_(saved["exp_avg_sq." + n])
        self.updates = updates


class GeneratorAverage:
    """The moving average of G's weights and batch norm statistics that checkpoints hold as G
    (org.latentlab.train.GeneratorAverage): average = decay * average + (1 - decay) * weights after each
    G+E step, the factors in float32 as the app computes them."""

    def __init__(self, generator, decay):
        self.generator = generator
        self.decay = float(torch.tensor(decay, dtype=torch.float32))
        self.weight = float(torch.tensor(1, dtype=torch.float32) - torch.tensor(decay, dtype=torch.float32))
        self.average = {n: t.detach().clone() for n, t in self.tensors().items()}

    def tensors(self):
        """G's weights and batch norm statistics by name (the step counters left out)."""
        return {n: t for n, t in self.generator.state_dict().items() if not n.endswith("num_batches_tracked")}

    @torch.no_grad()
    def update(self):
        for n, t in self.tensors().items():
            self.average[n].mul_(self.decay).add_(t * self.weight)

    @torch.no_grad()
    def restart_at_weights(self):
        for n, t in self.tensors().items():
            self.average[n].copy_(t)

    @torch.no_grad()
    def copy_into_generator(self):
        for n, t in self.tensors().items():
            t.copy_(self.average[n])

    @contextlib.contextmanager
    def in_generator(self):
        """The average in G's place for the block, G's own weights back after it (GeneratorAverage.withAverage)."""
        own = {n: t.clone() for n, t in self.tensors().items()}
        self.copy_into_generator()
        try:
            yield
        finally:
            with torch.no_grad():
                for n, t in self.tensors().items():
                    t.copy_(own[n])


class Trainer:
    """One BiGAN step on this process's share of a global batch: a D step, then a G+E step (BiGanTrainer)."""

    def __init__(self, c, t, device):
        self.c, self.t, self.device = c, t, device
        self.clock = DrawClock(t["seed"])
        self.noise = GaussianNoise(t["codeNoise"], self.clock)
        self.instance_noise = GaussianNoise(t["instanceNoise"], self.clock)
        torch.manual_seed(t["seed"])
        self.ge = _replace(GeneratorEncoder(c), self.clock).to(device)
        self.d = _replace(lt.Discriminator(c), self.clock).to(device)
        self.k = 2 if c["image_score"] else 1
        self.step = 0
        self.d_opt = JavaAdam(self._named("discriminator", self.d), t["lrD"], t["beta1"], t["beta2"])
        self.ge_opt = JavaAdam(self._named("", self.ge), t["lrGE"], t["beta1"], t["beta2"])
        wrap = (lambda m: DistributedDataParallel(m, broadcast_buffers=False)) if dist.is_initialized() else None
        self.ge_run = wrap(self.ge) if wrap else self.ge
        self.d_run = wrap(self.d) if wrap else self.d
        decay = t.get("generatorAverage", 0.0)
        # None: G's own weights are the ones sampled (no average, or E's phase made G the average for good)
        self.average = GeneratorAverage(self.ge.generator, decay) if decay > 0 else None
        self.d_view = None  # D's view of the pairs last measured in E's phase

    def keeps_training_generator(self):
        """Whether G's own weights differ from the sampled average (a checkpoint then keeps both)."""
        return self.average is not None

    @staticmethod
    def _named(prefix, module):
        return [((prefix + "." if prefix else "") + n, p) for n, p in module.named_parameters()]

    def training_generator(self):
        """G's own weights where checkpoints hold their average as G: resume state, saved with Adam's."""
        if not self.keeps_training_generator():
            return {}
        return {"g." + n: t for n, t in self.average.tensors().items()}

    def state(self):
        """The weights under the app's export names (TorchNames), batch norm statistics included."""
        out = {n: t for n, t in self.ge.state_dict().items() if not n.endswith("num_batches_tracked")}
        if self.keeps_training_generator():  # the G that is sampled: the average of its weights
            out.update({"generator." + n: t for n, t in self.average.average.items()})
        out.update({"discriminator." + n: t for n, t in self.d.state_dict().items()})
        return out

    @torch.no_grad()
    def reconstruction_error(self, x):
        """Mean squared error per pixel of G(E(x)) against x, drawn as the app draws its grids
        (TrainingLoop.reconstructionError): E and the G that is sampled (the average, where kept), in eval mode."""
        g, e = self.ge.generator, self.ge.encoder
        with self.average.in_generator() if self.average is not None else contextlib.nullcontext():
            g.eval()
            e.eval()
            try:
                return float(((g(e(x)) - x) ** 2).mean())
            finally:
                g.train()
                e.train()

    def _pairs(self, d, x, ex, gz, z):
        """D's logits of the real pairs (x, E(x)) and the fake pairs (G(z), z), in one pass of 2b rows
        (parts = 2), as the app scores them: one pass, so a spectrally normalised D makes one power
        iteration for both."""
        self.clock.parts = 2
        logits = d(torch.cat([x, gz]), torch.cat([ex, z]))
        self.clock.parts = 1
        return logits.chunk(2)

    def train(self, x, z, shifted_x, z_global):
        """x (b, C, S, S), z (b, zdim): this process's rows. Returns the global batch's
        [loss D, loss G+E, cycle loss, mean D(x, E(x)), mean D(G(z), z)], as StepStats."""
        t = self.t
        self.clock.start(self.step)
        if encoder_only_at(t, self.step):
            if self.average is not None:
                self.average.copy_into_generator()  # E learns to invert the G that is sampled, which G now is
                self.average = None
            return self._global(self._encoder_only(x, z, shifted_x, z_global))
        ex, gz, noisy_ex, x_cycle, z_cycle = self.ge_run(x, z, shifted_x, t["lambdaX"], t["lambdaZ"], self.noise)
        # what D sees of x and G(z): one draw of instance noise for both steps; the cycles compare with x itself
        seen_x, seen_gz = self.instance_noise(x), self.instance_noise(gz)
        # D step: E(x) and G(z) detached, real and fake pairs in one pass of 2b rows (parts = 2).
        real, fake = self._pairs(self.d_run, seen_x, ex.detach(), seen_gz.detach(), z)
        loss_d = self._d_loss(real, fake)
        d_real, d_fake = _joint(real.detach()), _joint(fake.detach())
        loss_d.backward()
        self.d_opt.step()
        # G+E step: D (just updated) frozen and outside its wrapper, so no gradient reaches it.
        for p in self.d.parameters():
            p.requires_grad_(False)
        real, fake = self._pairs(self.d, seen_x, ex, seen_gz, z)
        adversarial = self._d_loss(fake, real)  # the labels flipped
        cycle = torch.zeros((), device=x.device)
        if x_cycle is not None:
            cycle = cycle + t["lambdaX"] * sum_squared_per_row(x_cycle, x)
        if z_cycle is not None:
            cycle = cycle + t["lambdaZ"] * sum_squared_per_row(z_cycle, z)
        if t["lambdaPrior"] > 0:
            cycle = cycle + t["lambdaPrior"] * prior_mmd(noisy_ex, z_global)
        (adversarial + cycle).backward()
        self.ge_opt.step()
        for p in self.d.parameters():
            p.requires_grad_(True)
        if self.average is not None:
            self.average.update()
        self.step += 1
        return self._global([loss_d.detach(), adversarial.detach(), cycle.detach(), d_real, d_fake])

    def _encoder_only(self, x, z, shifted_x, z_global):
        """E alone learns to invert G (BiGanTrainer.encoderOnlyStep): G(E(x')) against x through G held fixed and
        drawing as after training (eval mode), plus E(x')'s pull to the prior if the recipe asks; D measured, not
        trained. Outside the DDP wrapper (which expects every weight to learn), so E's gradients are averaged over
        the processes here."""
        g, e = self.ge.generator, self.ge.encoder
        g.eval()
        g.requires_grad_(False)
        code = e(shifted_x if shifted_x is not None else x)
        cycle = sum_squared_per_row(g(code), x)
        if self.t["encoderPrior"] > 0:
            cycle = cycle + self.t["encoderPrior"] * prior_mmd(code, z_global)
        cycle.backward()
        if dist.is_initialized():
            for p in e.parameters():
                dist.all_reduce(p.grad)
                p.grad /= RANKS.world
        self.ge_opt.step(only=lambda name: name.startswith("encoder."))
        g.requires_grad_(True)
        if self.d_view is None or self.step % D_VIEW_EVERY == 0:
            self.d_view = self._discriminator_view(x, z)
        g.train()
        self.step += 1
        loss_d, loss_ge, d_real, d_fake = self.d_view
        return [loss_d, loss_ge, cycle.detach(), d_real, d_fake]

    @torch.no_grad()
    def _discriminator_view(self, x, z):
        """D's view of (x, E(x)) and (G(z), z) in E's phase (EncoderPhaseView): [loss D, adversarial loss, mean
        D(x, E(x)), mean D(G(z), z)], measured at E's first step and every D_VIEW_EVERY steps, repeated between."""
        g, e = self.ge.generator, self.ge.encoder
        e.eval()
        self.d.eval()
        real, fake = self._pairs(self.d, x, e(x), g(z), z)
        self.d.train()
        e.train()
        return [self._d_loss(real, fake), self._d_loss(fake, real), _joint(real), _joint(fake)]

    def _d_loss(self, real, fake):
        """D's loss on the pairs it should call real and fake (swapped: G+E's adversarial loss)."""
        return self.k * (bce(real, 1) + bce(fake, 0))

    @staticmethod
    def _global(stats):
        """The step's figures over the global batch."""
        stats = torch.stack(stats)
        if dist.is_initialized():
            dist.all_reduce(stats)
            stats /= RANKS.world
        return stats.tolist()


def encoder_only_at(t, step):
    """Whether the step after `step` trains E alone (TrainConfig.encoderOnlyAt)."""
    return 0 < t["encoderOnlyFrom"] <= step


def _joint(logits):
    """Mean D(x, z) of the joint score (column 0), the figure the BiGAN game is about."""
    return torch.sigmoid(logits[:, 0]).mean()


def save(run_dir, trainer, config, keep):
    """RUN/step-NNNNNNNN (weights, Adam state, config.json), then RUN/latest; earlier steps beyond `keep` pruned.
    Written under a temporary name and renamed, so a crash mid-save leaves the previous checkpoint intact."""
    name = f"step-{trainer.step:08d}"
    tmp = os.path.join(run_dir, "." + name + ".tmp")
    os.makedirs(tmp, exist_ok=True)
    lt.write_safetensors(os.path.join(tmp, lt.WEIGHTS), trainer.state(), {"format": "pt", "step": str(trainer.step)})
    lt.write_safetensors(os.path.join(tmp, OPTIMIZER), {**{"d." + k: v for k, v in trainer.d_opt.tensors().items()},
                                                      **{"ge." + k: v for k, v in trainer.ge_opt.tensors().items()},
                                                      **trainer.training_generator()})
    cfg = dict(config, train=trainer.t, step=trainer.step,
               optimizer_updates=[trainer.d_opt.updates, trainer.ge_opt.updates])
    with open(os.path.join(tmp, lt.CONFIG), "w") as f:
        json.dump(cfg, f, indent=1)
    final = os.path.join(run_dir, name)
    if os.path.isdir(final):
        shutil.rmtree(final)
    os.replace(tmp, final)
    with open(os.path.join(run_dir, ".latest.tmp"), "w") as f:
        f.write(name + "\n")
    os.replace(os.path.join(run_dir, ".latest.tmp"), os.path.join(run_dir, "latest"))
    earlier = sorted(d for d in os.listdir(run_dir) if d.startswith("step-") and d < name)
    for d in earlier[:max(0, len(earlier) - (keep - 1))]:
        shutil.rmtree(os.path.join(run_dir, d))
    return final


def checkpoint(a, trainer, c, last):
    """Saves; a failed save (a full disk) is said and training goes on to the next checkpoint, but the last one
    must be written: without it the run's end would be lost, so then the run fails with the reason."""
    try:
        print("checkpoint", save(a.out, trainer, c, a.keep), flush=True)
    except OSError as e:
        message = (f"Could not save the checkpoint of step {trainer.step} in {a.out} ({e}). "
                   f"The previous checkpoint is intact.")
        if last:
            raise SystemExit(message)
        print("warning:", message, "Training goes on; the next checkpoint will try again.", flush=True)


def resume_from(path):
    """The checkpoint folder a --resume names: a run folder (its latest), a checkpoint, or an export."""
    latest = os.path.join(path, "latest")
    if os.path.isfile(latest):
        path = os.path.join(path, open(latest).read().strip())
    if not os.path.isfile(os.path.join(path, lt.CONFIG)):
        raise SystemExit(f"{path} is neither a run folder of this trainer, one of its checkpoints, nor a folder "
                         f"written by `latentlab export --format safetensors`")
    return path


TRAIN_DEFAULTS = {"batchSize": 128, "lrD": 1e-4, "lrGE": 2e-4, "beta1": 0.5, "beta2": 0.999, "lambdaX": 4.0,
                  "lambdaZ": 1.0, "seed": 1, "cycleShift": 1, "lambdaPrior": 0.0, "codeNoise": 0.0,
                  "encoderOnlyFrom": 0, "generatorAverage": 0.0, "encoderPrior": 0.0, "instanceNoise": 0.0}


# train/Recipe.java's GAN_FIRST, under this trainer's option names (TorchRecipeTest checks that they agree):
# the x16 game with G's average for the first GAME_SHARE of the steps, then E alone, pulled to the prior.
GAN_FIRST = {"spectral_norm": True, "image_score": True, "lr_d": 6.4e-3, "lr_ge": 3.2e-3, "lambda_x": 0.0,
             "lambda_z": 0.0, "adam_betas": [0.0, 0.9], "g_average": 0.999, "instance_noise": 0.0,
             "encoder_prior": 10.0}
GAME_SHARE = 0.8


def with_recipe(a, argv):
    """The options with --recipe's values where the command line does not give them (as `latentlab train`)."""
    given = {s.split("=")[0] for s in argv if s.startswith("--")}
    if a.recipe != "gan-first":
        return a
    if a.resume:
        print("--recipe is ignored: a resumed run keeps the recipe of its checkpoint", file=sys.stderr)
        return a
    values = dict(GAN_FIRST, encoder_only_from=max(1, math.floor(a.steps * GAME_SHARE + 0.5)))  # Math.round
    for name, value in values.items():
        if "--" + name.replace("_", "-") not in given:
            setattr(a, name, value)
    return a


def _default_width(arch, size):
    """The app's ModelConfig.defaultHidden: 512 units (MLP); 64 base channels (conv), 32 at 64 px."""
    return 512 if arch == "mlp" else 32 if size == 64 else 64


def _encoder_width(arch, kind, hidden, size):
    """The app's ModelConfig.defaultEncoderWidth, checking the kind: G's width for an E of G's kind, else the
    default of E's kind; a conv G takes a conv E."""
    if arch == "conv" and kind != "conv":
        raise SystemExit("A conv model's encoder is conv too (a conv encoder can serve an MLP model)")
    return hidden if kind == arch else _default_width(kind, size)


def configs(a):
    """(model config, train config, resumed checkpoint or None) from the options, or from --resume's checkpoint."""
    if a.resume:
        folder = resume_from(a.resume)
        with open(os.path.join(folder, lt.CONFIG)) as f:
            c = json.load(f)
        t = dict(TRAIN_DEFAULTS, **(c.get("train") or {}))
        if a.encoder_only_from is not None:  # the checkpoint fixes the recipe, but for E's phase
            t["encoderOnlyFrom"] = a.encoder_only_from
        if a.encoder_prior is not None:
            t["encoderPrior"] = a.encoder_prior
        check_encoder_phase(t)
        if a.encoder and a.encoder != c.get("encoder", c["arch"]):
            new_encoder(c, t, a.encoder, folder)
        c["data"] = a.data or c.get("data")
        if not c["data"]:
            raise SystemExit("Give --data: the checkpoint does not name its data set")
        return c, t, folder
    if not a.data:
        raise SystemExit("Give --data (an IDX folder, an image folder or 'mnist'), or --resume")
    size = a.image_size
    hidden = a.hidden or _default_width(a.arch, size)
    kind = a.encoder or a.arch
    width = _encoder_width(a.arch, kind, hidden, size)  # checks the kind whatever the width
    width = a.encoder_width or width
    c = {"format": "latentlab-torch", "version": 1, "arch": a.arch, "zdim": a.zdim, "channels": a.channels,
         "image_size": size, "hidden": hidden, "encoder": kind, "encoder_width": width,
         "batch_norm": not a.no_batchnorm, "d_dropout": a.dropout,
         "image_score": a.image_score, "spectral_norm": a.spectral_norm, "leaky_slope": 0.2, "batch_norm_eps": 1e-5,
         "prior": "uniform",
         "prior_range": [-1.0, 1.0], "output_range": [0.0, 1.0], "data": a.data, "command": command_line()}
    if len(a.adam_betas) != 2:
        raise SystemExit("--adam-betas takes two numbers, B1,B2 (for example 0,0.9)")
    if not 0 <= a.g_average < 1:
        raise SystemExit(f"The decay of G's average must be at least 0 (0 = off) and below 1, not {a.g_average}")
    if not 0 <= a.instance_noise <= 1:
        raise SystemExit(f"The instance noise must be 0 to 1, not {a.instance_noise}")
    t = dict(TRAIN_DEFAULTS, batchSize=a.batch, lrD=a.lr_d, lrGE=a.lr_ge, lambdaX=a.lambda_x, lambdaZ=a.lambda_z,
             seed=a.seed, cycleShift=a.cycle_shift, lambdaPrior=a.lambda_prior, codeNoise=a.code_noise,
             beta1=a.adam_betas[0], beta2=a.adam_betas[1], encoderOnlyFrom=a.encoder_only_from or 0,
             generatorAverage=a.g_average, encoderPrior=a.encoder_prior or 0.0, instanceNoise=a.instance_noise)
    check_encoder_phase(t)
    return c, t, None


def new_encoder(c, t, kind, folder):
    """A new E of another kind for a checkpoint in E's phase (CheckpointLoader.withNewEncoder): G and D
    stay, E starts from PyTorch's initialisation at its kind's default width, Adam starts afresh."""
    step = int(c.get("step", 0))
    if not encoder_only_at(t, step):
        raise SystemExit(f"{folder}: a new {kind} encoder trains only while E trains alone: give the step E "
                         f"trains alone from (--encoder-only-from), at most {step}")
    c["encoder_width"] = _encoder_width(c["arch"], kind, c["hidden"], c["image_size"])
    c["encoder"] = kind


def check_encoder_phase(t):
    """TrainConfig's checks of E's phase."""
    if not t["encoderPrior"] >= 0 or math.isinf(t["encoderPrior"]):
        raise SystemExit(f"The weight of the encoder's pull to the prior must be finite and at least 0, not "
                         f"{t['encoderPrior']}")
    if t["encoderPrior"] > 0 and t["encoderOnlyFrom"] == 0:
        raise SystemExit("E's pull to the prior acts only while E trains alone: set the step E trains alone from "
                         "(--encoder-only-from)")


def command_line():
    """How this run was started, for the manifest of the checkpoint `latentlab import-run` makes of it."""
    processes = os.environ.get("LOCAL_WORLD_SIZE")
    launcher = f"torchrun --nproc_per_node {processes} " if processes else ""
    return launcher + "tools/latentlab_torch.py " + " ".join(sys.argv[1:])


def restore(trainer, folder):
    with open(os.path.join(folder, lt.CONFIG)) as f:
        c = json.load(f)
    new_e = c.get("encoder", c["arch"]) != trainer.c.get("encoder", trainer.c["arch"])  # new_encoder() swapped it: E keeps its own
    weights = lt.read_safetensors(os.path.join(folder, lt.WEIGHTS))
    for prefix, net in (("", trainer.ge), ("discriminator.", trainer.d)):
        state = {k[len(prefix):]: v for k, v in weights.items() if k.startswith(prefix)}
        if prefix == "":
            state = {k: v for k, v in state.items()
                     if not k.startswith("discriminator.") and not (new_e and k.startswith("encoder."))}
        missing, unexpected = lt.load_weights(net, state)
        if new_e and net is trainer.ge:
            missing = [k for k in missing if not k.startswith("encoder.")]
        if missing or unexpected:
            raise SystemExit(f"{folder}: weights missing {missing}, not expected {unexpected}")
    trainer.step = int(c.get("step", 0))
    optimizer = os.path.join(folder, OPTIMIZER)
    saved = lt.read_safetensors(optimizer) if os.path.isfile(optimizer) else {}
    if trainer.average is not None:  # G holds the sampled average; G's own weights, where kept, go back in
        trainer.average.restart_at_weights()
        own = {k[2:]: v for k, v in saved.items() if k.startswith("g.")}
        if own:
            missing, unexpected = lt.load_weights(trainer.ge.generator, own)
            if missing or unexpected:
                raise SystemExit(f"{folder}: G's training weights missing {missing}, not expected {unexpected}")
    if os.path.isfile(optimizer) and not new_e:
        updates = c.get("optimizer_updates", [trainer.step, trainer.step])
        for key, opt, n in (("d.", trainer.d_opt, updates[0]), ("ge.", trainer.ge_opt, updates[1])):
            opt.restore({k[len(key):]: v for k, v in saved.items() if k.startswith(key)}, n)


def parser(sub):
    p = sub.add_parser("train", help="train the BiGAN recipe (one process, or many under torchrun)",
                       description="Trains Latent Lab's BiGAN recipe with PyTorch; under torchrun, on every process "
                                   "it starts (DistributedDataParallel; gloo on CPUs, NCCL on GPUs). Options and "
                                   "defaults are those of `latentlab train`.")
    p.add_argument("--recipe", choices=["encoder-first", "gan-first"], default="encoder-first",
                   help="encoder-first (the default options: the bundled model's recipe) or gan-first (a GAN trained "
                        "for its prior, then E alone for the last fifth of the steps); options given besides it "
                        "override it")
    p.add_argument("--data", help="'mnist', a folder of IDX files, or a folder of images")
    p.add_argument("--arch", choices=["mlp", "conv"], default="mlp", help="mlp or conv (default mlp)")
    p.add_argument("--zdim", type=int, default=32, help="latent size (default 32)")
    p.add_argument("--channels", type=int, default=1, choices=[1, 3], help="1 or 3, for image folders")
    p.add_argument("--image-size", type=int, default=28, help="image size for image folders (default 28)")
    p.add_argument("--hidden", type=int, help="hidden width (MLP) or base channels (conv)")
    p.add_argument("--encoder", choices=["mlp", "conv"],
                   help="the encoder E: mlp or conv (default: the architecture's); with --resume in E's phase "
                        "(--encoder-only-from), another kind is a new E fitted to the checkpoint's G from scratch")
    p.add_argument("--encoder-width", type=int, help="E's hidden width (MLP) or base channels (conv)")
    p.add_argument("--no-batchnorm", action="store_true", help="no batch normalisation in G and E")
    p.add_argument("--dropout", type=float, default=0.2, help="dropout in D (default 0.2)")
    p.add_argument("--image-score", action="store_true", help="D also scores images alone")
    p.add_argument("--spectral-norm", action="store_true", help="divide D's weights by their largest singular value")
    p.add_argument("--batch", type=int, default=128, help="images per step, over all processes (default 128)")
    p.add_argument("--lr-d", type=float, default=1e-4, help="Adam learning rate of D (default 1e-4)")
    p.add_argument("--lr-ge", type=float, default=2e-4, help="Adam learning rate of G and E (default 2e-4)")
    p.add_argument("--lambda-x", type=float, default=4.0, help="x-cycle weight (0 = off; default 4)")
    p.add_argument("--lambda-z", type=float, default=1.0, help="z-cycle weight (0 = off; default 1)")
    p.add_argument("--cycle-shift", type=int, default=1, help="x-cycle shift in pixels (0 = off; default 1)")
    p.add_argument("--lambda-prior", type=float, default=0.0, help="weight of the term that pulls E(x) towards the "
                                                                  "prior (MMD; 0 = off; default 0)")
    p.add_argument("--code-noise", type=float, default=0.0, help="noise added to E(x) where G decodes it and where "
                                                                "it meets the prior (0 = off; default 0)")
    p.add_argument("--instance-noise", type=float, default=0.0, metavar="SIGMA",
                   help="Gaussian noise added to every image D sees, real and generated (0 = off; default 0)")
    p.add_argument("--adam-betas", type=lambda v: [float(b) for b in v.split(",")], default=[0.5, 0.999],
                   metavar="B1,B2", help="Adam's betas for D and for G+E (default 0.5,0.999)")
    p.add_argument("--encoder-only-from", type=int, metavar="STEP",
                   help="from this step on, only E trains: it learns to invert G, held fixed (0 = never, the "
                        "default); with --resume it replaces the checkpoint's")
    p.add_argument("--encoder-prior", type=float, metavar="W",
                   help="while E trains alone, pull its codes toward the prior with this weight (MMD; 0 = off, the "
                        "default); with --resume it replaces the checkpoint's")
    p.add_argument("--g-average", type=float, default=0.0, metavar="DECAY",
                   help="checkpoints hold a moving average of G's weights with this decay (for example 0.999) as G "
                        "(0 = off, the default)")
    p.add_argument("--seed", type=int, default=1, help="seed of the weights, batches and noise (default 1)")
    p.add_argument("--steps", type=int, required=True, help="total steps to reach")
    p.add_argument("--limit", type=int, help="use only the first N training images")
    p.add_argument("--checkpoint-every", type=int, default=2000, help="checkpoint every N steps and at the end")
    p.add_argument("--keep", type=int, default=3, help="checkpoints kept in --out (default 3)")
    p.add_argument("--log-every", type=int, default=100, help="print the losses every N steps (default 100)")
    p.add_argument("--out", required=True, help="the run folder")
    p.add_argument("--resume", help="continue from a checkpoint or run folder of this trainer, or an export")
    p.add_argument("--threads", type=int, help="torch threads per process (default: the cores / processes here)")
    p.add_argument("--cpu", action="store_true", help="train on the CPU even where there are GPUs")
    return p


def main(a):
    c, t, resumed = configs(a)
    if c.get("arch") not in ("mlp", "conv"):
        raise SystemExit(f"This trainer trains the mlp and conv architectures, not {c.get('arch')}")
    gpu = torch.cuda.is_available() and not a.cpu
    if gpu:
        torch.cuda.set_device(RANKS.local)
    if RANKS.world > 1 or "RANK" in os.environ:
        dist.init_process_group("nccl" if gpu else "gloo")
    device = torch.device(f"cuda:{RANKS.local}" if gpu else "cpu")
    local_world = int(os.environ.get("LOCAL_WORLD_SIZE", "1"))
    # torchrun sets OMP_NUM_THREADS (1 by default): kept unless --threads says otherwise
    torch.set_num_threads(a.threads or int(os.environ.get("OMP_NUM_THREADS", 0))
                          or max(1, (os.cpu_count() or 1) // local_world))
    rows = RANKS.share(t["batchSize"])
    if RANKS.rank == 0:  # before the data are read: a wrong folder is said at once
        os.makedirs(a.out, exist_ok=True)
        if os.listdir(a.out) and not (resumed and os.path.samefile(os.path.dirname(os.path.abspath(resumed)), a.out)):
            if any(n.startswith("step-") or n == "latest" for n in os.listdir(a.out)):
                raise SystemExit(f"{a.out} already holds a training run: choose an empty folder, or --resume it")
    train(a, c, t, resumed, rows, device)
    if dist.is_initialized():
        # The DDP modules are gone by now (train() returned): destroying the process group under a live DDP
        # module let torch 1.13 hang freeing it afterwards, 1 run in 10 with both cores busy (rank 1 stuck in
        # native code after main returned). The barrier has both ranks leave together, rank 0's checkpoint written.
        gc.collect()
        dist.barrier()
        dist.destroy_process_group()


def train(a, c, t, resumed, rows, device):
    """Trains to --steps; the trainer (and its DDP modules) lives only in here, inside the process group's life."""
    images = data.load(c["data"], c["image_size"], c["channels"])[:a.limit]
    trainer = Trainer(c, t, device)
    if resumed:
        restore(trainer, resumed)
    sampler = data.GlobalBatches(len(images), t["batchSize"], t["seed"], RANKS.rank, RANKS.world, trainer.step)
    batches = iter(DataLoader(TensorDataset(images), batch_size=rows.stop - rows.start, sampler=sampler))
    loop(a, c, t, trainer, batches, rows, device, fixed_reals(images, t["seed"]))


def fixed_reals(images, seed):
    """SampleGrids.fixedReals: the run's fixed real batch, the same images for a seed as the app's (its
    java.util.Random(seed ^ 0x5DEECE66D)), as uint8 (REAL_COUNT, C, S, S)."""
    rng = data.JavaRandom(seed ^ 0x5DEECE66D)
    n = min(REAL_COUNT, len(images))
    return images[[rng.next_int(len(images)) if i < n else 0 for i in range(REAL_COUNT)]]


def record_reconstruction(a, trainer, reals):
    """The reconstruction error of the fixed real batch at this step, into reconstruction.jsonl beside the losses,
    as the app's command line records it at each checkpoint (the window's chart of an opened run reads it)."""
    line = json.dumps({"step": trainer.step, "mse": trainer.reconstruction_error(reals)}) + "\n"
    try:
        with open(os.path.join(a.out, RECONSTRUCTION_FILE), "a") as f:
            f.write(line)
    except OSError as e:  # the history is not the run: training goes on, as the app's does
        print(f"warning: could not add to {RECONSTRUCTION_FILE} in {a.out} ({e})", flush=True)


def loop(a, c, t, trainer, batches, rows, device, reals):
    log = open(os.path.join(a.out, "losses.jsonl"), "a") if RANKS.rank == 0 else None
    reals = reals.to(device).float() / 255 if RANKS.rank == 0 else None
    window, started, first = [], time.time(), trainer.step
    while trainer.step < a.steps:
        step = trainer.step
        x = (next(batches)[0].to(device).float() / 255)
        z_global = data.prior(t["seed"], step, t["batchSize"], c["zdim"]).to(device)
        z = z_global[rows]
        shift = data.shifted(x, t["seed"], step, t["cycleShift"], rows) \
            if t["cycleShift"] > 0 and (t["lambdaX"] > 0 or encoder_only_at(t, step)) else None
        stats = trainer.train(x, z, shift, z_global)
        if not all(math.isfinite(s) for s in stats):
            raise SystemExit(f"Training diverged at step {trainer.step} (losses {stats}); the last checkpoint is "
                             f"intact: resume from it with a lower learning rate")
        window.append(stats)
        if log:
            log.write(json.dumps({"step": trainer.step, "lossD": stats[0], "lossGE": stats[1], "lossCycle": stats[2],
                                  "dReal": stats[3], "dFake": stats[4]}) + "\n")
        done = trainer.step == a.steps
        if RANKS.rank == 0 and (trainer.step % a.log_every == 0 or done):
            mean = [sum(s[i] for s in window) / len(window) for i in range(5)]
            rate = (trainer.step - first) / (time.time() - started)
            print(f"step {trainer.step}/{a.steps}  D {mean[0]:.3f}  G+E {mean[1]:.3f}  cycle {mean[2]:.3f}  "
                  f"D(x,E(x)) {mean[3]:.2f}  D(G(z),z) {mean[4]:.2f}  {rate:.1f} steps/s", flush=True)
            window = []
        if RANKS.rank == 0 and (done or trainer.step % a.checkpoint_every == 0):
            record_reconstruction(a, trainer, reals)
            checkpoint(a, trainer, c, done)
    if log:
        log.close()
