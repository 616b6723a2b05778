"""Peer for GemmBenchmarks: numpy float32 matmul of the RBM shape, timed like GemmThroughput.Measure.

Run from the project root as `$OBP $PY tests/Ebm.Benchmarks/peers/numpy_gemm.py` after
`source ../shared/peers/env.sh` (or /work/shared/peers/env.sh): $OBP side-loads OpenBLAS, without
which Debian's numpy uses the reference BLAS. Prints one JSON object {"workload", "gflops", ...}.
"""
import argparse
import json
import os
import statistics
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-m", type=int, default=512, help="rows of A and C (batch)")
    parser.add_argument("-n", type=int, default=500, help="columns of B and C (hidden units)")
    parser.add_argument("-k", type=int, default=784, help="columns of A, rows of B (visible units)")
    parser.add_argument("--seconds", type=float, default=3.0, help="total time, warm-up included")
    parser.add_argument("--threads", type=int, default=None,
                        help="BLAS threads (sets OPENBLAS_NUM_THREADS before numpy loads); default: all")
    args = parser.parse_args()
    if args.threads is not None:
        os.environ["OPENBLAS_NUM_THREADS"] = str(args.threads)
    import numpy as np  # after the thread count is in the environment: OpenBLAS reads it on load

    rng = np.random.default_rng(12345)
    a = (rng.random((args.m, args.k), dtype=np.float32) - 0.5).astype(np.float32)
    b = (rng.random((args.k, args.n), dtype=np.float32) - 0.5).astype(np.float32)
    c = np.empty((args.m, args.n), dtype=np.float32)

    # Same protocol as GemmThroughput.Measure: a warm-up slice that also sizes the batches, then nine
    # timed repetitions of one slice each, reporting the median rate.
    reps = 9
    slice_s = args.seconds / (reps + 1)
    calls = 0
    start = time.perf_counter()
    while True:
        np.matmul(a, b, out=c)
        calls += 1
        if time.perf_counter() - start >= slice_s:
            break
    per_rep = max(1, int(calls * slice_s / (time.perf_counter() - start)))

    flops = 2.0 * args.m * args.n * args.k
    rates = []
    for _ in range(reps):
        t0 = time.perf_counter()
        for _ in range(per_rep):
            np.matmul(a, b, out=c)
        rates.append(flops * per_rep / (time.perf_counter() - t0) / 1e9)

    print(json.dumps({
        "workload": f"sgemm {args.m}x{args.k} @ {args.k}x{args.n}",
        "gflops": round(statistics.median(rates), 1),
        "threads": args.threads if args.threads is not None else "all",
        "blas": _blas_name(),
    }))


def _blas_name() -> str:
    try:
        from threadpoolctl import threadpool_info  # optional: names the BLAS actually loaded
        libs = [f"{i.get('internal_api')} {i.get('version')}" for i in threadpool_info() if i.get("user_api") == "blas"]
        return ", ".join(libs) or "unknown"
    except ImportError:
        return "unknown"


if __name__ == "__main__":
    main()
