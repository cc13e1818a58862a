"""`solver sample`: programs stream into a JSON Lines file; bad input is one line and exit code 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import torch

from problems import BUNDLED_DIR
from solver.model import AlphaCodeForConditionalGeneration, preset
from solver.model.checkpoint import CheckpointError, default_dtype, load_checkpoint, resolve_device, save_checkpoint


@pytest.fixture(scope="module")
def checkpoint(tokenizer, tmp_path_factory):
    torch.manual_seed(0)
    model = AlphaCodeForConditionalGeneration(preset("tiny", vocab_size=tokenizer.vocab_size, max_encoder_length=512,
                                                     max_decoder_length=24))
    return save_checkpoint(model, tokenizer, tmp_path_factory.mktemp("checkpoint"), dtype=torch.float16)


def sample(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "solver", "sample", *args], capture_output=True, text=True)


def test_sample_writes_json_lines(checkpoint, tmp_path):
    out = tmp_path / "samples.jsonl"
    done = sample("--problem", str(BUNDLED_DIR / "tallest-candles"), "-n", "7", "--model", str(checkpoint),
                  "--out", str(out), "--seed", "3", "--batch-size", "3", "--language", "cpp", "--device", "cpu")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(r["index"] for r in records) == list(range(7))
    assert {r["language"] for r in records} == {"cpp"}
    assert all(isinstance(r["code"], str) and r["problem"] == "Tallest Candles" for r in records)
    again = tmp_path / "again.jsonl"
    sample("--problem", str(BUNDLED_DIR / "tallest-candles"), "-n", "7", "--model", str(checkpoint),
           "--out", str(again), "--seed", "3", "--batch-size", "7", "--language", "cpp")
    key = lambda r: r["index"]  # noqa: E731
    first = sorted(records, key=key)
    second = sorted((json.loads(line) for line in again.read_text().splitlines()), key=key)
    assert [r["code"] for r in first] == [r["code"] for r in second]


def test_bad_input(checkpoint, tmp_path):
    done = sample("--problem", str(BUNDLED_DIR / "tallest-candles"), "-n", "2", "--model", str(tmp_path),
                  "--out", str(tmp_path / "x.jsonl"))
    assert done.returncode == 2 and "is not a checkpoint" in done.stderr and "Traceback" not in done.stderr
    done = sample("--problem", str(BUNDLED_DIR / "tallest-candles"), "-n", "2", "--model", str(checkpoint),
                  "--out", str(tmp_path / "x.jsonl"), "--temperature", "0")
    assert done.returncode == 2 and "temperature" in done.stderr
    done = sample("--problem", str(BUNDLED_DIR / "tallest-candles"), "-n", "2", "--model", str(checkpoint),
                  "--out", str(tmp_path / "x.jsonl"), "--device", "tpu")
    assert done.returncode == 2 and "--device: unknown device 'tpu'" in done.stderr and "Traceback" not in done.stderr


def test_checkpoint_round_trip_in_half_precision(checkpoint, tokenizer):
    model, loaded_tokenizer = load_checkpoint(checkpoint)
    assert next(model.parameters()).dtype == torch.float32  # stored as float16, computed in float32
    assert loaded_tokenizer.vocab_size == tokenizer.vocab_size
    half, _ = load_checkpoint(checkpoint, device="cpu", dtype=torch.bfloat16)
    assert next(half.parameters()).dtype == torch.bfloat16
    (checkpoint / "tokenizer.model").rename(checkpoint / "moved.model")
    try:
        with pytest.raises(CheckpointError, match="tokenizer.model is missing"):
            load_checkpoint(checkpoint)
    finally:
        (checkpoint / "moved.model").rename(checkpoint / "tokenizer.model")


def test_device_names():
    assert resolve_device("cpu") == torch.device("cpu")
    assert resolve_device("auto").type == ("cuda" if torch.cuda.is_available() else "cpu")
    assert default_dtype(torch.device("cpu")) == torch.float32
    with pytest.raises(ValueError, match="unknown device 'gpu'"):
        resolve_device("gpu")
    with pytest.raises(ValueError, match="unknown device 'cuda:x'"):
        resolve_device("cuda:x")
    if torch.cuda.is_available():
        assert resolve_device("cuda:0") == torch.device("cuda:0")
        assert default_dtype(torch.device("cuda")) in (torch.bfloat16, torch.float16)
    else:
        for name in ("cuda", "cuda:1"):
            with pytest.raises(ValueError, match="CUDA is not available"):
                resolve_device(name)
