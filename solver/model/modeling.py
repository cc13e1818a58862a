"""The AlphaCode model in PyTorch, top to bottom: norm → attention → MLP → blocks → encoder → decoder → model.

An encoder-decoder transformer (pre-norm, no biases) whose attention lets many query heads share fewer key/value
heads: one for multi-query attention, a divisor of the query heads for grouped attention, all of them for
standard multi-head attention. Scaled-dot-product attention from PyTorch is the fast path; `attend_plain`, which
writes the arithmetic out, is kept as the test oracle.

The model is a transformers `PreTrainedModel` with `GenerationMixin`, so `save_pretrained`, `from_pretrained` and
`generate` work through the standard API (with transformers' `EncoderDecoderCache`). `solver.model.sampler` has
its own faster decoding loop built from the same modules.
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn
from transformers import GenerationMixin, PreTrainedModel
from transformers.cache_utils import Cache, DynamicCache, EncoderDecoderCache
from transformers.modeling_outputs import BaseModelOutput, Seq2SeqLMOutput

from solver.model.config import AlphaCodeConfig


def attend_plain(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, mask: torch.Tensor | None = None,
                 causal: bool = False) -> torch.Tensor:
    """Attention written out: the reference every faster path must match.

    q: (B, H, Tq, D); k, v: (B, Hkv, Tk, D) with H a multiple of Hkv; mask: bool, broadcastable to (B, H, Tq, Tk),
    True where attending is allowed. Returns (B, H, Tq, D).
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
        scores = scores.masked_fill(~mask, float("-inf"))
    return scores.softmax(dim=-1) @ v  # (B, H, Tq, D)


def attend(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, mask: torch.Tensor | None = None,
           causal: bool = False, dropout: float = 0.0) -> torch.Tensor:
    """The fast path: PyTorch's fused attention, told that K/V heads are shared (no copies of K/V are made)."""
    if causal and mask is None and q.size(-2) != k.size(-2):
        # A causal block of new queries at the end of a longer key sequence: SDPA's is_causal aligns to the top.
        tq, tk = q.size(-2), k.size(-2)
        mask = torch.ones(tq, tk, dtype=torch.bool, device=q.device).tril(tk - tq)
        causal = False
    return F.scaled_dot_product_attention(q, k, v, attn_mask=mask, dropout_p=dropout, is_causal=causal,
                                          enable_gqa=q.size(1) != k.size(1))


class Attention(nn.Module):
    """Multi-query, grouped or multi-head attention, for self-attention or for cross-attention."""

    def __init__(self, config: AlphaCodeConfig) -> None:
        super().__init__()
        self.num_heads = config.num_heads
        self.num_kv_heads = config.num_kv_heads
        self.head_dim = config.head_dim
        self.dropout = config.dropout
        self.q_proj = nn.Linear(config.d_model, config.num_heads * config.head_dim, bias=False)
        self.k_proj = nn.Linear(config.d_model, config.num_kv_heads * config.head_dim, bias=False)
        self.v_proj = nn.Linear(config.d_model, config.num_kv_heads * config.head_dim, bias=False)
        self.o_proj = nn.Linear(config.num_heads * config.head_dim, config.d_model, bias=False)
        self.use_sdpa = True

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

    def forward(self, x: torch.Tensor, k: torch.Tensor, v: torch.Tensor, mask: torch.Tensor | None = None,
                causal: bool = False) -> torch.Tensor:
        q = self.queries(x)  # (B, H, Tq, D)
        if self.use_sdpa:
            o = attend(q, k, v, mask, causal, self.dropout if self.training else 0.0)
        else:
            o = attend_plain(q, k, v, mask, causal)
        return self.output(o)  # (B, Tq, C)


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
    def __init__(self, config: AlphaCodeConfig) -> None:
        super().__init__()
        self.ln1, self.self_attn = norm(config), Attention(config)
        self.ln2, self.cross_attn = norm(config), Attention(config)
        self.ln3, self.mlp = norm(config), MLP(config)
        self.dropout = nn.Dropout(config.dropout)


def positions_table(config: AlphaCodeConfig, length: int) -> nn.Module:
    """Learned absolute positions, or fixed sinusoids (no parameters)."""
    if config.position_scheme == "learned":
        return nn.Embedding(length, config.d_model)
    return SinusoidalPositions(length, config.d_model)


class SinusoidalPositions(nn.Module):
    def __init__(self, length: int, dim: int) -> None:
        super().__init__()
        position = torch.arange(length).unsqueeze(1)  # (L, 1)
        frequency = torch.exp(torch.arange(0, dim, 2) * (-math.log(10000.0) / dim))  # (dim/2,)
        table = torch.zeros(length, dim)
        table[:, 0::2] = torch.sin(position * frequency)
        table[:, 1::2] = torch.cos(position * frequency[: dim // 2])
        self.register_buffer("table", table, persistent=False)

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

    def _init_weights(self, module: nn.Module) -> None:
        std = self.config.initializer_range
        if isinstance(module, (nn.Linear, nn.Embedding)):
            nn.init.normal_(module.weight, mean=0.0, std=std)
        elif isinstance(module, nn.LayerNorm):
            nn.init.ones_(module.weight)


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

    def set_sdpa(self, enabled: bool) -> None:
        """Fused attention (default) or the written-out reference path, everywhere in the model."""
        for module in self.modules():
            if isinstance(module, Attention):
                module.use_sdpa = enabled

    def logits(self, hidden: torch.Tensor) -> torch.Tensor:
        weight = self.encoder.embed_tokens.weight if self.lm_head is None else self.lm_head.weight
        return hidden @ weight.T  # (B, T, V)

    def embed_decoder(self, tokens: torch.Tensor, positions: torch.Tensor) -> torch.Tensor:
        if int(positions.max()) >= self.config.max_decoder_length:
            raise ValueError(f"decoder position beyond max_decoder_length {self.config.max_decoder_length}")
        return self.dropout(self.encoder.embed_tokens(tokens) + self.decoder_positions(positions))  # (B, T, C)

    def decode(
        self,
        decoder_input_ids: torch.Tensor,
        encoder_hidden_states: torch.Tensor,
        encoder_attention_mask: torch.Tensor | None = None,
        past_key_values: EncoderDecoderCache | None = None,
    ) -> torch.Tensor:
        """Decoder hidden states for new tokens, appending to `past_key_values` when given."""
        past = 0 if past_key_values is None else past_key_values.self_attention_cache.get_seq_length()
        t = decoder_input_ids.size(1)
        x = self.embed_decoder(decoder_input_ids, torch.arange(past, past + t, device=decoder_input_ids.device))
        cross_mask = None
        if encoder_attention_mask is not None:
            cross_mask = encoder_attention_mask.bool()[:, None, None, :]  # (B, 1, 1, S)
        for index, block in enumerate(self.decoder_blocks):
            h = block.ln1(x)
            k, v = block.self_attn.keys_values(h)  # (B, Hkv, t, D)
            if past_key_values is not None:
                k, v = past_key_values.self_attention_cache.update(k, v, index)  # (B, Hkv, past + t, D)
            x = x + block.dropout(block.self_attn(h, k, v, causal=True))
            h = block.ln2(x)
            if past_key_values is not None and past_key_values.is_updated.get(index):
                layer = past_key_values.cross_attention_cache.layers[index]
                k, v = layer.keys, layer.values  # computed from the encoder once, at the first step
            else:
                k, v = block.cross_attn.keys_values(encoder_hidden_states)  # (B, Hkv, S, D)
                if past_key_values is not None:
                    past_key_values.cross_attention_cache.update(k, v, index)
                    past_key_values.is_updated[index] = True
            x = x + block.dropout(block.cross_attn(h, k, v, cross_mask))
            x = x + block.mlp(block.ln3(x))  # (B, t, C)
        return self.decoder_ln_f(x)

    def forward(
        self,
        input_ids: torch.Tensor | None = None,
        attention_mask: torch.Tensor | None = None,
        decoder_input_ids: torch.Tensor | None = None,
        encoder_outputs: BaseModelOutput | tuple | None = None,
        past_key_values: Cache | None = None,
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
        if use_cache and past_key_values is None:
            past_key_values = EncoderDecoderCache(DynamicCache(), DynamicCache())
        hidden = self.decode(decoder_input_ids, encoder_outputs.last_hidden_state, attention_mask,
                             past_key_values if use_cache or past_key_values is not None else None)
        logits = self.logits(hidden)  # (B, T, V)
        loss = None
        if labels is not None:
            loss = F.cross_entropy(logits.flatten(0, 1), labels.flatten(), ignore_index=-100)
        return Seq2SeqLMOutput(loss=loss, logits=logits, past_key_values=past_key_values,
                               encoder_last_hidden_state=encoder_outputs.last_hidden_state)

    def shift_right(self, labels: torch.Tensor) -> torch.Tensor:
        """Decoder inputs from targets: the start token, then the targets but the last (-100 read as padding)."""
        start = torch.full_like(labels[:, :1], self.config.decoder_start_token_id)
        shifted = torch.cat([start, labels[:, :-1]], dim=1)
        return shifted.masked_fill(shifted == -100, self.config.pad_token_id)

    def prepare_decoder_input_ids_from_labels(self, labels: torch.Tensor) -> torch.Tensor:
        return self.shift_right(labels)
