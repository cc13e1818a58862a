#!/usr/bin/env bash
# How the shipped scorer (solver/checkpoints/scorer.json) is made: three batch runs the repository can reproduce,
# every survivor judged on the hidden tests (which gives the labels), then `solver train scorer` (logistic
# regression, chosen by cross-validation over problems). Never a split used to report results: not the held-out
# curriculum (bench/selection.py reports on it), and bench/selection.py cross-fits on the bundled problems.
# Each run resumes if interrupted. About 25 minutes on a 2-core CPU.
set -euo pipefail
cd "$(dirname "$0")/.."
SOLVER=${SOLVER:-.venv/bin/solver}
RUN=${RUN:-runs/scorer}
TRAIN300=${TRAIN300:-../shared/data/codecontests/train300.jsonl}
# The old rule while the runs are made: the scorer must not learn from its own choices. The speed test runs (its
# figures are features); the selection itself does not matter, as every survivor is judged.
SELECT=(--scorer none)

# 1. The bundled problems' human programs, correct and incorrect.
"$SOLVER" batch problems/bundled --out "$RUN/bundled" --backend replay --samples 100000 "${SELECT[@]}" || [ $? -eq 1 ]  # 1: some problems errored; the rest are there
# 2. The shipped model's samples on the training curriculum (problems it was fine-tuned on; another seed than
#    training's, so other wordings and tests of the same families).
"$SOLVER" batch curriculum:train:120:11 --out "$RUN/curriculum" --samples 64 "${SELECT[@]}" || [ $? -eq 1 ]  # 1: some problems errored; the rest are there
# 3. train300's human solutions, where ../shared/data is present.
if [ -f "$TRAIN300" ]; then
    "$SOLVER" batch "$TRAIN300" --out "$RUN/train300" --backend replay --samples 100000 "${SELECT[@]}" || [ $? -eq 1 ]  # 1: some problems errored; the rest are there
fi
runs=("$RUN/bundled" "$RUN/curriculum")
[ -d "$RUN/train300" ] && runs+=("$RUN/train300")
"$SOLVER" train scorer "${runs[@]}" --out solver/checkpoints/scorer.json --seed 0
