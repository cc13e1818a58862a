"""The model's configuration: every architectural choice in one record, validated, with AlphaCode's presets.

AlphaCode (Li et al. 2022, section 4.1 and Table 3) is an encoder-decoder transformer with a shallow encoder over
the statement and a deep decoder writing the program; queries have many heads while keys and values have one
(multi-query attention) or a few (grouped); the feed-forward width is a fixed multiple ("fan-out") of d_model;
every head has size 128; one SentencePiece vocabulary of 8,000 serves both sides.

`count_parameters` builds the model on the meta device, so even the 41B preset is counted without memory.
"""

from __future__ import annotations

from transformers import PreTrainedConfig

POSITION_SCHEMES = ("learned", "sinusoidal")


class AlphaCodeConfig(PreTrainedConfig):
    """The configuration is the model's only argument; it validates itself and names the field at fault."""

    model_type = "alphacode"
    keys_to_ignore_at_inference = ["past_key_values"]
    attribute_map = {
        "hidden_size": "d_model", "num_attention_heads": "num_heads", "num_hidden_layers": "decoder_layers",
    }

    vocab_size: int = 8000
    d_model: int = 256
    num_heads: int = 4  # query heads
    num_kv_heads: int = 1  # 1 = multi-query; a divisor of num_heads = grouped; num_heads = multi-head
    head_dim: int | None = None  # default d_model // num_heads
    encoder_layers: int = 2
    decoder_layers: int = 6
    d_ff: int = 1024
    max_encoder_length: int = 1536
    max_decoder_length: int = 768
    dropout: float = 0.0
    position_scheme: str = "learned"
    layer_norm_epsilon: float = 1e-5
    initializer_range: float = 0.02
    tie_word_embeddings: bool = True  # the output projection shares the token embedding
    # AlphaCode's tempering: training divided the logits by this; a sampling temperature of 1 reproduces the
    # trained distribution (the sampler divides by temperature * tempering).
    tempering: float = 1.0
    is_encoder_decoder: bool = True
    use_cache: bool = True
    pad_token_id: int | None = 0
    bos_token_id: int | None = 2
    eos_token_id: int | list[int] | None = 3
    decoder_start_token_id: int | None = 2

    def __post_init__(self, **kwargs):
        if self.head_dim is None:
            self.head_dim = self.d_model // self.num_heads if self.num_heads > 0 else 0
        super().__post_init__(**kwargs)
        self.check()

    def check(self) -> None:
        """Raise ValueError naming the first field with an impossible value."""

        def fail(name: str, why: str) -> None:
            raise ValueError(f"AlphaCodeConfig.{name}: {why}, got {getattr(self, name)!r}")

        for name in ("vocab_size", "d_model", "num_heads", "num_kv_heads", "head_dim", "encoder_layers",
                     "decoder_layers", "d_ff", "max_encoder_length", "max_decoder_length"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                fail(name, "must be a positive integer")
        if self.num_heads % self.num_kv_heads:
            fail("num_kv_heads", f"must divide num_heads ({self.num_heads}): 1 = multi-query, equal = multi-head")
        if not 0.0 <= self.dropout < 1.0:
            fail("dropout", "must be in [0, 1)")
        if self.position_scheme not in POSITION_SCHEMES:
            fail("position_scheme", f"must be one of {POSITION_SCHEMES}")
        if self.layer_norm_epsilon <= 0:
            fail("layer_norm_epsilon", "must be positive")
        if not self.tempering > 0:
            fail("tempering", "must be positive")
        for name in ("pad_token_id", "bos_token_id", "decoder_start_token_id"):
            value = getattr(self, name)
            if value is not None and not 0 <= value < self.vocab_size:
                fail(name, f"must be a token id below vocab_size ({self.vocab_size})")

    @property
    def attention_kind(self) -> str:
        if self.num_kv_heads == 1:
            return "multi-query"
        return "multi-head" if self.num_kv_heads == self.num_heads else "grouped-query"


def _alphacode(d_model: int, heads: int, kv_heads: int, encoder: int, decoder: int, fan_out: int) -> dict:
    # Table 3: head size 128 throughout, separate input and output embeddings, 1536 / 768 tokens.
    return dict(vocab_size=8000, d_model=d_model, num_heads=heads, num_kv_heads=kv_heads, head_dim=128,
                encoder_layers=encoder, decoder_layers=decoder, d_ff=fan_out * d_model, max_encoder_length=1536,
                max_decoder_length=768, tie_word_embeddings=False)


PRESETS: dict[str, dict] = {
    "alphacode-300m": _alphacode(768, 6, 1, 4, 24, 6),
    "alphacode-1b": _alphacode(1408, 11, 1, 5, 30, 6),
    "alphacode-3b": _alphacode(2048, 16, 1, 6, 36, 6),
    "alphacode-9b": _alphacode(3072, 24, 4, 8, 48, 6),
    "alphacode-41b": _alphacode(6144, 48, 16, 8, 56, 6),
    # Small presets for a CPU. `tiny` is for tests; `cpu-small` is the shipped checkpoint's shape.
    "tiny": dict(vocab_size=99, d_model=32, num_heads=4, num_kv_heads=1, encoder_layers=1, decoder_layers=2,
                 d_ff=64, max_encoder_length=64, max_decoder_length=32),
    "cpu-small": dict(vocab_size=8000, d_model=256, num_heads=4, num_kv_heads=1, encoder_layers=2,
                      decoder_layers=6, d_ff=1024, max_encoder_length=768, max_decoder_length=384),
    # bench/sampling.py's model: about 10M parameters (num_kv_heads 1, or 8 for its multi-head twin).
    "cpu-bench": dict(vocab_size=8000, d_model=256, num_heads=8, num_kv_heads=1, encoder_layers=2,
                      decoder_layers=6, d_ff=1024, max_encoder_length=512, max_decoder_length=768),
}


def preset(name: str, **overrides) -> AlphaCodeConfig:
    if name not in PRESETS:
        raise ValueError(f"unknown preset {name!r} (known: {', '.join(PRESETS)})")
    return AlphaCodeConfig(**{**PRESETS[name], **overrides})


def count_parameters(config: AlphaCodeConfig) -> int:
    """Parameters of the model this config describes, counted on the meta device (no memory is allocated)."""
    import torch

    from solver.model.modeling import AlphaCodeForConditionalGeneration

    with torch.device("meta"):
        model = AlphaCodeForConditionalGeneration(config)
    return sum(p.numel() for p in model.parameters())
