"""Training examples and batches, each batch a pure function of (seed, index) so that a resumed run is exact.

Fine-tuning (AlphaCode section 4.3): the encoder reads the metadata header and the statement; the decoder writes
the solution. Correct and incorrect solutions are both used, marked CORRECT or INCORRECT in the header (value
conditioning), so the model learns what separates them and is asked for CORRECT ones when sampling.

Pretraining (section 4.2): each source file is split at a uniformly random pivot; the encoder reads the part
before it, with some of its tokens masked for a masked-language-model loss, and the decoder predicts the part
after it.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from problems import Language, Problem
from solver.model.metadata import Header, encoder_ids
from solver.model.tokenizer import CodeTokenizer
from solver.train.losses import IGNORE

LANGUAGE_NAMES = {Language.PYTHON3: "python3", Language.CPP: "cpp", Language.JAVA: "java"}
SOURCE_SUFFIXES = (".py", ".cpp", ".cc", ".cxx", ".h", ".hpp", ".java")
# Directories a source tree may hold that are not its own code (a standard library's installed packages).
SKIPPED_DIRS = {"site-packages", "dist-packages", "__pycache__", ".git"}


@dataclass(frozen=True)
class Example:
    encoder: tuple[int, ...]
    target: tuple[int, ...]  # what the decoder must write, ending with the end token when complete

    @property
    def length(self) -> int:
        return len(self.encoder) + len(self.target)


@dataclass
class Batch:
    input_ids: torch.Tensor  # (B, S)
    attention_mask: torch.Tensor  # (B, S)
    decoder_input_ids: torch.Tensor  # (B, T)
    labels: torch.Tensor  # (B, T), IGNORE on padding
    mlm_labels: torch.Tensor | None = None  # (B, S), IGNORE where nothing was masked

    def to(self, device: torch.device | str) -> Batch:
        moved = {name: value.to(device) if value is not None else None for name, value in vars(self).items()}
        return Batch(**moved)

    @property
    def target_tokens(self) -> int:
        return int((self.labels != IGNORE).sum())


def collate(examples: list[Example], pad: int, start: int, mlm_labels: list[list[int]] | None = None) -> Batch:
    width = max(len(e.encoder) for e in examples)
    height = max(len(e.target) for e in examples)
    input_ids = torch.full((len(examples), width), pad, dtype=torch.long)
    attention = torch.zeros((len(examples), width), dtype=torch.long)
    decoder = torch.full((len(examples), height), pad, dtype=torch.long)
    labels = torch.full((len(examples), height), IGNORE, dtype=torch.long)
    mlm = torch.full((len(examples), width), IGNORE, dtype=torch.long) if mlm_labels is not None else None
    for row, example in enumerate(examples):
        input_ids[row, : len(example.encoder)] = torch.tensor(example.encoder)
        attention[row, : len(example.encoder)] = 1
        target = torch.tensor(example.target)
        labels[row, : len(target)] = target
        decoder[row, 0] = start
        decoder[row, 1: len(target)] = target[:-1]
        if mlm is not None:
            mlm[row, : len(mlm_labels[row])] = torch.tensor(mlm_labels[row])
    return Batch(input_ids, attention, decoder, labels, mlm)


# ----------------------------------------------------------------------------------------------------- fine-tuning


def problem_examples(problems: Iterable[Problem], tokenizer: CodeTokenizer, max_encoder: int, max_decoder: int,
                     incorrect: bool = True, skipped: list[str] | None = None) -> Iterator[Example]:
    """One example per (problem, solution) in Python 3, C++ or Java; solutions longer than the decoder are
    skipped (and named in `skipped`) rather than cut, which would teach the model to stop mid-program."""
    for problem in problems:
        groups = [(True, problem.solutions)] + ([(False, problem.incorrect_solutions)] if incorrect else [])
        for correct, solutions in groups:
            for solution in solutions:
                language = LANGUAGE_NAMES.get(solution.language)
                if language is None:
                    continue
                target = (*tokenizer.encode(solution.code), tokenizer.eos_id)
                if len(target) > max_decoder:
                    if skipped is not None:
                        skipped.append(problem.name)
                    continue
                header = Header(language, problem.cf_rating or None, problem.cf_tags, correct)
                yield Example(tuple(encoder_ids(tokenizer, header, problem.description, max_encoder)), target)


class FinetuneData:
    """Shuffled, length-bucketed batches over a fixed list of examples; epoch after epoch."""

    def __init__(self, examples: list[Example], batch_size: int, seed: int, pad: int, start: int) -> None:
        if not examples:
            raise ValueError("no training examples")
        self.examples = examples
        self.batch_size = batch_size
        self.seed = seed
        self.pad, self.start = pad, start
        self.per_epoch = -(-len(examples) // batch_size)
        self._order: tuple[int, list[list[int]]] | None = None

    def _epoch(self, epoch: int) -> list[list[int]]:
        if self._order is None or self._order[0] != epoch:
            rng = random.Random(f"finetune:{self.seed}:{epoch}")
            indices = list(range(len(self.examples)))
            rng.shuffle(indices)
            window = self.batch_size * 50  # sort within windows: little padding, still random batches
            batches = []
            for start in range(0, len(indices), window):
                chunk = sorted(indices[start:start + window], key=lambda i: self.examples[i].length)
                batches += [chunk[i:i + self.batch_size] for i in range(0, len(chunk), self.batch_size)]
            rng.shuffle(batches)
            self._order = (epoch, batches)
        return self._order[1]

    def batch(self, index: int) -> Batch:
        batches = self._epoch(index // self.per_epoch)
        chosen = batches[index % len(batches)]
        return collate([self.examples[i] for i in chosen], self.pad, self.start)


# ----------------------------------------------------------------------------------------------------- pretraining


def source_files(paths: Iterable[Path]) -> list[Path]:
    """Source files under the given files or directories, in a stable order (installed packages skipped)."""
    found: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix in SOURCE_SUFFIXES and p.is_file()
                            and not SKIPPED_DIRS.intersection(p.relative_to(path).parts))
        else:
            raise FileNotFoundError(f"no such file or directory: {path}")
    return found


def tokenize_files(files: list[Path], tokenizer: CodeTokenizer, min_tokens: int = 16) -> list[np.ndarray]:
    """Token arrays of the readable files with at least `min_tokens` tokens (others are skipped)."""
    arrays = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        ids = tokenizer.encode(text)
        if len(ids) >= min_tokens:
            arrays.append(np.asarray(ids, dtype=np.int32))
    return arrays


class PretrainData:
    """Batches of (prefix → suffix) pairs from files split at a random pivot, with masked encoder tokens."""

    def __init__(self, files: list[np.ndarray], tokenizer: CodeTokenizer, batch_size: int, seed: int,
                 max_encoder: int, max_decoder: int, mlm_probability: float = 0.15) -> None:
        if not files:
            raise ValueError("no source files to pretrain on")
        self.files = files
        self.tokenizer = tokenizer
        self.batch_size = batch_size
        self.seed = seed
        self.max_encoder, self.max_decoder = max_encoder, max_decoder
        self.mlm_probability = mlm_probability

    def batch(self, index: int) -> Batch:
        rng = random.Random(f"pretrain:{self.seed}:{index}")
        examples, mlm_labels = [], []
        mask_id = self.tokenizer.control["<mask>"]
        for _ in range(self.batch_size):
            tokens = self.files[rng.randrange(len(self.files))]
            pivot = rng.randrange(1, len(tokens))
            prefix = tokens[max(0, pivot - self.max_encoder): pivot].tolist()
            suffix = tokens[pivot: pivot + self.max_decoder].tolist()
            if pivot + self.max_decoder >= len(tokens):  # the file ends here: so does the decoder's text
                suffix = suffix[: self.max_decoder - 1] + [self.tokenizer.eos_id]
            labels = [IGNORE] * len(prefix)
            for position in range(len(prefix)):
                if rng.random() < self.mlm_probability:
                    labels[position] = prefix[position]
                    prefix[position] = mask_id
            examples.append(Example(tuple(prefix), tuple(suffix)))
            mlm_labels.append(labels)
        return collate(examples, self.tokenizer.pad_id, self.tokenizer.bos_id, mlm_labels)
