"""Tiny models that tests build for themselves (nothing is downloaded): a character-level tokenizer with a chat
template, and a randomly initialised Llama, as an instruct checkpoint on disk."""

from __future__ import annotations

from pathlib import Path

CHAT_TEMPLATE = ("{% for m in messages %}<s>{{ m['role'] }}\n{{ m['content'] }}</s>\n{% endfor %}"
                 "{% if add_generation_prompt %}<s>assistant\n{% endif %}")


def write_char_tokenizer(directory: Path) -> int:
    """A character-level tokenizer with a chat template, saved to `directory`; returns its vocabulary size."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    characters = [chr(c) for c in range(32, 127)] + ["\n", "\t"]
    vocab = {token: i for i, token in enumerate(["<pad>", "<s>", "</s>", "<unk>", *characters])}
    tokenizer = Tokenizer(models.WordLevel(vocab, unk_token="<unk>"))
    tokenizer.pre_tokenizer = pre_tokenizers.Split("", "isolated")
    tokenizer.decoder = decoders.Fuse()
    wrapped = PreTrainedTokenizerFast(tokenizer_object=tokenizer, bos_token="<s>", eos_token="</s>",
                                      pad_token="<pad>", unk_token="<unk>")
    wrapped.chat_template = CHAT_TEMPLATE
    wrapped.save_pretrained(directory)
    return len(vocab)


def write_tiny_llama(directory: Path, *, hidden_size: int = 32, heads: int = 4) -> Path:
    """A randomly initialised two-layer Llama and its tokenizer in `directory`, sampling by default (a
    fresh config would decode greedily whatever temperature a request asks)."""
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    vocab_size = write_char_tokenizer(directory)
    torch.manual_seed(0)
    model = LlamaForCausalLM(LlamaConfig(
        vocab_size=vocab_size, hidden_size=hidden_size, intermediate_size=2 * hidden_size, num_hidden_layers=2,
        num_attention_heads=heads, num_key_value_heads=1, max_position_embeddings=4096, bos_token_id=1,
        eos_token_id=2, pad_token_id=0))
    model.generation_config.do_sample = True
    model.save_pretrained(directory)
    return directory
