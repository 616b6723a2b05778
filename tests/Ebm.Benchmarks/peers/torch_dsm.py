"""Peer benchmark: denoising score matching of an MLP energy, the workload of `ebm bench dsm-mlp`.

Model: E(x) = w3 . silu(W2 silu(W1 x + b1) + b2) + b3, an MLP 2-128-128-1 with SiLU (PyTorch default init, seed 0).
Score s(x) = -dE/dx by torch.autograd.grad with create_graph=True, so the loss can be differentiated again.
Loss (Vincent 2011): x~ = x + sigma z, L = mean_rows 1/2 ||s(x~) + (x~ - x)/sigma^2||^2, sigma = 0.1 (Ebm's convention:
the sum over units, the mean over rows). Data: two moons (noise 0.1, numpy, seed 1), batch 256, Adam lr 1e-3,
rows shuffled each epoch.

Reported: updates (steps) per second, the median over --epochs - 1 timed epochs of --steps updates after one
untimed warm-up epoch (Ebm's bench reports the same median). --threads sets torch.set_num_threads.

Example:
    source ../shared/peers/env.sh
    $PY tests/Ebm.Benchmarks/peers/torch_dsm.py --threads 2
Last stdout line is JSON: {"workload": "dsm-mlp", "throughput": ..., "unit": "steps/s", ...}.
"""
import argparse
import json
import statistics
import time

import numpy as np
import torch
import torch.nn as nn


def moons(n, noise, seed):
    rng = np.random.default_rng(seed)
    outer = n // 2
    t = np.concatenate([np.linspace(0, np.pi, outer), np.linspace(0, np.pi, n - outer)])
    x = np.where(np.arange(n) < outer, np.cos(t), 1 - np.cos(t))
    y = np.where(np.arange(n) < outer, np.sin(t), 1 - np.sin(t) - 0.5)
    points = np.stack([x, y], 1) + noise * rng.standard_normal((n, 2))
    return points.astype(np.float32)


class Energy(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(2, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(), nn.Linear(hidden, 1))

    def forward(self, x):
        return self.net(x).squeeze(-1)


def dsm_loss(model, x, sigma):
    noisy = (x + sigma * torch.randn_like(x)).requires_grad_(True)
    energy = model(noisy).sum()
    score = -torch.autograd.grad(energy, noisy, create_graph=True)[0]
    target = -(noisy - x) / (sigma * sigma)
    return 0.5 * ((score - target) ** 2).sum(-1).mean()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--steps", type=int, default=100, help="updates per epoch")
    parser.add_argument("--epochs", type=int, default=3, help="epochs; the first is a warm-up")
    parser.add_argument("--sigma", type=float, default=0.1)
    parser.add_argument("--lr", type=float, default=1e-3)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    data = torch.from_numpy(moons(args.batch * args.steps, 0.1, 1))
    model = Energy(args.hidden)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    rates, losses = [], []
    for epoch in range(args.epochs):
        order = torch.randperm(data.shape[0])
        start = time.perf_counter()
        total = 0.0
        for b in range(args.steps):
            batch = data[order[b * args.batch:(b + 1) * args.batch]]
            loss = dsm_loss(model, batch, args.sigma)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            total += float(loss.detach())
        seconds = time.perf_counter() - start
        rates.append(args.steps / seconds)
        losses.append(total / args.steps)
        print(f"epoch {epoch + 1}: loss {losses[-1]:.4f}, {rates[-1]:.1f} steps/s", flush=True)
    timed = rates[1:] if len(rates) > 1 else rates
    print(json.dumps({
        "workload": "dsm-mlp", "throughput": round(statistics.median(timed), 1), "unit": "steps/s",
        "threads": args.threads, "hidden": args.hidden, "batch": args.batch, "steps": args.steps, "epochs": args.epochs,
        "loss": losses[-1], "torch": torch.__version__,
    }))


if __name__ == "__main__":
    main()
