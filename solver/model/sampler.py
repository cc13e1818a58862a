"""A batched sampler built for thousands of samples of one problem.

- The statement (with each metadata header in use) is encoded once, and every decoder layer's cross-attention keys
  and values are computed once from it. Rows of the batch read them in place: queries of all rows (and, with
  multi-query attention, all heads) are folded into one matrix product against the shared keys, which are never
  copied per sample.
- The decoder's self-attention cache is preallocated for the whole batch, as long as the longest sample allowed,
  and written in place. Attention, over the cache and over the statement, runs in PyTorch's fused kernel.
- Continuous batching: a row whose program is finished streams it out at once and starts the next sample, so
  the batch stays full until the last samples.
- Deterministic: sample i draws its randomness from (seed, i, step) alone, and its header from (seed, i), so the
  same seed gives the same samples whatever the batch size (and whatever the device).
- Any device: the cache, positions, random numbers and log-probabilities live on the model's device, in its dtype
  (logits in float32); a step reads back one small tensor, the chosen tokens with their running log-probabilities,
  which streaming finished samples needs.
- The decoder is the model's own (`AlphaCodeForConditionalGeneration.decode`); this module brings the cache it
  runs on (`RowCache`) and the statement's keys and values shared by rows (`SharedKV`).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field

import torch

from solver.model.metadata import Header, HeaderPolicy, encoder_ids
from solver.model.modeling import AlphaCodeForConditionalGeneration, Attention
from solver.model.tokenizer import CodeTokenizer


@dataclass(frozen=True)
class SamplingConfig:
    # Relative to the model's trained distribution: 1 samples it as trained (see AlphaCodeConfig.tempering).
    temperature: float = 0.8
    top_k: int = 0  # 0 = off
    top_p: float = 1.0  # 1 = off
    batch_size: int = 64
    max_new_tokens: int | None = None  # default: as long as the decoder allows
    header_variants: int = 8  # distinct random headers per problem (each costs one encoder pass)
    seed: int = 0
    policy: HeaderPolicy = field(default_factory=HeaderPolicy)

    def __post_init__(self) -> None:
        if not self.temperature > 0:
            raise ValueError(f"SamplingConfig.temperature: must be positive, got {self.temperature!r}")
        if self.top_k < 0:
            raise ValueError(f"SamplingConfig.top_k: must be ≥ 0, got {self.top_k!r}")
        if not 0 < self.top_p <= 1:
            raise ValueError(f"SamplingConfig.top_p: must be in (0, 1], got {self.top_p!r}")
        if self.batch_size < 1:
            raise ValueError(f"SamplingConfig.batch_size: must be ≥ 1, got {self.batch_size!r}")
        if self.max_new_tokens is not None and self.max_new_tokens < 1:
            raise ValueError(f"SamplingConfig.max_new_tokens: must be ≥ 1, got {self.max_new_tokens!r}")
        if self.header_variants < 1:
            raise ValueError(f"SamplingConfig.header_variants: must be ≥ 1, got {self.header_variants!r}")


@dataclass(frozen=True)
class Sample:
    """One finished program. `logprob` is its log-probability under the model's trained distribution."""

    index: int
    header: Header
    token_ids: tuple[int, ...]
    text: str
    logprob: float
    finished: bool  # False when it hit the length limit before its end token


def _signed(x: int) -> int:
    """The int64 with the same 64 bits as x taken modulo 2^64 (torch has no uint64 arithmetic)."""
    x &= (1 << 64) - 1
    return x - (1 << 64) if x >= 1 << 63 else x


def _shift_right(x: torch.Tensor, bits: int) -> torch.Tensor:
    return (x >> bits) & ((1 << (64 - bits)) - 1)  # logical: torch's >> on int64 copies the sign bit


def uniforms(seed: int, samples: torch.Tensor, steps: torch.Tensor) -> torch.Tensor:
    """One uniform number in [0, 1) per (seed, sample, step) pair: a counter-based generator (splitmix64 mixing),
    computed on the device of `samples` and `steps` (int64, broadcastable). Returns float64.

    int64 products and sums wrap modulo 2^64 like the unsigned arithmetic of splitmix64, and shifts are made
    logical, so the numbers are those of the unsigned algorithm bit for bit on any device.
    """
    x = (_signed(seed * 0x9E3779B97F4A7C15) + samples * _signed(0xD1B54A32D192ED03)
         + steps * _signed(0x94D049BB133111EB))
    x = x ^ _shift_right(x, 30)
    x = x * _signed(0xBF58476D1CE4E5B9)
    x = x ^ _shift_right(x, 27)
    x = x * _signed(0x94D049BB133111EB)
    x = x ^ _shift_right(x, 31)
    return _shift_right(x, 11).double() / float(1 << 53)  # the top 53 bits


def choose_tokens(logits: torch.Tensor, u: torch.Tensor, temperature: float, top_k: int, top_p: float) -> torch.Tensor:
    """Inverse-CDF sampling of one token per row from logits (B, V) with uniforms u (B,): pure and deterministic.

    Without top-k or top-p no sorting is needed; top-k alone needs only a partial sort; top-p sorts everything.
    """
    scaled = logits.float() / temperature
    if not top_k and top_p >= 1.0:
        # In place: on a CPU a fresh (B, V) tensor every step costs more than the cumulative sum itself.
        cdf = scaled.softmax(dim=-1).cumsum_(dim=-1)  # (B, V), in vocabulary order
        targets = (u.to(cdf.dtype) * cdf[:, -1]).unsqueeze(1)
        return torch.searchsorted(cdf, targets, right=True).clamp(max=cdf.size(1) - 1).squeeze(1)
    k = top_k if top_k and top_p >= 1.0 else scaled.size(1)
    values, order = scaled.topk(min(k, scaled.size(1)), dim=-1)  # (B, k), largest first
    probs = values.softmax(dim=-1)
    if top_k:
        probs[:, top_k:] = 0.0
    if top_p < 1.0:
        before = probs.cumsum(dim=-1) - probs  # mass strictly before each token
        probs = probs * (before < top_p)
    cdf = probs.cumsum_(dim=-1)
    targets = (u.to(cdf.dtype) * cdf[:, -1]).unsqueeze(1)  # (B, 1)
    picked = torch.searchsorted(cdf, targets, right=True).clamp(max=cdf.size(1) - 1)  # (B, 1)
    return order.gather(1, picked).squeeze(1)  # (B,)


@dataclass(frozen=True)
class SharedKV:
    """One layer's keys and values of the statement, (Hkv, S, D) per header variant, read in place by every row
    of that variant: the queries of all its rows, and of all query heads sharing a K/V head, are folded into one
    matrix, so the keys are never copied per row."""

    keys: list[torch.Tensor]  # per variant, (Hkv, S, D)
    values: list[torch.Tensor]
    groups: list[tuple[int, torch.Tensor | None]]  # (variant, its rows); rows None when it holds the whole batch

    def attend(self, attention: Attention, q: torch.Tensor) -> torch.Tensor:
        """q: (B, H, T, D), T new tokens per row. Returns (B, H, T, D)."""
        if len(self.groups) == 1:
            return self._attend_variant(attention, q, self.groups[0][0])
        out = torch.empty_like(q)
        for variant, rows in self.groups:
            out[rows] = self._attend_variant(attention, q[rows], variant)
        return out

    def _attend_variant(self, attention: Attention, q: torch.Tensor, variant: int) -> torch.Tensor:
        k, v = self.keys[variant], self.values[variant]  # (Hkv, S, D)
        b, h, t, d = q.shape
        hkv = k.size(0)
        n = h // hkv * t  # queries per row that read one K/V head
        folded = q.reshape(b, hkv, n * d).transpose(0, 1).reshape(hkv, b * n, d)  # (Hkv, B * N, D)
        o = attention.attend(folded[None], k[None], v[None])[0]  # (Hkv, B * N, D)
        return o.reshape(hkv, b, n * d).transpose(0, 1).reshape(b, h, t, d)  # (B, H, T, D)


class RowCache:
    """The sampler's KVCache: preallocated for the whole batch and as long as the longest sample allowed, on the
    model's device and in its dtype; every row has its own position and header variant, and starts over alone.

    What the host needs to drive it (each row's variant, the step at which it started) is kept on the host, so a
    step reads nothing back from the device; positions and the attention bias live on the device.
    """

    def __init__(self, model: AlphaCodeForConditionalGeneration, memories: list[torch.Tensor], batch_size: int,
                 max_length: int) -> None:
        config = model.config
        device, dtype = memories[0].device, memories[0].dtype
        self.device, self.max_length = device, max_length
        # The statement's cross-attention keys and values, per layer and variant, computed once: (Hkv, S, D) each.
        with torch.no_grad():
            cross = [[block.cross_attn.keys_values(memory) for memory in memories] for block in model.decoder_blocks]
        self.cross_keys = [[k[0] for k, _ in layer] for layer in cross]
        self.cross_values = [[v[0] for _, v in layer] for layer in cross]
        shape = (batch_size, config.num_kv_heads, max_length, config.head_dim)
        self.keys = [torch.zeros(shape, dtype=dtype, device=device) for _ in model.decoder_blocks]  # (B, Hkv, T, D)
        self.values = [torch.zeros(shape, dtype=dtype, device=device) for _ in model.decoder_blocks]
        self.position = torch.zeros(batch_size, dtype=torch.long, device=device)  # (B,) where each row writes next
        self.rows = torch.arange(batch_size, device=device)
        self.variants = [0] * batch_size  # host: which memory each row reads
        self.started = [0] * batch_size  # host: the step at which each row was at position 0
        self.steps = 0
        self._groups: list[tuple[int, torch.Tensor | None]] | None = None  # rebuilt when a row changes variant
        # This step's: where the new tokens go, (B, t), and the bias they attend with, (B, 1, t, L): 0 up to each
        # row's own position, -inf beyond.
        self.new_positions: torch.Tensor | None = None
        self.bias: torch.Tensor | None = None

    def reset(self, row: int, variant: int | None = None, position: int = 0) -> None:
        """Start `row` over at `position` (a new sample: 0) reading `variant` (None: the one it reads)."""
        self.position[row] = position
        self.started[row] = self.steps - position
        if variant is not None and variant != self.variants[row]:
            self.variants[row] = variant
            self._groups = None

    def keep(self, rows: list[int]) -> None:
        """Shrink the batch to `rows` (when most rows are idle near the end): one copy of their caches."""
        index = torch.tensor(rows, device=self.device)
        self.keys = [k[index] for k in self.keys]
        self.values = [v[index] for v in self.values]
        self.position = self.position[index]
        self.rows = torch.arange(len(rows), device=self.device)
        self.variants = [self.variants[row] for row in rows]
        self.started = [self.started[row] for row in rows]
        self._groups = None

    @property
    def groups(self) -> list[tuple[int, torch.Tensor | None]]:
        """(variant, its rows on the device) for each variant in use; rows None when one variant has them all."""
        if self._groups is None:
            variants = sorted(set(self.variants))
            self._groups = [(variants[0], None)] if len(variants) == 1 else [
                (variant, torch.tensor([row for row, v in enumerate(self.variants) if v == variant],
                                       device=self.device)) for variant in variants]
        return self._groups

    # the KVCache interface (modeling.KVCache)
    def prepare(self, t: int) -> tuple[torch.Tensor, int]:
        length = self.steps - min(self.started) + t  # the longest row, once the new tokens are stored
        if length > self.max_length:
            raise ValueError(f"a row passed the decoder's length limit ({self.max_length})")
        positions = self.position[:, None] + torch.arange(t, device=self.device)  # (B, t)
        visible = torch.arange(length, device=self.device) <= positions[:, :, None]  # (B, t, L): its own past
        # Additive rather than bool: the fused kernel is several times as fast with it on a CPU.
        self.bias = torch.zeros(visible.shape, dtype=self.keys[0].dtype, device=self.device).masked_fill_(
            ~visible, float("-inf"))[:, None]  # (B, 1, t, L)
        self.new_positions = positions
        return positions, length

    def get_layer_cache(self, index: int) -> RowLayerCache:
        return RowLayerCache(self, index)

    def advance(self, t: int) -> None:
        self.position += t
        self.steps += t


class RowLayerCache:
    def __init__(self, cache: RowCache, index: int) -> None:
        self.cache, self.index = cache, index

    def update(self, k: torch.Tensor, v: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        cache, index = self.cache, self.index
        length, positions = cache.bias.size(-1), cache.new_positions  # positions: (B, t)
        # Advanced indices around a slice put their own dimensions first: the target is (B, t, Hkv, D).
        cache.keys[index][cache.rows[:, None], :, positions] = k.transpose(1, 2)
        cache.values[index][cache.rows[:, None], :, positions] = v.transpose(1, 2)
        keys = cache.keys[index][:, :, :length]  # (B, Hkv, L, D)
        values = cache.values[index][:, :, :length]
        return keys, values, cache.bias

    def cross_kv(self, attention: Attention, memory: torch.Tensor | None,
                 memory_mask: torch.Tensor | None) -> SharedKV:
        return SharedKV(self.cache.cross_keys[self.index], self.cache.cross_values[self.index], self.cache.groups)


class IncrementalDecoder:
    """The model's decoder fed one token per row per step through a RowCache, against fixed encoder memories.

    Rows are independent: each has its own position and belongs to one memory ("variant": a header plus the
    statement). `reset` starts a row over; `step` feeds one token per row and returns next-token logits.
    """

    def __init__(self, model: AlphaCodeForConditionalGeneration, memories: list[torch.Tensor], batch_size: int,
                 max_length: int) -> None:
        self.model = model
        self.cache = RowCache(model, memories, batch_size, max_length)

    @property
    def position(self) -> torch.Tensor:
        """(B,) each row's position: the number of tokens it has been fed since it started."""
        return self.cache.position

    def reset(self, row: int, variant: int | None = None, position: int = 0) -> None:
        self.cache.reset(row, variant, position)

    def keep(self, rows: list[int]) -> None:
        self.cache.keep(rows)

    @torch.no_grad()
    def step(self, tokens: torch.Tensor) -> torch.Tensor:
        """Feed tokens (B,) at each row's position; returns float32 logits (B, V) and advances every row by one."""
        hidden = self.model.decode(tokens[:, None], cache=self.cache)  # (B, 1, C)
        return self.model.logits(hidden[:, 0], torch.float32)  # (B, V)


class Sampler:
    def __init__(self, model: AlphaCodeForConditionalGeneration, tokenizer: CodeTokenizer) -> None:
        self.model = model.eval()
        self.tokenizer = tokenizer

    def headers(self, n: int, config: SamplingConfig) -> list[Header]:
        """The header variants of a run: drawn from (seed) alone."""
        rng = random.Random(config.seed)
        count = 1 if config.policy.fixed is not None else min(config.header_variants, n)
        return [config.policy.draw(rng) for _ in range(count)]

    @torch.no_grad()
    def sample(self, statement: str, n: int, config: SamplingConfig | None = None) -> Iterator[Sample]:
        """Yield n samples as they finish (not in index order), computed on the model's device and in its dtype."""
        config = config or SamplingConfig()
        if n < 1:
            return
        model, tokenizer = self.model, self.tokenizer
        device = model.device
        start = model.config.decoder_start_token_id
        max_length = model.config.max_decoder_length
        max_new = min(config.max_new_tokens or max_length, max_length)
        tempering = model.config.tempering
        headers = self.headers(n, config)
        memories = []
        for header in headers:
            ids = encoder_ids(tokenizer, header, statement, model.config.max_encoder_length)
            memories.append(model.encoder(torch.tensor([ids], device=device)).last_hidden_state)  # (1, S, C)
        batch = min(config.batch_size, n)
        decoder = IncrementalDecoder(model, memories, batch, max_new)  # row positions never pass max_new - 1

        # The host keeps what streaming needs: which sample each row draws (-1: idle) and its tokens so far. The
        # device keeps the rest: sample numbers (for the random numbers), next tokens, running log-probabilities.
        sample_of_row = list(range(batch))
        generated: list[list[int]] = [[] for _ in range(batch)]
        for row in range(batch):
            decoder.reset(row, row % len(headers))
        sample_index = torch.arange(batch, device=device)
        tokens = torch.full((batch,), start, dtype=torch.long, device=device)
        logprob = torch.zeros(batch, dtype=torch.float64, device=device)
        next_sample = batch

        while any(s >= 0 for s in sample_of_row):
            u = uniforms(config.seed, sample_index, decoder.position)  # (B,): a row's position is its length
            logits = decoder.step(tokens)  # (B, V), float32
            chosen = choose_tokens(logits, u, config.temperature * tempering, config.top_k, config.top_p)  # (B,)
            trained = logits if tempering == 1.0 else logits / tempering  # the trained distribution's logits
            logprob += trained.log_softmax(dim=-1).gather(1, chosen[:, None])[:, 0]
            # The step's one read from the device: the chosen tokens with the running log-probabilities.
            chosen_host, logprob_host = torch.stack((chosen.double(), logprob)).tolist()
            tokens = chosen
            finished, restarted, started = [], [], []
            for row, sample_number in enumerate(sample_of_row):
                if sample_number < 0:
                    continue
                token = int(chosen_host[row])
                ended = token == tokenizer.eos_id
                if not ended:
                    generated[row].append(token)
                if ended or len(generated[row]) >= max_new:  # a row's position is its length until it ends
                    yield Sample(sample_number, headers[sample_number % len(headers)], tuple(generated[row]),
                                 tokenizer.decode(generated[row]), logprob_host[row], ended)
                    generated[row] = []
                    finished.append(row)
                    if next_sample < n:
                        decoder.reset(row, next_sample % len(headers))
                        sample_of_row[row] = next_sample
                        restarted.append(row)
                        started.append(next_sample)
                        next_sample += 1
                    else:
                        decoder.reset(row)  # idle at position 0 until the batch shrinks
                        sample_of_row[row] = -1
            if finished:
                rows = torch.tensor(finished, device=device)
                tokens[rows] = start
                logprob[rows] = 0.0
                if restarted:
                    sample_index[torch.tensor(restarted, device=device)] = torch.tensor(started, device=device)
            active = [row for row, s in enumerate(sample_of_row) if s >= 0]
            if active and len(active) <= len(sample_of_row) // 2:
                decoder.keep(active)
                keep = torch.tensor(active, device=device)
                tokens, logprob, sample_index = tokens[keep], logprob[keep], sample_index[keep]
                sample_of_row = [sample_of_row[row] for row in active]
                generated = [generated[row] for row in active]
