"""The AlphaCode model in PyTorch, top to bottom: norm → attention → MLP → blocks → caches → encoder → decoder → model.

An encoder-decoder transformer (pre-norm, no biases) whose attention lets many query heads share fewer key/value
heads: one for multi-query attention, a divisor of the query heads for grouped attention, all of them for
standard multi-head attention. Scaled-dot-product attention from PyTorch is the fast path; `attend_plain`, which
writes the arithmetic out, is the test oracle, and runs when the model is loaded with `attn_implementation="eager"`.

One decoder layer (`DecoderBlock`) serves training, transformers' `generate` and our batched sampler
(`solver.model.sampler`). It asks a cache for its own slice (`KVCache.get_layer_cache(i)`), which stores the new
keys and values and hands back all of them with the mask to attend with; the same slice supplies the statement's
keys and values for cross-attention. transformers' `EncoderDecoderCache` (what `generate` passes) is served by
`TransformersCache`; the sampler brings its own preallocated one.

The model is a transformers `PreTrainedModel` with `GenerationMixin`, so `save_pretrained`, `from_pretrained` and
`generate` work through the standard API.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol

import torch
import torch.nn.functional as F
from torch import nn
from transformers import GenerationMixin, PreTrainedModel
from transformers.cache_utils import Cache, DynamicCache, EncoderDecoderCache
from transformers.modeling_outputs import BaseModelOutput, Seq2SeqLMOutput
from transformers.utils.deprecation import deprecate_kwarg

from solver.model.config import AlphaCodeConfig


def attend_plain(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, mask: torch.Tensor | None = None,
                 causal: bool = False, dropout: float = 0.0) -> torch.Tensor:
    """Attention written out: the reference every faster path must match.

    q: (B, H, Tq, D); k, v: (B, Hkv, Tk, D) with H a multiple of Hkv; mask broadcastable to (B, H, Tq, Tk), either
    bool (True where attending is allowed) or float (added to the scores: 0 or -inf). Returns (B, H, Tq, D).
    """
    groups = q.size(1) // k.size(1)
    k = k.repeat_interleave(groups, dim=1)  # (B, H, Tk, D): each K/V head serves `groups` query heads
    v = v.repeat_interleave(groups, dim=1)
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.size(-1))  # (B, H, Tq, Tk)
    if causal:
        tq, tk = q.size(-2), k.size(-2)
        allowed = torch.ones(tq, tk, dtype=torch.bool, device=q.device).tril(tk - tq)
        scores = scores.masked_fill(~allowed, float("-inf"))
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf")) if mask.dtype == torch.bool else scores + mask
    weights = F.dropout(scores.softmax(dim=-1), dropout) if dropout else scores.softmax(dim=-1)
    return weights @ v  # (B, H, Tq, D)


def attend(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, mask: torch.Tensor | None = None,
           causal: bool = False, dropout: float = 0.0) -> torch.Tensor:
    """The fast path: PyTorch's fused attention, told that K/V heads are shared (no copies of K/V are made).

    One new query per row (decoding) takes a faster way still: the query heads that share a K/V head become the
    rows of one product against it, so each row's keys are read once per K/V head, with multi-query attention
    once per layer (on a CPU 2 to 4 times as fast as SDPA's own grouped path). A float mask is much faster there
    than a bool one.
    """
    b, h, tq, d = q.shape
    hkv, tk = k.size(1), k.size(-2)
    if causal and tq == 1:
        causal = False  # one new query at the end of the keys sees all of them
    if causal and mask is None and tq != tk:
        # A causal block of new queries at the end of a longer key sequence: SDPA's is_causal aligns to the top.
        mask = torch.ones(tq, tk, dtype=torch.bool, device=q.device).tril(tk - tq)
        causal = False
    if tq == 1 and h != hkv and not dropout and (mask is None or mask.dim() == 4 and mask.size(1) == 1):
        grouped = q.reshape(b, hkv, h // hkv, d)  # (B, Hkv, G, D): head i reads K/V head i // G
        return F.scaled_dot_product_attention(grouped, k, v, attn_mask=mask).reshape(b, h, 1, d)
    return F.scaled_dot_product_attention(q, k, v, attn_mask=mask, dropout_p=dropout, is_causal=causal,
                                          enable_gqa=h != hkv)


class Attention(nn.Module):
    """Multi-query, grouped or multi-head attention, for self-attention or for cross-attention."""

    def __init__(self, config: AlphaCodeConfig) -> None:
        super().__init__()
        # Kept to read `_attn_implementation` at each call: transformers sets it on the config after the modules are
        # built (from `from_pretrained(..., attn_implementation=...)` or `set_attn_implementation`).
        self.config = config
        self.num_heads = config.num_heads
        self.num_kv_heads = config.num_kv_heads
        self.head_dim = config.head_dim
        self.dropout = config.dropout
        self.q_proj = nn.Linear(config.d_model, config.num_heads * config.head_dim, bias=False)
        self.k_proj = nn.Linear(config.d_model, config.num_kv_heads * config.head_dim, bias=False)
        self.v_proj = nn.Linear(config.d_model, config.num_kv_heads * config.head_dim, bias=False)
        self.o_proj = nn.Linear(config.num_heads * config.head_dim, config.d_model, bias=False)

    def queries(self, x: torch.Tensor) -> torch.Tensor:
        b, t, _ = x.shape
        return self.q_proj(x).view(b, t, self.num_heads, self.head_dim).transpose(1, 2)  # (B, H, T, D)

    def keys_values(self, source: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        b, t, _ = source.shape
        k = self.k_proj(source).view(b, t, self.num_kv_heads, self.head_dim).transpose(1, 2)  # (B, Hkv, T, D)
        v = self.v_proj(source).view(b, t, self.num_kv_heads, self.head_dim).transpose(1, 2)  # (B, Hkv, T, D)
        return k, v

    def output(self, o: torch.Tensor) -> torch.Tensor:
        b, _, t, _ = o.shape
        return self.o_proj(o.transpose(1, 2).reshape(b, t, self.num_heads * self.head_dim))  # (B, T, C)

    def attend(self, q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, mask: torch.Tensor | None = None,
               causal: bool = False) -> torch.Tensor:
        """(B, H, Tq, D) from queries and keys/values, by the path the config names ("eager": written out)."""
        dropout = self.dropout if self.training else 0.0
        if self.config._attn_implementation == "eager":
            return attend_plain(q, k, v, mask, causal, dropout)
        return attend(q, k, v, mask, causal, dropout)

    def forward(self, x: torch.Tensor, k: torch.Tensor, v: torch.Tensor, mask: torch.Tensor | None = None,
                causal: bool = False) -> torch.Tensor:
        return self.output(self.attend(self.queries(x), k, v, mask, causal))  # (B, Tq, C)


class MLP(nn.Module):
    def __init__(self, config: AlphaCodeConfig) -> None:
        super().__init__()
        self.up = nn.Linear(config.d_model, config.d_ff, bias=False)
        self.down = nn.Linear(config.d_ff, config.d_model, bias=False)
        self.dropout = nn.Dropout(config.dropout)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.dropout(self.down(F.gelu(self.up(x))))  # (B, T, C)


def norm(config: AlphaCodeConfig) -> nn.LayerNorm:
    return nn.LayerNorm(config.d_model, eps=config.layer_norm_epsilon, bias=False)


class EncoderBlock(nn.Module):
    def __init__(self, config: AlphaCodeConfig) -> None:
        super().__init__()
        self.ln1, self.attn = norm(config), Attention(config)
        self.ln2, self.mlp = norm(config), MLP(config)
        self.dropout = nn.Dropout(config.dropout)

    def forward(self, x: torch.Tensor, mask: torch.Tensor | None) -> torch.Tensor:
        h = self.ln1(x)
        k, v = self.attn.keys_values(h)
        x = x + self.dropout(self.attn(h, k, v, mask))  # (B, S, C)
        return x + self.mlp(self.ln2(x))  # (B, S, C)


class DecoderBlock(nn.Module):
    """Masked self-attention over the program so far, cross-attention to the statement, then the MLP: the one
    decoder layer that training, `generate` and the sampler all run."""

    def __init__(self, config: AlphaCodeConfig) -> None:
        super().__init__()
        self.ln1, self.self_attn = norm(config), Attention(config)
        self.ln2, self.cross_attn = norm(config), Attention(config)
        self.ln3, self.mlp = norm(config), MLP(config)
        self.dropout = nn.Dropout(config.dropout)

    def forward(self, x: torch.Tensor, cross_kv: StatementKV, self_cache: LayerCache | None = None) -> torch.Tensor:
        """x: (B, T, C), T new tokens per row. cross_kv: this layer's keys and values of the statement.
        self_cache: this layer's slice of a cache; None when x is the whole program (training, `forward`)."""
        h = self.ln1(x)
        q = self.self_attn.queries(h)  # (B, H, T, D)
        k, v = self.self_attn.keys_values(h)  # (B, Hkv, T, D)
        mask = None
        if self_cache is not None:
            k, v, mask = self_cache.update(k, v)  # (B, Hkv, Tk, D): the past and the new tokens
        x = x + self.dropout(self.self_attn.output(self.self_attn.attend(q, k, v, mask, causal=mask is None)))
        q = self.cross_attn.queries(self.ln2(x))  # (B, H, T, D)
        x = x + self.dropout(self.cross_attn.output(cross_kv.attend(self.cross_attn, q)))
        return x + self.mlp(self.ln3(x))  # (B, T, C)


# Caches. A decoding call asks its cache to `prepare` room for T new tokens per row, runs every layer on that layer's
# slice (`get_layer_cache(i)`), then tells it to `advance`. Two kinds serve the interface: transformers'
# `EncoderDecoderCache`, wrapped below, for `generate`, and the sampler's preallocated per-row cache.


class StatementKV(Protocol):
    """One layer's keys and values of the statement, however they are held."""

    def attend(self, attention: Attention, q: torch.Tensor) -> torch.Tensor:
        """Cross-attention of queries q (B, H, T, D) to the statement: (B, H, T, D)."""
        ...


class LayerCache(Protocol):
    """One decoder layer's slice of a cache."""

    def update(self, k: torch.Tensor, v: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor | None]:
        """Store the new tokens' keys and values (B, Hkv, T, D); return all of this layer's keys and values,
        (B, Hkv, Tk, D) each, and the mask the new queries attend with: None for causal with the new tokens last,
        else bool or additive, broadcastable to (B, H, T, Tk)."""
        ...

    def cross_kv(self, attention: Attention, memory: torch.Tensor | None,
                 memory_mask: torch.Tensor | None) -> StatementKV:
        """This layer's keys and values of the statement: computed from `memory` once and kept, or held already."""
        ...


class KVCache(Protocol):
    """A decoder's self-attention cache, keyed by layer: each layer takes its own slice (`get_layer_cache`)."""

    def prepare(self, t: int) -> tuple[torch.Tensor, int]:
        """Room for t new tokens per row: their positions, (B, t) or (1, t), and the length of the longest row once
        they are stored (a host integer, so checking the decoder's limit reads nothing from the device)."""
        ...

    def get_layer_cache(self, index: int) -> LayerCache: ...

    def advance(self, t: int) -> None:
        """Every layer has stored the t new tokens."""
        ...


@dataclass(frozen=True)
class BatchKV:
    """A statement's keys and values with one copy per batch row (training and `generate`)."""

    keys: torch.Tensor  # (B, Hkv, S, D)
    values: torch.Tensor  # (B, Hkv, S, D)
    mask: torch.Tensor | None = None  # (B, 1, 1, S), True where the statement has a token

    def attend(self, attention: Attention, q: torch.Tensor) -> torch.Tensor:
        return attention.attend(q, self.keys, self.values, self.mask)  # (B, H, T, D)


class TransformersCache:
    """transformers' `EncoderDecoderCache`, which `generate` hands to `forward`, behind the KVCache interface."""

    def __init__(self, cache: EncoderDecoderCache, device: torch.device) -> None:
        self.cache = cache
        self.device = device
        self.past = cache.self_attention_cache.get_seq_length()

    def prepare(self, t: int) -> tuple[torch.Tensor, int]:
        return torch.arange(self.past, self.past + t, device=self.device)[None], self.past + t  # (1, t)

    def get_layer_cache(self, index: int) -> TransformersLayerCache:
        return TransformersLayerCache(self.cache, index)

    def advance(self, t: int) -> None:
        pass  # transformers' cache counts what it stores


class TransformersLayerCache:
    def __init__(self, cache: EncoderDecoderCache, index: int) -> None:
        self.cache, self.index = cache, index

    def update(self, k: torch.Tensor, v: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, None]:
        k, v = self.cache.self_attention_cache.update(k, v, self.index)  # (B, Hkv, past + T, D)
        return k, v, None

    def cross_kv(self, attention: Attention, memory: torch.Tensor | None,
                 memory_mask: torch.Tensor | None) -> BatchKV:
        if self.cache.is_updated.get(self.index):  # computed from the encoder at the first step
            layer = self.cache.cross_attention_cache.layers[self.index]
            return BatchKV(layer.keys, layer.values, memory_mask)
        k, v = attention.keys_values(memory)  # (B, Hkv, S, D)
        self.cache.cross_attention_cache.update(k, v, self.index)
        self.cache.is_updated[self.index] = True
        return BatchKV(k, v, memory_mask)


def positions_table(config: AlphaCodeConfig, length: int) -> nn.Module:
    """Learned absolute positions, or fixed sinusoids (no parameters)."""
    if config.position_scheme == "learned":
        return nn.Embedding(length, config.d_model)
    return SinusoidalPositions(length, config.d_model)


def sinusoids(length: int, dim: int) -> torch.Tensor:
    position = torch.arange(length).unsqueeze(1)  # (L, 1)
    frequency = torch.exp(torch.arange(0, dim, 2) * (-math.log(10000.0) / dim))  # (dim/2,)
    table = torch.zeros(length, dim)
    table[:, 0::2] = torch.sin(position * frequency)
    table[:, 1::2] = torch.cos(position * frequency[: dim // 2])
    return table  # (L, dim)


class SinusoidalPositions(nn.Module):
    def __init__(self, length: int, dim: int) -> None:
        super().__init__()
        self.register_buffer("table", sinusoids(length, dim), persistent=False)

    def forward(self, positions: torch.Tensor) -> torch.Tensor:
        return self.table[positions]


class Encoder(nn.Module):
    """Embeds the statement (with its metadata header) and reads it with bidirectional attention."""

    main_input_name = "input_ids"  # what transformers' generate() looks for on an encoder

    def __init__(self, config: AlphaCodeConfig) -> None:
        super().__init__()
        self.config = config
        self.embed_tokens = nn.Embedding(config.vocab_size, config.d_model)  # shared with the decoder
        self.positions = positions_table(config, config.max_encoder_length)
        self.blocks = nn.ModuleList(EncoderBlock(config) for _ in range(config.encoder_layers))
        self.ln_f = norm(config)
        self.dropout = nn.Dropout(config.dropout)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor | None = None,
                **kwargs) -> BaseModelOutput:
        b, s = input_ids.shape
        if s > self.config.max_encoder_length:
            raise ValueError(f"encoder input of {s} tokens exceeds max_encoder_length {self.config.max_encoder_length}")
        x = self.embed_tokens(input_ids) + self.positions(torch.arange(s, device=input_ids.device))  # (B, S, C)
        x = self.dropout(x)
        mask = None if attention_mask is None else attention_mask.bool()[:, None, None, :]  # (B, 1, 1, S)
        for block in self.blocks:
            x = block(x, mask)
        return BaseModelOutput(last_hidden_state=self.ln_f(x))  # (B, S, C)


class AlphaCodePreTrainedModel(PreTrainedModel):
    config_class = AlphaCodeConfig
    config: AlphaCodeConfig
    base_model_prefix = "model"
    main_input_name = "input_ids"
    _supports_sdpa = True
    _no_split_modules = ["EncoderBlock", "DecoderBlock"]

    @classmethod
    def _can_set_attn_implementation(cls) -> bool:
        # transformers guesses this from the module's source; Attention reads the config at every call, so
        # `set_attn_implementation` after loading takes effect.
        return True

    def _init_weights(self, module: nn.Module) -> None:
        std = self.config.initializer_range
        if isinstance(module, (nn.Linear, nn.Embedding)):
            nn.init.normal_(module.weight, mean=0.0, std=std)
        elif isinstance(module, nn.LayerNorm):
            nn.init.ones_(module.weight)
        elif isinstance(module, SinusoidalPositions):
            # Not a weight, so not in a checkpoint: `from_pretrained` builds the model without values and leaves
            # filling it to this.
            with torch.no_grad():
                module.table.copy_(sinusoids(*module.table.shape))


class AlphaCodeForConditionalGeneration(AlphaCodePreTrainedModel, GenerationMixin):
    """Statement (with metadata) in, program out. `forward` follows transformers' seq2seq conventions."""

    def __init__(self, config: AlphaCodeConfig) -> None:
        super().__init__(config)
        self.encoder = Encoder(config)
        self.decoder_positions = positions_table(config, config.max_decoder_length)
        self.decoder_blocks = nn.ModuleList(DecoderBlock(config) for _ in range(config.decoder_layers))
        self.decoder_ln_f = norm(config)
        self.lm_head = None if config.tie_word_embeddings else nn.Linear(config.d_model, config.vocab_size, bias=False)
        self.dropout = nn.Dropout(config.dropout)
        self.post_init()

    # transformers' accessors
    def get_input_embeddings(self) -> nn.Embedding:
        return self.encoder.embed_tokens

    def set_input_embeddings(self, value: nn.Embedding) -> None:
        self.encoder.embed_tokens = value

    def get_output_embeddings(self) -> nn.Module | None:
        return self.lm_head

    def get_encoder(self, modality: str | None = None) -> Encoder:
        return self.encoder

    def logits(self, hidden: torch.Tensor, dtype: torch.dtype | None = None) -> torch.Tensor:
        """(B, T, V) from hidden states (B, T, C); computed in `dtype` when given (the sampler asks for float32
        whatever the weights are in: sampling needs more resolution than half precision keeps)."""
        weight = self.encoder.embed_tokens.weight if self.lm_head is None else self.lm_head.weight
        if dtype is not None:
            hidden, weight = hidden.to(dtype), weight.to(dtype)
        return hidden @ weight.T  # (B, T, V)

    def decode(
        self,
        decoder_input_ids: torch.Tensor,
        encoder_hidden_states: torch.Tensor | None = None,
        encoder_attention_mask: torch.Tensor | None = None,
        cache: EncoderDecoderCache | KVCache | None = None,
    ) -> torch.Tensor:
        """Decoder hidden states (B, T, C) for T new tokens per row.

        Without a cache the tokens are the whole program (training, `forward`). With transformers'
        `EncoderDecoderCache` (`generate`) or any KVCache (the sampler's), they follow what the cache holds and are
        added to it; a cache that holds the statement's keys and values itself needs no `encoder_hidden_states`.
        """
        t = decoder_input_ids.size(1)
        if isinstance(cache, EncoderDecoderCache):
            cache = TransformersCache(cache, decoder_input_ids.device)
        if cache is None:
            positions, length = torch.arange(t, device=decoder_input_ids.device)[None], t  # (1, T)
        else:
            positions, length = cache.prepare(t)  # (B, T) or (1, T)
        if length > self.config.max_decoder_length:
            raise ValueError(f"decoder position beyond max_decoder_length {self.config.max_decoder_length}")
        x = self.dropout(self.encoder.embed_tokens(decoder_input_ids) + self.decoder_positions(positions))  # (B, T, C)
        cross_mask = None
        if encoder_attention_mask is not None:
            cross_mask = encoder_attention_mask.bool()[:, None, None, :]  # (B, 1, 1, S)
        for index, block in enumerate(self.decoder_blocks):
            if cache is None:
                x = block(x, BatchKV(*block.cross_attn.keys_values(encoder_hidden_states), cross_mask))
            else:
                layer = cache.get_layer_cache(index)
                x = block(x, layer.cross_kv(block.cross_attn, encoder_hidden_states, cross_mask), layer)
        if cache is not None:
            cache.advance(t)
        return self.decoder_ln_f(x)  # (B, T, C)

    @deprecate_kwarg("past_key_values", "6.0.0", new_name="cache")
    def forward(
        self,
        input_ids: torch.Tensor | None = None,
        attention_mask: torch.Tensor | None = None,
        decoder_input_ids: torch.Tensor | None = None,
        encoder_outputs: BaseModelOutput | tuple | None = None,
        cache: Cache | None = None,
        labels: torch.Tensor | None = None,
        use_cache: bool | None = None,
        **kwargs,
    ) -> Seq2SeqLMOutput:
        if encoder_outputs is None:
            encoder_outputs = self.encoder(input_ids, attention_mask)
        elif not isinstance(encoder_outputs, BaseModelOutput):
            encoder_outputs = BaseModelOutput(last_hidden_state=encoder_outputs[0])
        if decoder_input_ids is None:
            if labels is None:
                raise ValueError("forward needs decoder_input_ids or labels")
            decoder_input_ids = self.shift_right(labels)
        if use_cache and cache is None:
            cache = EncoderDecoderCache(DynamicCache(), DynamicCache())
        hidden = self.decode(decoder_input_ids, encoder_outputs.last_hidden_state, attention_mask, cache)
        logits = self.logits(hidden)  # (B, T, V)
        loss = None
        if labels is not None:
            loss = F.cross_entropy(logits.flatten(0, 1), labels.flatten(), ignore_index=-100)
        return Seq2SeqLMOutput(loss=loss, logits=logits, cache=cache,
                               encoder_last_hidden_state=encoder_outputs.last_hidden_state)

    def shift_right(self, labels: torch.Tensor) -> torch.Tensor:
        """Decoder inputs from targets: the start token, then the targets but the last (-100 read as padding)."""
        start = torch.full_like(labels[:, :1], self.config.decoder_start_token_id)
        shifted = torch.cat([start, labels[:, :-1]], dim=1)
        return shifted.masked_fill(shifted == -100, self.config.pad_token_id)

    def prepare_decoder_input_ids_from_labels(self, labels: torch.Tensor) -> torch.Tensor:
        return self.shift_right(labels)
