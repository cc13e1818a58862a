"""The training loop: AdamW, warm-up then cosine decay, clipping, accumulation, exact resumption, logs and a plot.

Runs on a GPU when one is present and on the CPU otherwise, unchanged. A run directory holds:

    checkpoint/        the model and tokenizer (a checkpoint any command can load)
    trainer_state.pt   optimizer, step and random state: what resumption needs
    log.jsonl          one line per logged step: step, loss, learning rate, tokens, seconds
    loss.png           loss and learning rate against step
"""

from __future__ import annotations

import json
import math
import os
import shutil
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Protocol

import torch
import torch.nn.functional as F
from tqdm import tqdm

from solver.model.checkpoint import save_checkpoint
from solver.model.modeling import AlphaCodeForConditionalGeneration
from solver.model.tokenizer import CodeTokenizer
from solver.train.data import Batch
from solver.train.losses import IGNORE, sequence_loss


class BatchSource(Protocol):
    def batch(self, index: int) -> Batch: ...


@dataclass(frozen=True)
class TrainConfig:
    steps: int
    batch_size: int = 16
    accumulate: int = 1  # micro-batches per optimizer step
    learning_rate: float = 1e-3
    warmup_steps: int = 100
    min_lr_ratio: float = 0.1  # the cosine ends at this fraction of the peak rate
    weight_decay: float = 0.01
    clip_norm: float = 1.0
    tempering: float = 1.0  # AlphaCode used 0.2 when fine-tuning
    gold: bool = False
    gold_alpha: float = 0.5
    gold_floor: float = 0.05
    mlm_weight: float = 1.0  # weight of the encoder's masked-language-model loss (pretraining)
    seed: int = 0
    log_every: int = 10
    checkpoint_every: int = 500
    save_dtype: str = "float32"  # the shipped checkpoint is saved as float16 to halve its size

    def __post_init__(self) -> None:
        positive = ("steps", "batch_size", "accumulate", "log_every", "checkpoint_every")
        for name in positive:
            if getattr(self, name) < 1:
                raise ValueError(f"TrainConfig.{name}: must be ≥ 1, got {getattr(self, name)!r}")
        if not self.learning_rate > 0:
            raise ValueError(f"TrainConfig.learning_rate: must be positive, got {self.learning_rate!r}")
        if not 0 <= self.min_lr_ratio <= 1:
            raise ValueError(f"TrainConfig.min_lr_ratio: must be in [0, 1], got {self.min_lr_ratio!r}")
        if not self.tempering > 0:
            raise ValueError(f"TrainConfig.tempering: must be positive, got {self.tempering!r}")
        if self.save_dtype not in ("float32", "float16", "bfloat16"):
            raise ValueError(f"TrainConfig.save_dtype: float32, float16 or bfloat16, got {self.save_dtype!r}")


def learning_rate(step: int, config: TrainConfig) -> float:
    """Linear warm-up to the peak, then cosine decay to min_lr_ratio of it at the last step."""
    peak = config.learning_rate
    if step < config.warmup_steps:
        return peak * (step + 1) / config.warmup_steps
    span = max(1, config.steps - config.warmup_steps)
    progress = min(1.0, (step - config.warmup_steps) / span)
    floor = peak * config.min_lr_ratio
    return floor + (peak - floor) * 0.5 * (1 + math.cos(math.pi * progress))


def batch_loss(model: AlphaCodeForConditionalGeneration, batch: Batch, config: TrainConfig) -> torch.Tensor:
    """The training loss of one batch: the decoder's (tempered, optionally GOLD) plus the encoder's MLM."""
    memory = model.encoder(batch.input_ids, batch.attention_mask).last_hidden_state  # (B, S, C)
    logits = model.logits(model.decode(batch.decoder_input_ids, memory, batch.attention_mask))  # (B, T, V)
    loss = sequence_loss(logits, batch.labels, config.tempering, config.gold, config.gold_alpha, config.gold_floor)
    if batch.mlm_labels is not None and config.mlm_weight:
        masked = model.logits(memory)  # (B, S, V): the encoder predicts its masked tokens
        mlm = F.cross_entropy(masked.flatten(0, 1).float(), batch.mlm_labels.flatten(), ignore_index=IGNORE)
        if torch.isfinite(mlm):  # a batch may mask nothing
            loss = loss + config.mlm_weight * mlm
    return loss


def default_device() -> torch.device:
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


class Trainer:
    def __init__(self, model: AlphaCodeForConditionalGeneration, tokenizer: CodeTokenizer, data: BatchSource,
                 config: TrainConfig, out: Path, resume: bool = False, device: torch.device | None = None) -> None:
        self.out = Path(out)
        self.config = config
        self.tokenizer = tokenizer
        self.data = data
        self.device = device or default_device()
        state_path = self.out / "trainer_state.pt"
        if resume and not state_path.is_file():
            raise FileNotFoundError(f"nothing to resume in {self.out} (no trainer_state.pt)")
        if not resume and self.out.exists() and any(self.out.iterdir()):
            raise FileExistsError(f"{self.out} exists and is not empty: pass resume to continue it, or another --out")
        self.out.mkdir(parents=True, exist_ok=True)
        model.config.tempering = config.tempering  # the checkpoint remembers how its logits were trained
        self.model = model.to(self.device).train()
        decay = [p for p in self.model.parameters() if p.dim() >= 2]
        rest = [p for p in self.model.parameters() if p.dim() < 2]
        self.optimizer = torch.optim.AdamW(
            [{"params": decay, "weight_decay": config.weight_decay}, {"params": rest, "weight_decay": 0.0}],
            lr=config.learning_rate, betas=(0.9, 0.95),
        )
        self.step = 0
        torch.manual_seed(config.seed)
        if resume:
            self._load_state(state_path)

    # ------------------------------------------------------------------------------------------------ state

    def _load_state(self, path: Path) -> None:
        state = torch.load(path, map_location=self.device, weights_only=False)
        saved = state["config"]
        for key in ("batch_size", "accumulate", "seed", "tempering", "gold"):
            if saved.get(key) != getattr(self.config, key):
                raise ValueError(f"cannot resume: {key} was {saved.get(key)!r}, now {getattr(self.config, key)!r}")
        self.model.load_state_dict(state["model"])
        self.optimizer.load_state_dict(state["optimizer"])
        self.step = state["step"]
        torch.set_rng_state(state["rng"])
        if torch.cuda.is_available() and state.get("cuda_rng") is not None:
            torch.cuda.set_rng_state_all(state["cuda_rng"])
        # Lines logged after the checkpoint will be logged again: drop them so the log has no repeats.
        log = self.out / "log.jsonl"
        if log.exists():
            kept = [line for line in log.read_text().splitlines() if json.loads(line)["step"] <= self.step]
            log.write_text("".join(line + "\n" for line in kept))

    def save(self) -> None:
        """Checkpoint and trainer state, each written beside its place and renamed: a crash loses neither."""
        partial = self.out / "checkpoint.partial"
        shutil.rmtree(partial, ignore_errors=True)
        dtype = getattr(torch, self.config.save_dtype)
        save_checkpoint(self.model, self.tokenizer, partial, dtype=None if dtype is torch.float32 else dtype)
        final = self.out / "checkpoint"
        if final.exists():
            shutil.rmtree(final)
        partial.rename(final)
        state = {
            "model": self.model.state_dict(), "optimizer": self.optimizer.state_dict(), "step": self.step,
            "rng": torch.get_rng_state(),
            "cuda_rng": torch.cuda.get_rng_state_all() if torch.cuda.is_available() else None,
            "config": asdict(self.config),
        }
        torch.save(state, self.out / "trainer_state.pt.partial")
        os.replace(self.out / "trainer_state.pt.partial", self.out / "trainer_state.pt")
        plot_log(self.out / "log.jsonl", self.out / "loss.png")

    # ------------------------------------------------------------------------------------------------- loop

    def train(self, progress: bool = True) -> list[float]:
        """Train to config.steps; returns the loss of every step run now."""
        config = self.config
        losses: list[float] = []
        started = time.perf_counter()
        tokens = 0
        bar = tqdm(total=config.steps, initial=self.step, unit="step", desc="training", disable=not progress)
        with open(self.out / "log.jsonl", "a") as log:
            while self.step < config.steps:
                rate = learning_rate(self.step, config)
                for group in self.optimizer.param_groups:
                    group["lr"] = rate
                self.optimizer.zero_grad(set_to_none=True)
                total = 0.0
                for micro in range(config.accumulate):
                    batch = self.data.batch(self.step * config.accumulate + micro).to(self.device)
                    loss = batch_loss(self.model, batch, config) / config.accumulate
                    loss.backward()
                    total += loss.detach().item()
                    tokens += batch.target_tokens
                torch.nn.utils.clip_grad_norm_(self.model.parameters(), config.clip_norm)
                self.optimizer.step()
                self.step += 1
                losses.append(total)
                bar.update(1)
                bar.set_postfix(loss=f"{total:.3f}", lr=f"{rate:.2e}")
                if self.step % config.log_every == 0 or self.step == config.steps:
                    record = {"step": self.step, "loss": round(total, 5), "lr": rate, "tokens": tokens,
                              "seconds": round(time.perf_counter() - started, 1)}
                    log.write(json.dumps(record) + "\n")
                    log.flush()
                if self.step % config.checkpoint_every == 0 or self.step == config.steps:
                    log.flush()
                    self.save()
        bar.close()
        self.model.eval()
        return losses


def plot_log(log_path: Path, png_path: Path) -> None:
    """Loss and learning rate against step, from log.jsonl."""
    if not log_path.exists():
        return
    records = [json.loads(line) for line in log_path.read_text().splitlines() if line.strip()]
    if not records:
        return
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    steps = [r["step"] for r in records]
    figure, (top, bottom) = plt.subplots(2, 1, figsize=(8, 6), sharex=True)
    top.plot(steps, [r["loss"] for r in records], linewidth=1)
    top.set_ylabel("loss")
    top.set_yscale("log")
    top.grid(alpha=0.3)
    bottom.plot(steps, [r["lr"] for r in records], color="tab:orange")
    bottom.set_ylabel("learning rate")
    bottom.set_xlabel("step")
    bottom.grid(alpha=0.3)
    figure.suptitle(png_path.parent.name)
    figure.tight_layout()
    figure.savefig(png_path, dpi=100)
    plt.close(figure)
