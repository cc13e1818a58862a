"""A checkpoint directory: transformers' config.json and model.safetensors, plus tokenizer.model."""

from __future__ import annotations

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


def load_checkpoint(directory: Path, device: str = "cpu") -> tuple[AlphaCodeForConditionalGeneration, CodeTokenizer]:
    directory = Path(directory)
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
    model = AlphaCodeForConditionalGeneration.from_pretrained(directory, dtype=torch.float32).to(device).eval()
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
