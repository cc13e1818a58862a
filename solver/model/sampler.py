"""A batched sampler built for thousands of samples of one problem.

- The statement is encoded once under each metadata header in use, and every decoder layer's cross-attention keys
  and values are computed once from it. Headers come in two policies (`SamplingConfig.header_variants`): k random
  variants per problem, sample i reading variant i % k; or, as AlphaCode sampled, a header drawn per sample. Either
  way a distinct header is encoded once and cached (`HeaderVariants`) in a fixed number of slots, so a 1,000-sample
  run with a header per sample holds about a batch's worth of variants, not 1,000.
- With few variants in a batch, rows read their variant's keys in place: queries of all its rows (and, with
  multi-query attention, all heads) are folded into one matrix product against the shared keys (`SharedKV`). With
  many, each row's keys are copied once when it starts a sample into a per-row buffer, and one batched attention
  with a padding bias serves them all (`GatheredKV`).
- The decoder's self-attention cache is preallocated for the whole batch, as long as the longest sample allowed,
  and written in place. Attention, over the cache and over the statement, runs in PyTorch's fused kernel.
- Continuous batching: a row whose program is finished streams it out at once and starts the next sample, so
  the batch stays full until the last samples.
- Deterministic: sample i draws its randomness from (seed, i, step) alone, and its header from (seed, i) (per
  sample) or (seed) (k variants), so the same seed gives the same samples whatever the batch size (and whatever
  the device). Each header is encoded alone, never padded beside others.
- Any device: the cache, positions, random numbers and log-probabilities live on the model's device, in its dtype
  (logits in float32); a step reads back one small tensor, the chosen tokens with their running log-probabilities,
  which streaming finished samples needs.
- The decoder is the model's own (`AlphaCodeForConditionalGeneration.decode`); this module brings the cache it
  runs on (`RowCache`) and the statement's keys and values, shared by rows (`SharedKV`) or gathered (`GatheredKV`).
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import torch

from solver.model.metadata import Header, HeaderPolicy, header_ids, join_encoder_ids
from solver.model.modeling import AlphaCodeForConditionalGeneration, Attention
from solver.model.tokenizer import CodeTokenizer

PER_SAMPLE = "per-sample"  # how `header_variants=None` is spelled on a command line or in a request


@dataclass(frozen=True)
class SamplingConfig:
    # Relative to the model's trained distribution: 1 samples it as trained (see AlphaCodeConfig.tempering).
    temperature: float = 1.3
    top_k: int = 0  # 0 = off
    top_p: float = 1.0  # 1 = off
    batch_size: int = 64
    max_new_tokens: int | None = None  # default: as long as the decoder allows
    # Distinct random headers per problem, each one encoder pass, sample i reading header i % k; or None (spelled
    # "per-sample" on command lines and in requests): a header drawn for each sample from (seed, i), as AlphaCode
    # did, each distinct header encoded once (see `header_variants_option`).
    header_variants: int | None = 8
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
        if self.header_variants is not None and (
                not isinstance(self.header_variants, int) or isinstance(self.header_variants, bool)
                or self.header_variants < 1):
            raise ValueError(f"SamplingConfig.header_variants: must be a whole number ≥ 1 or None ({PER_SAMPLE!r}: "
                             f"a header per sample), got {self.header_variants!r}")


def header_variants_option(value: int | str | None) -> int | None:
    """`header_variants` as a command line or a request gives it: a whole number, or "per-sample" (None)."""
    if value is None or value == PER_SAMPLE:
        return None
    if isinstance(value, str) and value.strip().isdigit() and int(value) >= 1:
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    raise ValueError(f"SamplingConfig.header_variants: must be a whole number ≥ 1 or {PER_SAMPLE!r}, got {value!r}")


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
    matrix, so the keys are never copied per row. One fused attention per variant: the path for a few variants."""

    keys: list[torch.Tensor | None]  # per variant slot, (Hkv, S, D); None where the slot is free
    values: list[torch.Tensor | None]
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


@dataclass(frozen=True)
class GatheredKV:
    """One layer's keys and values of the statement copied per row, for a batch of many header variants: one
    batched attention instead of one per variant. Statements under different headers differ in length, so each
    row's are padded to the longest, behind a bias of -inf."""

    keys: torch.Tensor  # (B, Hkv, S, D)
    values: torch.Tensor  # (B, Hkv, S, D)
    bias: torch.Tensor  # (B, 1, 1, S): 0 on the row's own statement, -inf past it

    def attend(self, attention: Attention, q: torch.Tensor) -> torch.Tensor:
        return attention.attend(q, self.keys, self.values, self.bias)  # (B, H, T, D)


# Cross-attention reads each variant in place (SharedKV: one fused attention per variant per layer) while a batch
# of B rows has at most max(GATHER_ABOVE, B // GATHER_SHARE) variants, and rows' own gathered copies (GatheredKV:
# one attention for all) beyond. The loop costs a call per variant; the copies cost reading a statement per row
# instead of one per variant. On a CPU (the shipped model, a 218-token statement, one thread) the two broke even
# near 7 variants at B=16, 11 at B=32 and 24 at B=64, and at B=64 with 64 variants one call was 1.4 times as fast
# as the loop: `python bench/diversity.py --step` measures it (on a GPU too, where it is yet to be measured).
GATHER_ABOVE = 4
GATHER_SHARE = 3
# A variant slot's length grows by at least this much (a header's fields vary by a few tokens): rarely twice.
LENGTH_MARGIN = 32


class RowCache:
    """The sampler's KVCache: preallocated for the whole batch and as long as the longest sample allowed, on the
    model's device and in its dtype; every row has its own position and header variant, and starts over alone.

    Header variants (the statement encoded under one header) live in `capacity` preallocated slots: a variant's
    cross-attention keys and values are computed once (`add_variant`) and read by every row that starts on it; a
    slot no row reads can be given back (`remove_variant`) for another. With few variants in the batch (see
    GATHER_ABOVE), rows read their variant's slot in place; with more, each row's keys and values are copied
    into a per-row buffer once when it starts (or changes variant), and all rows attend in one call.

    What the host needs to drive it (each row's variant, the step at which it started, the slots' lengths and
    readers) is kept on the host, so a step reads nothing back from the device; positions and the attention bias
    live on the device.
    """

    def __init__(self, model: AlphaCodeForConditionalGeneration, memories: list[torch.Tensor], batch_size: int,
                 max_length: int, capacity: int | None = None) -> None:
        config = model.config
        device, dtype = model.device, model.dtype
        self.device, self.dtype, self.max_length = device, dtype, max_length
        self.max_variant_length = config.max_encoder_length
        self.cross_attentions = [block.cross_attn for block in model.decoder_blocks]
        self.kv_heads, self.head_dim = config.num_kv_heads, config.head_dim
        shape = (batch_size, config.num_kv_heads, max_length, config.head_dim)
        self.keys = [torch.zeros(shape, dtype=dtype, device=device) for _ in model.decoder_blocks]  # (B, Hkv, T, D)
        self.values = [torch.zeros(shape, dtype=dtype, device=device) for _ in model.decoder_blocks]
        self.position = torch.zeros(batch_size, dtype=torch.long, device=device)  # (B,) where each row writes next
        self.rows = torch.arange(batch_size, device=device)
        self.started = [0] * batch_size  # host: the step at which each row was at position 0
        self.steps = 0
        # This step's: where the new tokens go, (B, t), and the bias they attend with, (B, 1, t, L): 0 up to each
        # row's own position, -inf beyond.
        self.new_positions: torch.Tensor | None = None
        self.bias: torch.Tensor | None = None

        # Variant slots: per layer (C, Hkv, S, D), S the longest variant so far; `cross_keys[layer][slot]` is the
        # slot's own (Hkv, S_slot, D) view, None while the slot is free.
        self.capacity = max(capacity or 0, len(memories), 1)
        layers = len(self.cross_attentions)
        self.slot_keys: list[torch.Tensor] = []
        self.slot_values: list[torch.Tensor] = []
        self.slot_bias = torch.zeros(self.capacity, 1, 1, 0, dtype=dtype, device=device)  # (C, 1, 1, S)
        self.cross_keys: list[list[torch.Tensor | None]] = [[None] * self.capacity for _ in range(layers)]
        self.cross_values: list[list[torch.Tensor | None]] = [[None] * self.capacity for _ in range(layers)]
        self.lengths = [0] * self.capacity  # host: each slot's statement length, 0 while free
        self.readers = [0] * self.capacity  # host: rows (idle ones too) whose variant each slot holds
        self.free_slots = list(reversed(range(self.capacity)))
        self.variants = [-1] * batch_size  # host: which slot each row reads (-1: none yet)
        self._groups: list[tuple[int, torch.Tensor | None]] | None = None  # rebuilt when a row changes variant

        # Gathered mode: each row's copy of its variant, (B, Hkv, S, D) per layer, made when it starts.
        self.gather_above: int | None = None  # the most variants read in place (None: the rule above)
        self.gathered = False  # this step's mode
        self.row_keys: list[torch.Tensor] | None = None  # allocated when first needed
        self.row_values: list[torch.Tensor] | None = None
        self.row_bias: torch.Tensor | None = None  # (B, 1, 1, S)
        self.row_holds = [-1] * batch_size  # host: the slot each row's copy came from (-1: none, or stale)
        self.row_length = 0  # this step's longest statement among the rows

        self._reserve(max((memory.size(1) for memory in memories), default=0))
        for memory in memories:
            self.add_variant(memory)
        if memories:
            for row in range(batch_size):
                self.reset(row, 0)

    # variants

    @torch.no_grad()
    def add_variant(self, memory: torch.Tensor) -> int:
        """Compute a variant's cross-attention keys and values from its encoder memory (1, S, C) into a free slot;
        returns the slot, the variant's number for `reset`."""
        if not self.free_slots:
            raise RuntimeError(f"RowCache: all {self.capacity} variant slots are taken; remove an unread one first")
        length = memory.size(1)
        self._reserve(length)
        slot = self.free_slots.pop()
        for layer, attention in enumerate(self.cross_attentions):
            k, v = attention.keys_values(memory)  # (1, Hkv, S, D)
            self.slot_keys[layer][slot, :, :length] = k[0]
            self.slot_values[layer][slot, :, :length] = v[0]
            self.cross_keys[layer][slot] = self.slot_keys[layer][slot, :, :length]  # (Hkv, S, D)
            self.cross_values[layer][slot] = self.slot_values[layer][slot, :, :length]
        self.slot_bias[slot] = float("-inf")
        self.slot_bias[slot, :, :, :length] = 0.0
        self.lengths[slot] = length
        # A row's copy of whatever the slot held before is stale now, even where the row reads this slot again.
        self.row_holds = [-1 if held == slot else held for held in self.row_holds]
        return slot

    def remove_variant(self, slot: int) -> None:
        """Give a variant's slot back; no row may read it (rows idle at the end of a run count as readers)."""
        if not self.lengths[slot]:
            raise ValueError(f"RowCache: slot {slot} holds no variant")
        if self.readers[slot]:
            raise RuntimeError(f"RowCache: variant {slot} is read by {self.readers[slot]} rows")
        self.lengths[slot] = 0
        for layer in range(len(self.cross_attentions)):
            self.cross_keys[layer][slot] = self.cross_values[layer][slot] = None
        self.free_slots.append(slot)

    def _reserve(self, length: int) -> None:
        """Slots (and rows' copies) at least `length` long: regrown, with room to spare, when a variant outgrows
        them."""
        current = self.slot_bias.size(-1)
        if length <= current:
            return
        grown = max(length, min(current + LENGTH_MARGIN, self.max_variant_length)) if current else length
        shape = (self.capacity, self.kv_heads, grown, self.head_dim)
        for stored in (self.slot_keys, self.slot_values):
            tensors = [torch.zeros(shape, dtype=self.dtype, device=self.device) for _ in self.cross_attentions]
            for layer, tensor in enumerate(tensors[:len(stored)]):
                tensor[:, :, :current] = stored[layer]  # (C, Hkv, S, D)
            stored[:] = tensors
        bias = torch.full((self.capacity, 1, 1, grown), float("-inf"), dtype=self.dtype, device=self.device)
        bias[..., :current] = self.slot_bias
        self.slot_bias = bias
        for layer in range(len(self.cross_attentions)):
            for slot, slot_length in enumerate(self.lengths):
                if slot_length:
                    self.cross_keys[layer][slot] = self.slot_keys[layer][slot, :, :slot_length]
                    self.cross_values[layer][slot] = self.slot_values[layer][slot, :, :slot_length]
        self.row_keys = self.row_values = self.row_bias = None  # made again, as long, when next needed
        self.row_holds = [-1] * len(self.row_holds)

    # rows

    def reset(self, row: int, variant: int | None = None, position: int = 0) -> None:
        """Start `row` over at `position` (a new sample: 0) reading `variant` (None: the one it reads)."""
        self.position[row] = position
        self.started[row] = self.steps - position
        if variant is not None and variant != self.variants[row]:
            if not self.lengths[variant]:
                raise ValueError(f"RowCache: slot {variant} holds no variant")
            if self.variants[row] >= 0:
                self.readers[self.variants[row]] -= 1
            self.readers[variant] += 1
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
        self.readers = [0] * self.capacity
        for slot in self.variants:
            if slot >= 0:
                self.readers[slot] += 1
        if self.row_keys is not None:
            self.row_keys = [k[index] for k in self.row_keys]
            self.row_values = [v[index] for v in self.row_values]
            self.row_bias = self.row_bias[index]
        self.row_holds = [self.row_holds[row] for row in rows]
        self._groups = None

    @property
    def groups(self) -> list[tuple[int, torch.Tensor | None]]:
        """(variant, its rows on the device) for each variant in use; rows None when one variant has them all."""
        if self._groups is None:
            if min(self.variants) < 0:
                raise ValueError(f"RowCache: row {self.variants.index(-1)} was never given a variant")
            variants = sorted(set(self.variants))
            self._groups = [(variants[0], None)] if len(variants) == 1 else [
                (variant, torch.tensor([row for row, v in enumerate(self.variants) if v == variant],
                                       device=self.device)) for variant in variants]
        return self._groups

    def _gather(self) -> None:
        """Each row's copy of its variant, made for rows that started on another since the last step."""
        if self.row_keys is None:
            shape = (len(self.variants), *self.slot_keys[0].shape[1:])  # (B, Hkv, S, D)
            self.row_keys = [torch.zeros(shape, dtype=self.dtype, device=self.device) for _ in self.slot_keys]
            self.row_values = [torch.zeros(shape, dtype=self.dtype, device=self.device) for _ in self.slot_keys]
            self.row_bias = torch.zeros(len(self.variants), *self.slot_bias.shape[1:], dtype=self.dtype,
                                        device=self.device)  # (B, 1, 1, S)
        stale = [row for row, (slot, held) in enumerate(zip(self.variants, self.row_holds)) if slot != held]
        if stale:
            rows = torch.tensor(stale, device=self.device)
            slots = torch.tensor([self.variants[row] for row in stale], device=self.device)
            for layer in range(len(self.row_keys)):
                self.row_keys[layer][rows] = self.slot_keys[layer][slots]  # (R, Hkv, S, D)
                self.row_values[layer][rows] = self.slot_values[layer][slots]
            self.row_bias[rows] = self.slot_bias[slots]
            for row in stale:
                self.row_holds[row] = self.variants[row]
        self.row_length = max(self.lengths[slot] for slot, _ in self.groups)

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
        most = self.gather_above
        if most is None:
            most = max(GATHER_ABOVE, len(self.variants) // GATHER_SHARE)
        self.gathered = len(self.groups) > most
        if self.gathered:
            self._gather()
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
                 memory_mask: torch.Tensor | None) -> SharedKV | GatheredKV:
        cache, index = self.cache, self.index
        if cache.gathered:
            length = cache.row_length
            return GatheredKV(cache.row_keys[index][:, :, :length], cache.row_values[index][:, :, :length],
                              cache.row_bias[..., :length])  # (B, Hkv, S, D), (B, 1, 1, S)
        return SharedKV(cache.cross_keys[index], cache.cross_values[index], cache.groups)


class HeaderVariants:
    """Headers to a RowCache's variants: each distinct header is encoded (and its cross-attention keys and values
    computed) once, and rows that draw it read the same slot. A variant no row reads stays cached, for a later
    sample that draws its header again, until its slot is wanted for a new header: the one least recently started
    goes first. So memory stays at the cache's capacity however many distinct headers a run draws."""

    def __init__(self, cache: RowCache, encode: Callable[[Header], torch.Tensor]) -> None:
        self.cache, self.encode = cache, encode
        self.slot_of: dict[Header, int] = {}
        self.header_in: dict[int, Header] = {}
        self.last_start: dict[int, int] = {}  # slot → the count of starts when a row last started on it
        self.starts = 0
        self.encoded = 0  # encoder passes so far

    def variant(self, header: Header) -> int:
        """The slot holding `header`'s variant, encoded now if it is not cached; a row starts on it next."""
        self.starts += 1
        slot = self.slot_of.get(header)
        if slot is None:
            if not self.cache.free_slots:
                self._evict()
            slot = self.cache.add_variant(self.encode(header))
            self.slot_of[header], self.header_in[slot] = slot, header
            self.encoded += 1
        self.last_start[slot] = self.starts
        return slot

    def _evict(self) -> None:
        unread = [slot for slot in self.header_in if not self.cache.readers[slot]]
        if not unread:
            raise RuntimeError(f"HeaderVariants: every one of the {self.cache.capacity} slots is read by a row")
        slot = min(unread, key=self.last_start.__getitem__)
        self.cache.remove_variant(slot)
        del self.slot_of[self.header_in.pop(slot)], self.last_start[slot]


class IncrementalDecoder:
    """The model's decoder fed one token per row per step through a RowCache, against encoder memories.

    Rows are independent: each has its own position and belongs to one memory ("variant": a header plus the
    statement); `memories` are variants 0, 1, ... and more can be added to the cache (`cache.add_variant`), up to
    `capacity`. `reset` starts a row over; `step` feeds one token per row and returns next-token logits.
    """

    def __init__(self, model: AlphaCodeForConditionalGeneration, memories: list[torch.Tensor], batch_size: int,
                 max_length: int, capacity: int | None = None) -> None:
        self.model = model
        self.cache = RowCache(model, memories, batch_size, max_length, capacity)

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
        """The header variants of a run of k variants (sample i reads header i % k): drawn from (seed) alone. A
        fixed header is one variant; headers drawn per sample come from `HeaderPolicy.draw_for(seed, i)`."""
        if config.header_variants is None and config.policy.fixed is None:
            raise ValueError("Sampler.headers: this run draws a header per sample")
        rng = random.Random(config.seed)
        count = 1 if config.policy.fixed is not None else min(config.header_variants, n)
        return [config.policy.draw(rng) for _ in range(count)]

    def header_plan(self, n: int, config: SamplingConfig, batch: int) -> tuple[Callable[[int], Header], int]:
        """Each sample's header, by sample number, and how many variants the run's cache holds: the k variants
        themselves, or (per sample) one per row with room beside them for headers drawn again."""
        if config.header_variants is None and config.policy.fixed is None:
            return functools.partial(config.policy.draw_for, config.seed), batch + max(8, batch // 4)
        headers = self.headers(n, config)
        return (lambda index: headers[index % len(headers)]), len(headers)

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
        batch = min(config.batch_size, n)
        header_for, capacity = self.header_plan(n, config, batch)
        statement_ids = tokenizer.encode(statement)

        def encode(header: Header) -> torch.Tensor:
            # One header at a time: a variant's memory then never depends on which others were encoded beside it.
            ids = join_encoder_ids(header_ids(tokenizer, header), statement_ids, model.config.max_encoder_length)
            return model.encoder(torch.tensor([ids], device=device)).last_hidden_state  # (1, S, C)

        decoder = IncrementalDecoder(model, [], batch, max_new, capacity)  # row positions never pass max_new - 1
        variants = HeaderVariants(decoder.cache, encode)

        # The host keeps what streaming needs: which sample each row draws (-1: idle), its header and its tokens so
        # far. The device keeps the rest: sample numbers (for the random numbers), next tokens, log-probabilities.
        sample_of_row = list(range(batch))
        header_of_row = [header_for(row) for row in range(batch)]
        generated: list[list[int]] = [[] for _ in range(batch)]
        for row in range(batch):
            decoder.reset(row, variants.variant(header_of_row[row]))
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
                    yield Sample(sample_number, header_of_row[row], tuple(generated[row]),
                                 tokenizer.decode(generated[row]), logprob_host[row], ended)
                    generated[row] = []
                    finished.append(row)
                    if next_sample < n:
                        header_of_row[row] = header_for(next_sample)
                        decoder.reset(row, variants.variant(header_of_row[row]))
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
                header_of_row = [header_of_row[row] for row in active]
                generated = [generated[row] for row in active]
