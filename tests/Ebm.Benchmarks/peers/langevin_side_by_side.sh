#!/usr/bin/env bash
# Ebm's Langevin chain-steps/s beside PyTorch's on the same workloads (../shared/peers/torch_langevin.py), in one
# run on a quiet machine: the issue's figures. Run from the repository root after `dotnet build -c Release`.
#   bash tests/Ebm.Benchmarks/peers/langevin_side_by_side.sh
set -euo pipefail
peers="$(cd "$(dirname "$0")/../../../../shared/peers" && pwd)"
# shellcheck disable=SC1091
source "$peers/env.sh"
# Vector<float> is 256 bits by default even on AVX-512 hardware; DOTNET_MaxVectorTBitWidth=512 lets the generated
# lane code use the full width (PyTorch uses AVX-512 here too). It is an environment variable only: runtimeconfig
# cannot set it. Set EBM_VECTOR_BITS=256 to measure the default.
export DOTNET_MaxVectorTBitWidth="${EBM_VECTOR_BITS:-512}"
cli="dotnet src/Ebm.Cli/bin/Release/net10.0/Ebm.Cli.dll"
torch_json=$(env -u DOTNET_MaxVectorTBitWidth $OBP $PY "$peers/quiet.py" --max-wait 120 -- $OBP $PY "$peers/torch_langevin.py" --threads 2 \
    --which mog_autograd,mog_torch_analytic,mlp_autograd --mog-steps 100 --mog-repeats 5 --mlp-repeats 5 | tail -1)
mog_json=$($PY "$peers/quiet.py" --max-wait 120 -- $cli bench langevin-mixture --repeats 5 --json | tail -1)
mlp_json=$($PY "$peers/quiet.py" --max-wait 120 -- $cli bench langevin-mlp --repeats 5 --json | tail -1)
$PY - "$torch_json" "$mog_json" "$mlp_json" <<'PY'
import json, sys
torch, mog, mlp = (json.loads(a) for a in sys.argv[1:4])
r = torch["results"]
def rate(d):
    for k in ("throughput",):
        if k in d:
            return float(d[k])
    raise KeyError(d)
ebm_mog, ebm_mlp = rate(mog), rate(mlp)
print(f"mixture  ebm {ebm_mog:,.0f}  torch autograd {r['mog_autograd']['chain_steps_per_s_median']:,.0f} "
      f"({ebm_mog / r['mog_autograd']['chain_steps_per_s_median']:.1f}x)  torch analytic "
      f"{r['mog_torch_analytic']['chain_steps_per_s_median']:,.0f} ({ebm_mog / r['mog_torch_analytic']['chain_steps_per_s_median']:.1f}x)")
print(f"mlp      ebm {ebm_mlp:,.0f}  torch autograd {r['mlp_autograd']['chain_steps_per_s_median']:,.0f} "
      f"({ebm_mlp / r['mlp_autograd']['chain_steps_per_s_median']:.2f}x)")
PY
