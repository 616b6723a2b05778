#!/usr/bin/env bash
# Ebm's denoising-score-matching updates/s beside PyTorch's (tests/Ebm.Benchmarks/peers/torch_dsm.py) on the same
# workload: a 2-128-128-1 SiLU MLP energy, batch 256, σ = 0.1, Adam 1e-3, two threads each, one run on a quiet machine.
# Run from the repository root after `dotnet build src/Ebm.Cli -c Release`.
#   bash tests/Ebm.Benchmarks/peers/dsm_side_by_side.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
peers="$(cd "$here/../../../../shared/peers" && pwd)"
# shellcheck disable=SC1091
source "$peers/env.sh"
export DOTNET_MaxVectorTBitWidth="${EBM_VECTOR_BITS:-512}"
cli="dotnet src/Ebm.Cli/bin/Release/net10.0/Ebm.Cli.dll"
torch_json=$(env -u DOTNET_MaxVectorTBitWidth $PY "$peers/quiet.py" --max-wait 120 -- $PY "$here/torch_dsm.py" --threads 2 | tail -1)
ebm_json=$($PY "$peers/quiet.py" --max-wait 120 -- $cli bench dsm-mlp --threads 2 --json | tail -1)
$PY - "$torch_json" "$ebm_json" <<'PY'
import json, sys
torch, ebm = (json.loads(a) for a in sys.argv[1:3])
print(f"dsm-mlp  ebm {ebm['throughput']:,.1f} steps/s  torch {torch['throughput']:,.1f} steps/s  ({ebm['throughput'] / torch['throughput']:.2f}x)")
PY
