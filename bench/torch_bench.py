#!/usr/bin/python3
"""PyTorch reference half of the Occam-vs-PyTorch CPU benchmark.

Usage:
    /usr/bin/python3 bench/torch_bench.py [--threads 1,2] [--quick]
                                          [--workloads gemm,mlp] [--dtypes float32,float64]
                                          [--mnist-dir DIR]

stdout: JSON lines only (one "meta" record, then one record per measurement).
stderr: human-readable progress and a summary table.
See bench/README.md for the workloads and the exact JSON schema.

Nothing is written to disk and nothing touches the network (mnist_epoch reads
the MNIST IDX files from --mnist-dir).
"""

import argparse
import copy
import ctypes
import gc
import gzip
import json
import os
import platform
import re
import statistics
import struct
import sys
import time

# --------------------------------------------------------------------------
# OMP_WAIT_POLICY must be in the environment before libgomp is loaded (i.e.
# before `import torch`).  If the caller did not set it, re-exec ourselves with
# OMP_WAIT_POLICY=PASSIVE so idle OpenMP workers sleep instead of spinning
# (spinning workers steal the few cores from the BLAS threads and from the
# main thread).  An explicit caller setting is respected.
# --------------------------------------------------------------------------
if "OMP_WAIT_POLICY" not in os.environ:
    _env = dict(os.environ)
    _env["OMP_WAIT_POLICY"] = "PASSIVE"
    _env["TORCH_BENCH_REEXEC"] = "1"
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, [sys.executable] + sys.argv, _env)

IMPL = "torch"


def emit(rec):
    sys.stdout.write(json.dumps(rec, sort_keys=False) + "\n")
    sys.stdout.flush()


def log(msg=""):
    sys.stderr.write(msg + "\n")
    sys.stderr.flush()


try:
    import torch
    import torch.nn.functional as F
except Exception as e:  # clean skip: torch missing or broken
    emit({"impl": IMPL, "skipped": True,
          "reason": "import torch failed: %s: %s" % (type(e).__name__, e)})
    sys.exit(0)


# --------------------------------------------------------------------------
# constants
# --------------------------------------------------------------------------
GEMM_SHAPES = [(64, 64, 64), (128, 128, 128), (256, 256, 256), (512, 512, 512),
               (1024, 1024, 1024), (512, 784, 256)]  # (m, k, n)
D_IN, D_H, D_OUT = 784, 512, 10
LR = 0.01            # SGD learning rate (sgd and gnp steps)
GNP_LAMBDA = 0.01    # weight of ||grad loss||^2 in the gnp objective
SEED_MODEL = 0       # torch.manual_seed before building the nn.Sequential
SEED_DATA = 1        # generator for x (then y) pool of 1024 examples
SEED_V = 2           # generator for the HVP direction v
SEED_GEMM = 3        # generator for the GEMM operands
DATA_POOL = 1024
EPS_FD = 1e-6        # finite-difference step for the startup checks (float64)

MNIST_BATCH = 128    # mnist_epoch: 60000 examples -> 469 steps, the last one of 96
SEED_MNIST = 4       # generator for the per-epoch torch.randperm of the MNIST rows

LANCZOS_STEPS = 20   # hessian_lanczos: Lanczos steps (= HVPs) per call
SEED_LANCZOS = 5     # generator for the Lanczos start vector

# Spec-driven model workloads: name -> (kind, model spec, batch). kind: step = one SGD step
# (cross-entropy, lr LR), hvp = one Hessian-vector product, eval = a forward pass over EVAL_IMAGES
# images in batches of `batch` (accuracy). Keep in step with Workloads.SPEC_CASES on the Java side;
# adding a model = one line in each table (and its builder in build_model).
SPEC_CASES = {
    "cnn_step": ("step", "cnn:1x28x28:16-32:10", 128),
    "cnn_eval": ("eval", "cnn:1x28x28:16-32:10", 500),
    "resnet20_step": ("step", "resnet20:3x32x32:10", 128),
    "resnet18_step": ("step", "resnet18:3x32x32:10", 128),
    "resnet20_hvp": ("hvp", "resnet20:3x32x32:10", 128),
}
# BatchNorm mode per kind, the same on the Occam side (SpecWorkloads): a step trains (batch
# statistics, running buffers updated and kept across steps), an hvp and an eval pass use eval mode
# with the initial buffers (running mean 0, var 1), Occam's default for measurements.
SPEC_TRAIN_MODE = {"step": True, "hvp": False, "eval": False}
# Parameter counts of the spec models; build_model asserts the torch twin has exactly this many and
# Occam's SpecWorkloadsTest asserts Models.parse(spec) has it too, so both sides build the same net.
SPEC_PARAMS = {
    "cnn:1x28x28:16-32:10": 20490,
    "resnet20:3x32x32:10": 269722,
    "resnet18:3x32x32:10": 11173962,
}
EVAL_IMAGES = 10000
EIGH_SIZES = [1000, 2000]   # eigh: numpy.linalg.eigh of a dense symmetric n x n float64 matrix
SEED_EIGH = 6

ALL_WORKLOADS = ["gemm", "mlp_sgd_step", "mlp_hvp", "mlp_gnp_step", "mlp_jacobian_fro",
                 "hessian_lanczos", "gc_exact", "mnist_epoch"] + list(SPEC_CASES) + ["eigh"]
MLP_WORKLOADS = [w for w in ALL_WORKLOADS if w.startswith("mlp_")]
MEASURE_WORKLOADS = ["hessian_lanczos", "gc_exact"]   # the `measure` group (METHODS measurements)
MODEL_WORKLOADS = MLP_WORKLOADS + MEASURE_WORKLOADS   # everything built on the seeded MLP and data pool
DTYPES = {"float32": torch.float32, "float64": torch.float64}


# --------------------------------------------------------------------------
# environment / thread control
# --------------------------------------------------------------------------
def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


class BlasThreads:
    """Torch's set_num_threads controls OpenMP (and MKL), but not an external
    OpenBLAS, which keeps its own pthread pool (default: all cores).  Debian's
    torch uses the system libblas (OpenBLAS via alternatives), so we find the
    loaded OpenBLAS in /proc/self/maps and set its thread count via ctypes."""

    def __init__(self):
        self.lib = None
        self.path = None
        self.config = None
        # make sure BLAS is actually loaded/initialised
        a = torch.ones(8, 8)
        (a @ a).sum().item()
        paths = []
        try:
            with open("/proc/self/maps") as f:
                for line in f:
                    p = line.split()[-1]
                    base = os.path.basename(p)
                    if "openblas" in base and ".so" in base and p not in paths:
                        paths.append(p)
        except OSError:
            pass
        for p in paths:
            try:
                lib = ctypes.CDLL(p)
                lib.openblas_set_num_threads.argtypes = [ctypes.c_int]
                lib.openblas_get_num_threads.restype = ctypes.c_int
                self.lib, self.path = lib, p
                try:
                    lib.openblas_get_config.restype = ctypes.c_char_p
                    self.config = lib.openblas_get_config().decode()
                except Exception:
                    pass
                break
            except (OSError, AttributeError):
                continue

    def corename(self):
        """The kernel OpenBLAS dispatched to (e.g. SkylakeX = AVX-512, Haswell = AVX2)."""
        if self.lib is None:
            return None
        try:
            self.lib.openblas_get_corename.restype = ctypes.c_char_p
            return self.lib.openblas_get_corename().decode()
        except Exception:
            return None

    def set(self, n):
        if self.lib is not None:
            self.lib.openblas_set_num_threads(int(n))

    def get(self):
        return self.lib.openblas_get_num_threads() if self.lib is not None else None


def gemm_precision_check():
    """max |C32 - C64| / max |C64| for a 256^3 product computed in float32 and float64."""
    g = torch.Generator().manual_seed(SEED_GEMM)
    a = torch.randn(256, 256, generator=g)
    b = torch.randn(256, 256, generator=g)
    c64 = a.double() @ b.double()
    return float((( a @ b).double() - c64).abs().max() / c64.abs().max())


def set_threads(t, blas):
    torch.set_num_threads(t)
    blas.set(t)
    got = torch.get_num_threads()
    if got != t:
        log("WARNING: torch.get_num_threads() = %d after set_num_threads(%d)" % (got, t))
    if blas.lib is not None and blas.get() != t:
        log("WARNING: openblas_get_num_threads() = %s after setting %d" % (blas.get(), t))


# --------------------------------------------------------------------------
# timing
# --------------------------------------------------------------------------
_CLK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_snapshot():
    """(wall s, system-wide busy CPU s, this process's CPU s, steal s)."""
    busy = steal = None
    try:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        # user nice system idle iowait irq softirq steal ...
        busy = (v[0] + v[1] + v[2] + v[5] + v[6]) / _CLK
        steal = (v[7] if len(v) > 7 else 0) / _CLK
    except (OSError, ValueError, IndexError):
        pass
    return time.perf_counter(), busy, time.process_time(), steal


def other_load(s0, s1):
    """Average number of CPUs used by *other* processes (plus hypervisor steal)
    between two snapshots; ~0 on a quiet machine.  Resolution ~1 jiffy."""
    if s0[1] is None or s1[1] is None:
        return None
    dt = s1[0] - s0[0]
    if dt <= 0:
        return None
    others = (s1[1] - s0[1]) - (s1[2] - s0[2]) + (s1[3] - s0[3])
    return max(0.0, others / dt)


class Policy:
    def __init__(self, quick):
        # warm-up ends once the process has spent warm_cpu_s of CPU time in it (and warm_calls calls)
        if quick:
            self.warm_cpu_s = 0.1
            self.warm_calls, self.warm_s = 1, 0.05
            self.min_reps, self.target_s, self.max_s, self.max_reps = 5, 0.25, 1.2, 500
        else:
            self.warm_cpu_s = 1.0
            self.warm_calls, self.warm_s = 3, 0.3
            self.min_reps, self.target_s, self.max_s, self.max_reps = 15, 1.5, 5.0, 3000
        self.min_sample_s = 1e-3   # batch very short calls so one sample >= 1 ms


def measure(fn, pol):
    """Median wall-clock ms per call of fn() (time.perf_counter), and median main-thread CPU ms
    (time.thread_time) per call.

    Warm-up: at least pol.warm_calls calls, pol.warm_s seconds and pol.warm_cpu_s of process CPU
    time (capped at 30 s of wall time).  Very short
    calls are batched `inner` at a time so one timed sample lasts >= ~1 ms.
    Samples are collected until (reps >= min_reps and elapsed >= target_s), or
    elapsed >= max_s (with at least 3 reps), or reps >= max_reps."""
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        t0 = time.perf_counter()
        c0 = time.process_time()
        n = 0
        while (n < pol.warm_calls or time.perf_counter() - t0 < pol.warm_s
               or (time.process_time() - c0 < pol.warm_cpu_s and time.perf_counter() - t0 < 30)):
            fn()
            n += 1
        per_call = (time.perf_counter() - t0) / n
        inner = 1
        if per_call < pol.min_sample_s:
            inner = max(1, int(pol.min_sample_s / max(per_call, 1e-7)) + 1)
        samples = []
        cpu = []
        snap0 = cpu_snapshot()
        t_start = time.perf_counter()
        while True:
            s = time.perf_counter()
            cs = time.thread_time()
            for _ in range(inner):
                fn()
            e = time.perf_counter()
            cpu.append((time.thread_time() - cs) * 1e3 / inner)
            samples.append((e - s) * 1e3 / inner)
            el = e - t_start
            r = len(samples)
            if r >= pol.max_reps:
                break
            if r >= pol.min_reps and el >= pol.target_s:
                break
            if r >= 3 and el >= pol.max_s:
                break
        snap1 = cpu_snapshot()
    finally:
        if was_enabled:
            gc.enable()
    load = other_load(snap0, snap1)
    return {
        "median_ms": statistics.median(samples),
        "cpu_ms": statistics.median(cpu),
        "min_ms": min(samples),
        "mean_ms": statistics.fmean(samples),
        "reps": len(samples),
        "inner": inner,
        "other_load": None if load is None else round(load, 3),
    }


class BusyGuard:
    """Other engineers/jobs may share this machine.  If a measurement saw more
    than `threshold` CPUs of foreign load, wait for the machine to go quiet and
    measure again (keeping the least-disturbed result), spending at most
    `budget_s` seconds on this over the whole run."""

    def __init__(self, threshold, budget_s):
        self.threshold = threshold
        self.budget_s = budget_s
        self.spent = 0.0
        self.remeasured = 0

    def wait_quiet(self, deadline):
        while time.perf_counter() < deadline:
            s0 = cpu_snapshot()
            time.sleep(0.5)
            ld = other_load(s0, cpu_snapshot())
            if ld is None or ld < self.threshold:
                return True
        return False

    def measure(self, fn, pol):
        # pre-check: if the machine is visibly busy right now, wait for quiet first
        if self.spent < self.budget_s:
            s0 = cpu_snapshot()
            time.sleep(0.1)
            ld = other_load(s0, cpu_snapshot())
            if ld is not None and ld > self.threshold + 0.25:
                t0 = time.perf_counter()
                log("  (machine busy: other_load=%.2f; waiting for quiet)" % ld)
                self.wait_quiet(t0 + (self.budget_s - self.spent))
                self.spent += time.perf_counter() - t0
        best = measure(fn, pol)
        for _ in range(2):
            ld = best["other_load"]
            if ld is None or ld <= self.threshold or self.spent >= self.budget_s:
                break
            t0 = time.perf_counter()
            log("  (machine busy: other_load=%.2f; waiting for quiet and re-measuring)" % ld)
            quiet = self.wait_quiet(t0 + (self.budget_s - self.spent))
            if quiet:
                r = measure(fn, pol)
                self.remeasured += 1
                if r["other_load"] is not None and r["other_load"] < ld:
                    best = r
            self.spent += time.perf_counter() - t0
        return best


# --------------------------------------------------------------------------
# model, data, workloads
# --------------------------------------------------------------------------
def make_base_model():
    torch.manual_seed(SEED_MODEL)
    return torch.nn.Sequential(
        torch.nn.Linear(D_IN, D_H), torch.nn.Tanh(),
        torch.nn.Linear(D_H, D_H), torch.nn.Tanh(),
        torch.nn.Linear(D_H, D_OUT))


def make_data():
    g = torch.Generator().manual_seed(SEED_DATA)
    x = torch.randn(DATA_POOL, D_IN, generator=g, dtype=torch.float32)
    y = torch.randint(0, D_OUT, (DATA_POOL,), generator=g, dtype=torch.int64)
    return x, y


def make_v(base_model):
    g = torch.Generator().manual_seed(SEED_V)
    return [torch.randn(p.shape, generator=g, dtype=torch.float32) for p in base_model.parameters()]


class Ctx:
    """Fresh copy of the (fp32-initialised) model cast to `dtype`, plus data."""

    def __init__(self, base_model, data, v32, dtype, batch):
        self.model = copy.deepcopy(base_model).to(dtype)
        self.params = list(self.model.parameters())
        self.x = data[0][:batch].to(dtype).contiguous()
        self.y = data[1][:batch].contiguous()
        self.v = [t.to(dtype) for t in v32]

    def loss(self):
        return F.cross_entropy(self.model(self.x), self.y)


def sgd_update(params, grads, lr=LR):
    with torch.no_grad():
        for p, g in zip(params, grads):
            p.sub_(g, alpha=lr)


def make_sgd_step(c):
    params, model, x, y = c.params, c.model, c.x, c.y

    def step():
        loss = F.cross_entropy(model(x), y)
        grads = torch.autograd.grad(loss, params)
        sgd_update(params, grads)
    return step


def hvp_once(model, params, x, y, v):
    loss = F.cross_entropy(model(x), y)
    g = torch.autograd.grad(loss, params, create_graph=True)
    dot = sum((gi * vi).sum() for gi, vi in zip(g, v))
    hv = torch.autograd.grad(dot, params)
    return loss, hv


def make_hvp(c):
    params, model, x, y, v = c.params, c.model, c.x, c.y, c.v

    def run():
        return hvp_once(model, params, x, y, v)
    return run


def gnp_objective_grads(model, params, x, y):
    loss = F.cross_entropy(model(x), y)
    g = torch.autograd.grad(loss, params, create_graph=True)
    pen = sum((gi * gi).sum() for gi in g)
    total = loss + GNP_LAMBDA * pen
    grads = torch.autograd.grad(total, params)
    return loss, pen, total, grads


def make_gnp_step(c):
    params, model, x, y = c.params, c.model, c.x, c.y

    def step():
        _, _, _, grads = gnp_objective_grads(model, params, x, y)
        sgd_update(params, grads)
    return step


def jac_cotangents(batch, dtype):
    cots = []
    for k in range(D_OUT):
        e = torch.zeros(batch, D_OUT, dtype=dtype)
        e[:, k] = 1
        cots.append(e)
    return cots


def jacobian_fro_batched(model, x, cots):
    """sum_b ||d f(x_b)/d x_b||_F^2 : one forward, D_OUT reverse passes."""
    xr = x.detach().requires_grad_(True)
    out = model(xr)
    total = None
    for k in range(D_OUT):
        (gx,) = torch.autograd.grad(out, xr, grad_outputs=cots[k], retain_graph=(k < D_OUT - 1))
        s = gx.pow(2).sum()
        total = s if total is None else total + s
    return total


def make_jac(c):
    model, x = c.model, c.x
    cots = jac_cotangents(x.shape[0], x.dtype)

    def run():
        return jacobian_fro_batched(model, x, cots)
    return run


def flat_cat(ts):
    return torch.cat([t.reshape(-1) for t in ts])


def hessian_operator(model, params, x, y):
    """v -> H v for the flattened parameter vector: the gradient is traced once with
    create_graph=True (one forward + backward), then each product is one backward pass of g.v."""
    loss = F.cross_entropy(model(x), y)
    g = torch.autograd.grad(loss, params, create_graph=True)
    sizes = [p.numel() for p in params]

    def apply(v):
        vs = v.split(sizes)
        dot = sum((gi * vi.view_as(gi)).sum() for gi, vi in zip(g, vs))
        hv = torch.autograd.grad(dot, params, retain_graph=True)
        return flat_cat(hv)
    return apply, sum(sizes)


def lanczos(apply, m, steps, dtype, gen):
    """`steps` Lanczos steps with full reorthogonalization on a symmetric operator of dimension m;
    returns (Ritz values ascending, number of operator applications).  Start vector: standard
    normal from `gen` (drawn in float32, cast).  After the three-term recurrence every new
    vector is orthogonalized (classical Gram-Schmidt, one pass) against all previous basis
    vectors; an invariant Krylov space (beta ~ 0) ends the run early."""
    steps = min(steps, m)
    q = torch.randn(m, generator=gen, dtype=torch.float32).to(dtype)
    q = q / q.norm()
    Q = torch.empty(steps, m, dtype=dtype)
    alphas, betas = [], []
    tol = 1e-12 if dtype == torch.float64 else 1e-5
    scale = 0.0
    hvps = 0
    for j in range(steps):
        Q[j] = q
        w = apply(q)
        hvps += 1
        a = torch.dot(q, w)
        w.sub_(q, alpha=float(a))
        if j > 0:
            w.sub_(Q[j - 1], alpha=betas[j - 1])
        basis = Q[:j + 1]
        c = torch.mv(basis, w)              # full reorthogonalization against q_0..q_j
        w = torch.addmv(w, basis.t(), c, alpha=-1)
        a = float(a) + float(c[j])
        b = float(w.norm())
        alphas.append(a)
        betas.append(b)
        scale = max(scale, abs(a) + b + (betas[j - 1] if j > 0 else 0.0))
        if j == steps - 1 or b <= tol * scale:
            break
        q = w / b
    n = len(alphas)
    T = torch.diag(torch.tensor(alphas, dtype=dtype))
    if n > 1:
        off = torch.tensor(betas[:n - 1], dtype=dtype)
        T = T + torch.diag(off, 1) + torch.diag(off, -1)
    return torch.linalg.eigvalsh(T), hvps


def hessian_top_lanczos(model, params, x, y, steps=LANCZOS_STEPS):
    """Top eigenvalue of the loss Hessian: build the HVP operator, then `steps` Lanczos steps."""
    apply, m = hessian_operator(model, params, x, y)
    ritz, hvps = lanczos(apply, m, steps, x.dtype, torch.Generator().manual_seed(SEED_LANCZOS))
    return ritz[-1], hvps


def make_lanczos(c):
    model, params, x, y = c.model, c.params, c.x, c.y

    def run():
        return hessian_top_lanczos(model, params, x, y)
    return run


def make_gc(c):
    model, x = c.model, c.x
    cots = jac_cotangents(x.shape[0], x.dtype)
    b = x.shape[0]

    def run():
        return jacobian_fro_batched(model, x, cots) / b
    return run


# --------------------------------------------------------------------------
# mnist_epoch: one epoch of MNIST training, timed as a whole
# --------------------------------------------------------------------------
def default_mnist_dir():
    """Occam's data cache: $OCCAM_DATA/mnist, else ~/.cache/occam/mnist."""
    root = os.environ.get("OCCAM_DATA") or os.path.join(os.path.expanduser("~"), ".cache", "occam")
    return os.path.join(root, "mnist")


def read_idx(path):
    """An IDX file of unsigned bytes (raw, or gzipped when the name ends in .gz) as a uint8 tensor."""
    with (gzip.open if path.endswith(".gz") else open)(path, "rb") as f:
        data = f.read()
    magic = struct.unpack(">I", data[:4])[0]
    ndim = magic & 0xFF
    if magic >> 8 != 0x08:
        raise ValueError("%s: not an unsigned-byte IDX file (magic 0x%08x)" % (path, magic))
    dims = struct.unpack(">%dI" % ndim, data[4:4 + 4 * ndim])
    return torch.frombuffer(bytearray(data[4 + 4 * ndim:]), dtype=torch.uint8).reshape(dims)


def load_mnist_train(directory):
    """(x [60000, 784] float32 in [0, 1], y [60000] int64), or raise OSError/ValueError naming the problem."""
    def find(name):
        for p in (os.path.join(directory, name), os.path.join(directory, name + ".gz")):
            if os.path.isfile(p):
                return p
        raise OSError("%s(.gz) not found in %s" % (name, directory))
    images = read_idx(find("train-images-idx3-ubyte"))
    labels = read_idx(find("train-labels-idx1-ubyte"))
    x = images.reshape(images.shape[0], -1).to(torch.float32) / 255.0
    return x, labels.to(torch.int64)


def train_mnist_epoch(model, x, y, gen, max_steps=None):
    """SGD over one reshuffled epoch (batches of 128, batch assembly included); mean loss per example."""
    params = list(model.parameters())
    perm = torch.randperm(x.shape[0], generator=gen)
    total, seen = 0.0, 0
    for step, start in enumerate(range(0, x.shape[0], MNIST_BATCH)):
        if max_steps is not None and step >= max_steps:
            break
        idx = perm[start:start + MNIST_BATCH]
        xb, yb = x[idx], y[idx]
        loss = F.cross_entropy(model(xb), yb)
        grads = torch.autograd.grad(loss, params)
        sgd_update(params, grads)
        total += float(loss) * len(idx)
        seen += len(idx)
    return total / seen


def measure_mnist_epoch(base_model, x, y, quick):
    """Each epoch trains a fresh copy of the base model (float32).  Warm-up: one epoch (--quick: 30
    steps); then the median of 3 timed epochs (--quick: 1).  value = mean training loss per example,
    averaged over the timed epochs."""
    gen = torch.Generator().manual_seed(SEED_MNIST)
    train_mnist_epoch(copy.deepcopy(base_model), x, y, gen, max_steps=30 if quick else None)
    times, losses = [], []
    gc.collect()
    gc.disable()
    try:
        snap0 = cpu_snapshot()
        for _ in range(1 if quick else 3):
            model = copy.deepcopy(base_model)
            s = time.perf_counter()
            losses.append(train_mnist_epoch(model, x, y, gen))
            times.append((time.perf_counter() - s) * 1e3)
        snap1 = cpu_snapshot()
    finally:
        gc.enable()
    load = other_load(snap0, snap1)
    return {"median_ms": statistics.median(times), "min_ms": min(times), "mean_ms": statistics.fmean(times),
            "reps": len(times), "inner": 1, "other_load": None if load is None else round(load, 3),
            "value": statistics.fmean(losses)}


# --------------------------------------------------------------------------
# spec-driven model workloads (SPEC_CASES) and the dense eigensolver
# --------------------------------------------------------------------------
ACTS = {"relu": torch.nn.ReLU, "tanh": torch.nn.Tanh, "gelu": torch.nn.GELU, "sigmoid": torch.nn.Sigmoid,
        "softplus": torch.nn.Softplus}


class CifarBlock(torch.nn.Module):
    """BasicBlock: conv3x3-BN-ReLU-conv3x3-BN plus shortcut, then ReLU. Shortcut on a change of shape:
    option "a" = subsample and zero-pad the channels (no parameters, akamaster), "b" = 1x1 conv + BN
    (kuangliu's `shortcut` Sequential); state_dict names as in Occam's BasicBlock."""

    def __init__(self, cin, cout, stride, option):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = torch.nn.BatchNorm2d(cout)
        self.conv2 = torch.nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = torch.nn.BatchNorm2d(cout)
        self.shortcut = torch.nn.Sequential()
        self.pad, self.stride = 0, stride
        if stride != 1 or cin != cout:
            if option == "b":
                self.shortcut = torch.nn.Sequential(torch.nn.Conv2d(cin, cout, 1, stride, bias=False),
                                                    torch.nn.BatchNorm2d(cout))
            else:
                self.pad = (cout - cin) // 2

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        if self.pad:
            skip = F.pad(x[:, :, ::self.stride, ::self.stride], (0, 0, 0, 0, self.pad, self.pad), "constant", 0)
        else:
            skip = self.shortcut(x)
        return F.relu(out + skip)


class CifarResNet(torch.nn.Module):
    """conv1/bn1/ReLU stem, stages layer1.. of `blocks[s]` CifarBlocks at width*2**s (stride 2 at the
    start of every stage but the first), global average pooling, linear (Occam's state_dict names): kuangliu's ResNet-18 with
    blocks (2,2,2,2) and option b, akamaster's ResNet-(6n+2) with (n,n,n) and option a."""

    def __init__(self, channels, classes, width, blocks, option):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(channels, width, 3, 1, 1, bias=False)
        self.bn1 = torch.nn.BatchNorm2d(width)
        cin = width
        self.stages = len(blocks)
        for s, n in enumerate(blocks):
            cout = width << s
            setattr(self, "layer%d" % (s + 1), torch.nn.Sequential(
                *[CifarBlock(cin if b == 0 else cout, cout, 2 if b == 0 and s > 0 else 1, option) for b in range(n)]))
            cin = cout
        self.linear = torch.nn.Linear(cin, classes)

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        for s in range(self.stages):
            out = getattr(self, "layer%d" % (s + 1))(out)
        return self.linear(torch.flatten(F.adaptive_avg_pool2d(out, 1), 1))


def spec_options(parts):
    """The key=value options after the third part of a spec."""
    opt = {}
    for p in parts[3:]:
        k, _, v = p.partition("=")
        opt[k] = v
    return opt


def build_model(spec):
    """The torch twin of Occam's Models.parse(spec), with PyTorch's default init (seed SEED_MODEL;
    akamaster's Kaiming-normal conv/linear weights for resnet20); asserts SPEC_PARAMS[spec]."""
    parts = spec.split(":")
    torch.manual_seed(SEED_MODEL)
    chw = tuple(int(v) for v in parts[1].split("x"))
    if parts[0] == "cnn":
        c, h, w = chw
        act = ACTS[parts[4] if len(parts) > 4 else "relu"]
        layers = []
        for wd in (int(v) for v in parts[2].split("-")):
            layers += [torch.nn.Conv2d(c, wd, 3, padding=1), act(), torch.nn.MaxPool2d(2)]
            c, h, w = wd, h // 2, w // 2
        layers += [torch.nn.Flatten(), torch.nn.Linear(c * h * w, int(parts[3]))]
        model = torch.nn.Sequential(*layers)
    elif parts[0] == "resnet18":
        model = CifarResNet(chw[0], int(parts[2]), int(spec_options(parts).get("width", 64)), [2, 2, 2, 2], "b")
    elif re.fullmatch(r"resnet\d+", parts[0]) and (int(parts[0][6:]) - 2) % 6 == 0:
        opt = spec_options(parts)
        n = (int(parts[0][6:]) - 2) // 6
        model = CifarResNet(chw[0], int(parts[2]), int(opt.get("width", 16)), [n, n, n], opt.get("shortcut", "a"))
        for m in model.modules():
            if isinstance(m, (torch.nn.Conv2d, torch.nn.Linear)):
                torch.nn.init.kaiming_normal_(m.weight)
    else:
        raise SystemExit("build_model: no torch builder for spec %r yet (add it next to the cnn and resnet ones)" % spec)
    count = sum(p.numel() for p in model.parameters())
    if spec in SPEC_PARAMS and count != SPEC_PARAMS[spec]:
        raise SystemExit("FATAL: torch %s has %d parameters, Occam's has %d" % (spec, count, SPEC_PARAMS[spec]))
    return model, chw, int(parts[3] if parts[0] == "cnn" else parts[2]), count


class SpecCtx:
    """A fresh model of `spec` in `dtype` and a synthetic pool: x ~ N(0,1), labels uniform (seed SEED_DATA)."""

    def __init__(self, spec, dtype, batch, pool, train):
        model, chw, classes, self.count = build_model(spec)
        self.model = model.to(dtype).train(train)
        self.params = list(self.model.parameters())
        g = torch.Generator().manual_seed(SEED_DATA)
        self.x = torch.randn((pool,) + chw, generator=g, dtype=torch.float32).to(dtype)
        self.y = torch.randint(0, classes, (pool,), generator=g)
        self.batch = batch
        gv = torch.Generator().manual_seed(SEED_V)
        self.v = [torch.randn(p.shape, generator=gv, dtype=torch.float32).to(dtype) for p in self.params]

    def loss(self):
        return F.cross_entropy(self.model(self.x[:self.batch]), self.y[:self.batch])


def make_spec_case(kind, c):
    if kind == "step":
        def step():
            grads = torch.autograd.grad(c.loss(), c.params)
            sgd_update(c.params, grads)
        return step
    if kind == "hvp":
        def run():
            hvp_once(c.model, c.params, c.x[:c.batch], c.y[:c.batch], c.v)
        return run
    if kind == "eval":
        def run():
            correct = 0
            with torch.no_grad():
                for i in range(0, c.x.shape[0], c.batch):
                    correct += int((c.model(c.x[i:i + c.batch]).argmax(1) == c.y[i:i + c.batch]).sum())
            return correct / c.x.shape[0]
        return run
    raise SystemExit("unknown spec workload kind %r" % kind)


def spec_values(kind, c):
    if kind == "step":
        loss = float(c.loss())
        return {"loss": loss, "value": loss}   # `value` joins Occam's (its loss before the step)
    if kind == "eval":
        return {"value": make_spec_case("eval", c)()}
    return {}


def make_eigh(n):
    """numpy.linalg.eigh of a dense symmetric n x n float64 matrix; checks ||AV - V diag(w)|| / ||A|| once."""
    import numpy as np
    rng = np.random.default_rng(SEED_EIGH)
    a = rng.standard_normal((n, n))
    a = (a + a.T) / 2
    w, v = np.linalg.eigh(a)
    resid = float(np.linalg.norm(a @ v - v * w) / np.linalg.norm(a))
    if not resid < 1e-10:
        raise SystemExit("FATAL: eigh residual %.1e" % resid)
    return (lambda: np.linalg.eigh(a)), resid


# --------------------------------------------------------------------------
# correctness checks (run once at startup, float64, tiny batches)
# --------------------------------------------------------------------------
def rel_err(a, b):
    return abs(a - b) / max(abs(a), abs(b), 1e-300)


def startup_checks(base_model, data, v32, needed):
    msgs = []
    # Jacobian Frobenius norm vs brute force torch.autograd.functional.jacobian
    if "mlp_jacobian_fro" in needed or "gc_exact" in needed:
        c = Ctx(base_model, data, v32, torch.float64, 2)
        brute = 0.0
        for b in range(2):
            J = torch.autograd.functional.jacobian(
                lambda xb: c.model(xb.unsqueeze(0)).squeeze(0), c.x[b])
            assert J.shape == (D_OUT, D_IN), J.shape
            brute += float(J.pow(2).sum())
        fast = float(jacobian_fro_batched(c.model, c.x, jac_cotangents(2, torch.float64)))
        c32 = Ctx(base_model, data, v32, torch.float32, 2)
        fast32 = float(jacobian_fro_batched(c32.model, c32.x, jac_cotangents(2, torch.float32)))
        e64, e32 = rel_err(fast, brute), rel_err(fast32, brute)
        msgs.append("jacobian_fro(B=2): batched=%.12g brute=%.12g rel64=%.1e rel32=%.1e" % (fast, brute, e64, e32))
        if not (e64 < 1e-10 and e32 < 1e-4):
            raise SystemExit("FATAL: jacobian check failed: " + msgs[-1])
    # HVP vs central finite difference of the gradient along v
    if "mlp_hvp" in needed or "mlp_gnp_step" in needed:
        c = Ctx(base_model, data, v32, torch.float64, 16)
        _, hv = hvp_once(c.model, c.params, c.x, c.y, c.v)
        eps = EPS_FD

        def grad_at(sign):
            with torch.no_grad():
                for p, vi in zip(c.params, c.v):
                    p.add_(vi, alpha=sign * eps)
            loss = c.loss()
            g = torch.autograd.grad(loss, c.params)
            with torch.no_grad():
                for p, vi in zip(c.params, c.v):
                    p.sub_(vi, alpha=sign * eps)
            return g
        gp, gm = grad_at(+1), grad_at(-1)
        fd = [(a - b) / (2 * eps) for a, b in zip(gp, gm)]
        num = sum(float((a - b).pow(2).sum()) for a, b in zip(hv, fd)) ** 0.5
        den = sum(float(a.pow(2).sum()) for a in hv) ** 0.5
        msgs.append("hvp(B=16) vs finite diff: rel L2 err=%.1e" % (num / den))
        if not num / den < 1e-6:
            raise SystemExit("FATAL: HVP check failed: " + msgs[-1])
    # GNP gradient: directional derivative vs finite difference of the objective
    if "mlp_gnp_step" in needed:
        c = Ctx(base_model, data, v32, torch.float64, 16)
        _, _, _, grads = gnp_objective_grads(c.model, c.params, c.x, c.y)
        dd = sum(float((gi * vi).sum()) for gi, vi in zip(grads, c.v))
        eps = EPS_FD

        def obj_at(sign):
            with torch.no_grad():
                for p, vi in zip(c.params, c.v):
                    p.add_(vi, alpha=sign * eps)
            loss = c.loss()
            g = torch.autograd.grad(loss, c.params)
            val = float(loss) + GNP_LAMBDA * sum(float(gi.pow(2).sum()) for gi in g)
            with torch.no_grad():
                for p, vi in zip(c.params, c.v):
                    p.sub_(vi, alpha=sign * eps)
            return val
        fd = (obj_at(+1) - obj_at(-1)) / (2 * eps)
        msgs.append("gnp grad(B=16) . v: autograd=%.10g fd=%.10g rel=%.1e" % (dd, fd, rel_err(dd, fd)))
        if not rel_err(dd, fd) < 1e-6:
            raise SystemExit("FATAL: GNP gradient check failed: " + msgs[-1])
    # Lanczos (+ the HVP operator) vs the dense Hessian's eigenvalues on a tiny MLP whose
    # dimension (17) is below the step count, so the Krylov space is the whole (reachable) space
    # and the top Ritz value is exact up to round-off
    if "hessian_lanczos" in needed:
        torch.manual_seed(SEED_MODEL)
        tiny = torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.Tanh(), torch.nn.Linear(2, 3)).to(torch.float64)
        g = torch.Generator().manual_seed(SEED_DATA)
        tx = torch.randn(8, 3, generator=g, dtype=torch.float64)
        ty = torch.randint(0, 3, (8,), generator=g)
        tparams = list(tiny.parameters())
        shapes = [p.shape for p in tparams]
        sizes = [p.numel() for p in tparams]

        def tiny_loss(flat):
            ws = [t.view(s) for t, s in zip(flat.split(sizes), shapes)]
            h = torch.tanh(F.linear(tx, ws[0], ws[1]))
            return F.cross_entropy(F.linear(h, ws[2], ws[3]), ty)
        H = torch.autograd.functional.hessian(tiny_loss, flat_cat([p.detach() for p in tparams]))
        dense = float(torch.linalg.eigvalsh(H)[-1])
        top64, n64 = hessian_top_lanczos(tiny, tparams, tx, ty)
        tiny32 = copy.deepcopy(tiny).to(torch.float32)
        top32, _ = hessian_top_lanczos(tiny32, list(tiny32.parameters()), tx.float(), ty)
        e64, e32 = rel_err(float(top64), dense), rel_err(float(top32), dense)
        msgs.append("lanczos top eigenvalue (17 params, %d steps) vs dense eigvalsh: lanczos=%.12g dense=%.12g "
                    "rel64=%.1e rel32=%.1e" % (n64, float(top64), dense, e64, e32))
        if not (e64 < 1e-10 and e32 < 1e-4):
            raise SystemExit("FATAL: Lanczos check failed: " + msgs[-1])
        # and on the benchmark MLP (float64, B=16), against power iteration from the same start vector:
        # (a) the top Ritz value of 20 steps is the largest Rayleigh quotient over the Krylov space K_20(v0),
        #     so it is >= the Rayleigh quotient of power iteration after the same 20 HVPs (H^19 v0 lies in
        #     K_20) -- exactly, up to round-off;
        # (b) a long power iteration (200 HVPs) approaches lambda_max from below and should land within
        #     a few per cent of the 20-step Ritz value (Lanczos converges much faster).
        c = Ctx(base_model, data, v32, torch.float64, 16)
        top, n = hessian_top_lanczos(c.model, c.params, c.x, c.y)
        top = float(top)
        apply, m = hessian_operator(c.model, c.params, c.x, c.y)
        v = torch.randn(m, generator=torch.Generator().manual_seed(SEED_LANCZOS), dtype=torch.float32).to(torch.float64)
        lam_n = None
        for it in range(1, 201):
            v = v / v.norm()
            w = apply(v)
            lam = float(torch.dot(v, w))
            v = w
            if it == n:
                lam_n = lam
        msgs.append("lanczos top eigenvalue (MLP, B=16, %d steps) %.10g vs power iteration from the same start: "
                    "%.10g after %d HVPs (must be <=), %.10g after 200 (rel diff %.1e)"
                    % (n, top, lam_n, n, lam, rel_err(top, lam)))
        if not (n == LANCZOS_STEPS and lam_n <= top * (1 + 1e-10) and rel_err(top, lam) < 0.02):
            raise SystemExit("FATAL: Lanczos check failed: " + msgs[-1])
    return msgs


# --------------------------------------------------------------------------
# value fields (computed once per case on a fresh model, before timing)
# --------------------------------------------------------------------------
def values_sgd(c):
    loss0 = c.loss()
    grads = torch.autograd.grad(loss0, c.params)
    sgd_update(c.params, grads)
    with torch.no_grad():
        loss1 = c.loss()
    return {"loss": float(loss0), "loss_after_1_step": float(loss1)}


def values_hvp(c):
    loss, hv = hvp_once(c.model, c.params, c.x, c.y, c.v)
    vhv = sum(float((h * vi).sum()) for h, vi in zip(hv, c.v))
    hvn = sum(float(h.pow(2).sum()) for h in hv) ** 0.5
    return {"loss": float(loss), "vhv": vhv, "hv_norm": hvn}


def values_gnp(c):
    loss, pen, total, grads = gnp_objective_grads(c.model, c.params, c.x, c.y)
    sgd_update(c.params, grads)
    with torch.no_grad():
        loss1 = c.loss()
    return {"loss": float(loss), "grad_norm_sq": float(pen), "objective": float(total),
            "loss_after_1_step": float(loss1)}


def values_jac(c):
    val = float(jacobian_fro_batched(c.model, c.x, jac_cotangents(c.x.shape[0], c.x.dtype)))
    return {"value": val, "value_per_example": val / c.x.shape[0]}


def values_lanczos(c):
    top, hvps = hessian_top_lanczos(c.model, c.params, c.x, c.y)
    return {"value": float(top), "hvp_count": hvps}


def values_gc(c):
    b = c.x.shape[0]
    return {"value": float(jacobian_fro_batched(c.model, c.x, jac_cotangents(b, c.x.dtype))) / b}


MLP_CASES = [
    # (workload, batch, make_fn, value_fn)
    ("mlp_sgd_step", 128, make_sgd_step, values_sgd),
    ("mlp_sgd_step", 1024, make_sgd_step, values_sgd),
    ("mlp_hvp", 1024, make_hvp, values_hvp),
    ("mlp_gnp_step", 1024, make_gnp_step, values_gnp),
    ("mlp_jacobian_fro", 256, make_jac, values_jac),
    ("hessian_lanczos", 1024, make_lanczos, values_lanczos),
    ("gc_exact", 1024, make_gc, values_gc),
]


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------
def parse_args():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--threads", default="1,2", help="comma-separated thread counts (default 1,2)")
    ap.add_argument("--quick", action="store_true", help="fewer reps (whole run < ~40 s)")
    ap.add_argument("--workloads", default="gemm,mlp",
                    help="comma-separated: gemm, mlp (= all mlp_*), %s, measure (= %s), mnist_epoch, all"
                         % (", ".join(MLP_WORKLOADS + MEASURE_WORKLOADS), ", ".join(MEASURE_WORKLOADS)))
    ap.add_argument("--dtypes", default="float32,float64", help="comma-separated: float32, float64")
    ap.add_argument("--mnist-dir", default=None,
                    help="folder with the MNIST IDX files for mnist_epoch (default $OCCAM_DATA/mnist, "
                         "else ~/.cache/occam/mnist)")
    ap.add_argument("--busy-threshold", type=float, default=0.25,
                    help="foreign CPU load (in CPUs) above which a measurement counts as disturbed (default 0.25)")
    ap.add_argument("--busy-wait", type=float, default=None,
                    help="total seconds the run may spend waiting for a quiet machine and re-measuring "
                         "disturbed cases (default 60, or 0 with --quick)")
    a = ap.parse_args()
    try:
        a.threads = [int(t) for t in a.threads.split(",") if t.strip()]
    except ValueError:
        ap.error("--threads must be comma-separated integers")
    if not a.threads or any(t < 1 for t in a.threads):
        ap.error("--threads must be positive integers")
    wl = []
    for w in a.workloads.split(","):
        w = w.strip()
        if not w:
            continue
        if w == "mlp":
            wl.extend(MLP_WORKLOADS)
        elif w == "measure":
            wl.extend(MEASURE_WORKLOADS)
        elif w == "all":
            wl.extend(ALL_WORKLOADS)
        elif w in ALL_WORKLOADS:
            wl.append(w)
        else:
            ap.error("unknown workload %r (choose from gemm, mlp, measure, %s, all)"
                     % (w, ", ".join(ALL_WORKLOADS[1:])))
    a.workloads = [w for w in ALL_WORKLOADS if w in wl]
    dts = [d.strip() for d in a.dtypes.split(",") if d.strip()]
    for d in dts:
        if d not in DTYPES:
            ap.error("unknown dtype %r" % d)
    a.dtypes = [d for d in DTYPES if d in dts]
    if a.mnist_dir is None:
        a.mnist_dir = default_mnist_dir()
    if a.busy_wait is None:
        a.busy_wait = 0.0 if a.quick else 60.0
    return a


def fmt_row(r):
    if r["workload"] == "gemm":
        shape = "m=%d k=%d n=%d" % (r["m"], r["k"], r["n"])
        extra = "%8.2f GFLOP/s" % r["gflops"]
    elif r.get("batch") is None:
        shape = "n=%d" % r["m"]
        extra = ""
    else:
        shape = "batch=%d" % r["batch"]
        extra = ""
        for key in ("value_per_example", "loss", "value"):
            if key in r:
                extra = "%s=%.6g" % (key, r[key])
                break
    ld = r.get("other_load")
    lds = "   n/a" if ld is None else "%5.2f%s" % (ld, "!" if ld > BUSY_FLAG else " ")
    return "%-17s %-8s %2d  %-20s %10.3f ms %10.3f ms %5d %s  %s" % (
        r["workload"], r["dtype"], r["threads"], shape, r["median_ms"], r["min_ms"], r["reps"], lds, extra)


BUSY_FLAG = 0.25
HEADER = "%-17s %-8s %2s  %-20s %13s %13s %5s %6s  %s" % (
    "workload", "dtype", "t", "shape", "median", "min", "reps", "other", "gflops / value")


def main():
    global BUSY_FLAG
    args = parse_args()
    BUSY_FLAG = args.busy_threshold
    pol = Policy(args.quick)
    guard = BusyGuard(args.busy_threshold, args.busy_wait)
    t_begin = time.perf_counter()

    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    blas = BlasThreads()
    ncpu = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()

    meta = {
        "impl": IMPL, "meta": True,
        "torch_version": torch.__version__,
        "python": platform.python_version(),
        "python_executable": sys.executable,
        "cpu": cpu_model(),
        "cpu_count": ncpu,
        "platform": platform.platform(),
        "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY"),
        "blas": blas.config or "unknown (BLAS thread count not controlled)",
        "blas_lib": blas.path,
        "threads": args.threads,
        "workloads": args.workloads,
        "dtypes": args.dtypes,
        "quick": bool(args.quick),
        "mnist_dir": args.mnist_dir if "mnist_epoch" in args.workloads else None,
        "timing": "median of per-call wall-clock ms (time.perf_counter) and main-thread CPU ms (time.thread_time) "
                  "after a warm-up of >= %.1f s of CPU time" % pol.warm_cpu_s,
        "openblas_coretype_env": os.environ.get("OPENBLAS_CORETYPE"),
        "openblas_l2_size_env": os.environ.get("OPENBLAS_L2_SIZE"),
        "blas_kernel": blas.corename(),
        "gemm_f32_vs_f64_rel_err": gemm_precision_check(),
    }
    if not meta["gemm_f32_vs_f64_rel_err"] < 1e-4:
        raise SystemExit("FATAL: float32 GEMM differs from float64 by %.1e (BLAS kernel %s)"
                         % (meta["gemm_f32_vs_f64_rel_err"], meta["blas_kernel"]))
    emit(meta)
    log("torch %s | python %s | %s | %d cpus | OMP_WAIT_POLICY=%s" % (
        torch.__version__, platform.python_version(), meta["cpu"], ncpu, meta["omp_wait_policy"]))
    log("BLAS: %s%s" % (meta["blas"], (" (%s)" % blas.path) if blas.path else ""))
    for t in args.threads:
        if t > ncpu:
            log("WARNING: %d threads requested but only %d CPUs available" % (t, ncpu))

    mlp_needed = [w for w in args.workloads if w in MODEL_WORKLOADS]
    base_model = data = v32 = mnist = None
    if mlp_needed or "mnist_epoch" in args.workloads:
        base_model = make_base_model()
    if "mnist_epoch" in args.workloads:
        if "float32" not in args.dtypes:
            log("mnist_epoch skipped: it runs in float32 only (add float32 to --dtypes)")
        else:
            try:
                mnist = load_mnist_train(args.mnist_dir)
            except (OSError, ValueError) as e:
                log("mnist_epoch skipped: %s (run ./occam data fetch mnist)" % e)
    if mlp_needed:
        data = make_data()
        v32 = make_v(base_model)
        set_threads(args.threads[0], blas)
        for m in startup_checks(base_model, data, v32, mlp_needed):
            log("check ok: " + m)

    # GEMM operands (fixed per shape/dtype)
    gemm_ops = {}
    if "gemm" in args.workloads:
        g = torch.Generator().manual_seed(SEED_GEMM)
        for (m, k, n) in GEMM_SHAPES:
            A = torch.randn(m, k, generator=g, dtype=torch.float32)
            B = torch.randn(k, n, generator=g, dtype=torch.float32)
            for d in args.dtypes:
                gemm_ops[(m, k, n, d)] = (A.to(DTYPES[d]).contiguous(), B.to(DTYPES[d]).contiguous())

    results = []
    log("")
    log(HEADER)
    for t in args.threads:
        set_threads(t, blas)
        for d in args.dtypes:
            dtype = DTYPES[d]
            if "gemm" in args.workloads:
                for (m, k, n) in GEMM_SHAPES:
                    A, B = gemm_ops[(m, k, n, d)]
                    res = guard.measure(lambda: A @ B, pol)
                    rec = {"impl": IMPL, "workload": "gemm", "dtype": d, "threads": t,
                           "m": m, "k": k, "n": n}
                    rec.update(res)
                    rec["gflops"] = 2.0 * m * n * k / (res["median_ms"] * 1e-3) / 1e9
                    emit(rec)
                    results.append(rec)
                    log(fmt_row(rec))
            for (wl, batch, make_fn, value_fn) in MLP_CASES:
                if wl not in args.workloads:
                    continue
                vals = value_fn(Ctx(base_model, data, v32, dtype, batch))
                c = Ctx(base_model, data, v32, dtype, batch)   # fresh params for timing
                res = guard.measure(make_fn(c), pol)
                rec = {"impl": IMPL, "workload": wl, "dtype": d, "threads": t, "batch": batch}
                rec.update(res)
                rec.update(vals)
                emit(rec)
                results.append(rec)
                log(fmt_row(rec))
                del c
            for wl, (kind, spec, batch) in SPEC_CASES.items():
                if wl not in args.workloads:
                    continue
                pool = EVAL_IMAGES if kind == "eval" else batch
                vals = spec_values(kind, SpecCtx(spec, dtype, batch, pool, SPEC_TRAIN_MODE[kind]))
                c = SpecCtx(spec, dtype, batch, pool, SPEC_TRAIN_MODE[kind])
                log("%s: %s, %d parameters, BN in %s mode" % (wl, spec, c.count,
                                                               "train" if SPEC_TRAIN_MODE[kind] else "eval"))
                res = guard.measure(make_spec_case(kind, c), pol)
                rec = {"impl": IMPL, "workload": wl, "dtype": d, "threads": t, "batch": batch, "spec": spec}
                rec.update(res)
                rec.update(vals)
                emit(rec)
                results.append(rec)
                log(fmt_row(rec))
                del c
            if "eigh" in args.workloads and d == "float64":
                for n in EIGH_SIZES:
                    fn, resid = make_eigh(n)
                    res = guard.measure(fn, pol)
                    rec = {"impl": IMPL, "workload": "eigh", "dtype": d, "threads": t, "m": n, "k": n, "n": n,
                           "residual": resid}
                    rec.update(res)
                    emit(rec)
                    results.append(rec)
                    log(fmt_row(rec))
            if mnist is not None and d == "float32":
                rec = {"impl": IMPL, "workload": "mnist_epoch", "dtype": d, "threads": t, "batch": MNIST_BATCH}
                rec.update(measure_mnist_epoch(base_model, mnist[0], mnist[1], args.quick))
                emit(rec)
                results.append(rec)
                log(fmt_row(rec))

    # summary: threads side by side
    log("")
    log("summary (median ms; speedup = t%d / t%d)" % (args.threads[0], args.threads[-1])
        if len(args.threads) > 1 else "summary (median ms)")
    keys = []
    by = {}
    for r in results:
        key = (r["workload"], r["dtype"], r.get("batch"), r.get("m"), r.get("k"), r.get("n"))
        if key not in by:
            keys.append(key)
            by[key] = {}
        by[key][r["threads"]] = r["median_ms"]
    hdr = "%-17s %-8s %-16s" % ("workload", "dtype", "shape") + "".join(
        "%12s" % ("t=%d" % t) for t in args.threads)
    if len(args.threads) > 1:
        hdr += "%10s" % "speedup"
    log(hdr)
    for key in sorted(keys, key=lambda k: (k[1], ALL_WORKLOADS.index(k[0]), k[2] or 0, k[3] or 0, k[4] or 0)):
        wl, d, b, m, k, n = key
        shape = ("b=%d" % b) if b is not None else ("%dx%dx%d" % (m, k, n))
        line = "%-17s %-8s %-16s" % (wl, d, shape) + "".join(
            "%12.3f" % by[key][t] if t in by[key] else "%12s" % "-" for t in args.threads)
        if len(args.threads) > 1 and args.threads[0] in by[key] and args.threads[-1] in by[key]:
            line += "%9.2fx" % (by[key][args.threads[0]] / by[key][args.threads[-1]])
        log(line)
    busy = [r for r in results if (r.get("other_load") or 0) > args.busy_threshold]
    if busy:
        log("WARNING: %d of %d measurements ran while other processes used > %.2f CPUs "
            "(column 'other', marked '!'); their timings are unreliable - rerun on a quiet machine."
            % (len(busy), len(results), args.busy_threshold))
    if guard.remeasured:
        log("re-measured %d disturbed case(s), %.1f s spent waiting/re-measuring" % (guard.remeasured, guard.spent))
    log("total wall time: %.1f s" % (time.perf_counter() - t_begin))


if __name__ == "__main__":
    main()
