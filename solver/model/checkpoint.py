"""A checkpoint directory: transformers' config.json and model.safetensors, plus tokenizer.model; and where a model
runs: the device named on a command line (or a service's settings) and the dtype that suits it."""

from __future__ import annotations

import re
from pathlib import Path

import torch

from solver.model.config import AlphaCodeConfig
from solver.model.modeling import AlphaCodeForConditionalGeneration
from solver.model.tokenizer import MODEL_FILE, CodeTokenizer

# The checkpoint that ships with the project (trained by `solver train`, see its MODEL_CARD.md): the default
# model of every command that samples.
DEFAULT_CHECKPOINT = Path(__file__).resolve().parent.parent / "checkpoints" / "alphacode-cpu"


class CheckpointError(Exception):
    """A checkpoint directory is missing a part or does not fit together."""


def resolve_device(name: str) -> torch.device:
    """The device a name means: "auto" (CUDA when there is a GPU, else the CPU), "cpu", "cuda" or "cuda:N".
    ValueError for any other name, or for CUDA on a machine without it."""
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if name == "cpu":
        return torch.device("cpu")
    if not re.fullmatch(r"cuda(:\d+)?", name):
        raise ValueError(f"unknown device {name!r} (known: auto, cpu, cuda, cuda:N)")
    if not torch.cuda.is_available():
        raise ValueError(f"device {name!r}: CUDA is not available on this machine")
    device = torch.device(name)
    if device.index is not None and device.index >= torch.cuda.device_count():
        raise ValueError(f"device {name!r}: this machine has {torch.cuda.device_count()} CUDA device(s)")
    return device


def default_dtype(device: torch.device | str) -> torch.dtype:
    """float32 on a CPU; on a GPU half precision, bfloat16 where the GPU has it (its range is float32's)."""
    if torch.device(device).type != "cuda":
        return torch.float32
    return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16


def load_checkpoint(directory: Path, device: torch.device | str = "cpu",
                    dtype: torch.dtype | None = None) -> tuple[AlphaCodeForConditionalGeneration, CodeTokenizer]:
    """The model on `device` (a torch.device, or a name for `resolve_device`) in `dtype` (default: `default_dtype`
    of the device), in evaluation mode, and its tokenizer."""
    directory = Path(directory)
    device = device if isinstance(device, torch.device) else resolve_device(device)
    dtype = dtype or default_dtype(device)
    for name in ("config.json", MODEL_FILE):
        if not (directory / name).is_file():
            raise CheckpointError(f"{directory} is not a checkpoint: {name} is missing")
    if not any(directory.glob("*.safetensors")):
        raise CheckpointError(f"{directory} is not a checkpoint: no .safetensors weights")
    tokenizer = CodeTokenizer(directory / MODEL_FILE)
    config = AlphaCodeConfig.from_pretrained(directory)
    if config.vocab_size != tokenizer.vocab_size:
        raise CheckpointError(f"{directory}: the model's vocabulary ({config.vocab_size}) does not match the "
                              f"tokenizer's ({tokenizer.vocab_size})")
    model = AlphaCodeForConditionalGeneration.from_pretrained(directory, dtype=dtype).to(device).eval()
    return model, tokenizer


def save_checkpoint(model: AlphaCodeForConditionalGeneration, tokenizer: CodeTokenizer, directory: Path,
                    dtype: torch.dtype | None = None) -> Path:
    """Weights as safetensors (optionally cast, e.g. to float16 to halve the file), config and tokenizer."""
    directory = Path(directory)
    if dtype is not None:
        state = {name: tensor.to(dtype) for name, tensor in model.state_dict().items()}
        model = AlphaCodeForConditionalGeneration(model.config).to(dtype)
        model.load_state_dict(state)
    model.save_pretrained(directory, safe_serialization=True)
    tokenizer.save(directory)
    return directory
