"""Sampling speed: multi-query against multi-head attention, and our sampler against transformers' generate.

One ~10M-parameter model (the `cpu-bench` preset: d_model 256, 8 query heads, 2 encoder and 6 decoder layers)
with 1 key/value head, and its twin with 8, on a 384-token statement, at batch sizes 1, 64 and 256 (and 1024 on a
GPU); then our sampler against `model.generate` (sampling, the same number of sequences) on the same weights. The
weights are untrained, so nearly every sample runs to the token limit; speed is counted in tokens actually decoded.
A tokenizer of 8,000 pieces is trained on the standard library first (about a minute).

`--device cuda` runs the same table on a GPU, in the dtype the sampler gets there (bfloat16, or float16 where the
GPU lacks it), with the GPU synchronised before every clock reading.

Where the ratio comes from: the time of one decoding step of the largest batch with every row's cache at a given
length (`--step-lengths`, up to AlphaCode's 768 decoder tokens), for both models. The two share everything but
the self-attention cache, so the step ratio at length T bounds the ratio of any decode of at most T tokens.

The last line is one JSON object with the figures.

    python bench/sampling.py [--device cpu|cuda] [--new-tokens 256] [--batches 1,64,256]
                             [--step-lengths 64,256,512,767]
"""

from __future__ import annotations

import argparse
import json
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

import torch

from solver.model import AlphaCodeForConditionalGeneration, CodeTokenizer, preset
from solver.model.checkpoint import default_dtype, resolve_device
from solver.model.metadata import Header, HeaderPolicy, encoder_ids
from solver.model.sampler import IncrementalDecoder, Sampler, SamplingConfig
from solver.model.tokenizer import train_tokenizer

STATEMENT_TOKENS = 384
HEADER = Header("python3")


def build(kv_heads: int, vocab: int, device: torch.device) -> AlphaCodeForConditionalGeneration:
    torch.manual_seed(0)
    model = AlphaCodeForConditionalGeneration(preset("cpu-bench", num_kv_heads=kv_heads, vocab_size=vocab))
    return model.to(device, default_dtype(device)).eval()


def clock(device: torch.device) -> float:
    """Seconds, read once the device has finished what it was given (a GPU runs behind the host)."""
    if device.type == "cuda":
        torch.cuda.synchronize(device)
    return time.perf_counter()


def tokenizer_and_statement(folder: Path) -> tuple[CodeTokenizer, str]:
    """An 8,000-piece tokenizer trained on part of the standard library, and a statement of 384 tokens."""
    files = sorted(Path(sysconfig.get_paths()["stdlib"]).glob("*.py"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    train_tokenizer(texts, folder, vocab_size=8000)
    tokenizer = CodeTokenizer(folder)
    body = STATEMENT_TOKENS - len(encoder_ids(tokenizer, HEADER, "", 10_000))
    statement = tokenizer.decode(tokenizer.encode(texts[0] * 4)[:body])
    return tokenizer, statement


def run_sampler(sampler: Sampler, statement: str, samples: int, batch: int, new_tokens: int) -> tuple[float, int]:
    """Our sampler: the statement encoded once, shared cross K/V, preallocated cache, continuous batching."""
    config = SamplingConfig(batch_size=batch, max_new_tokens=new_tokens, policy=HeaderPolicy(fixed=HEADER))
    device = sampler.model.device
    start = clock(device)
    tokens = sum(len(s.token_ids) + s.finished for s in sampler.sample(statement, samples, config))
    return clock(device) - start, tokens


@torch.no_grad()
def run_generate(model, ids: torch.Tensor, samples: int, new_tokens: int) -> tuple[float, int]:
    start = clock(model.device)
    out = model.generate(ids, do_sample=True, temperature=0.8, max_new_tokens=new_tokens,
                         num_return_sequences=samples, pad_token_id=0)
    seconds = clock(model.device) - start
    return seconds, int((out[:, 1:] != 0).sum())


def step_decoder(model, ids: torch.Tensor, batch: int) -> IncrementalDecoder:
    """The sampler's decoder for `batch` rows, its caches preallocated to the model's full decoder length."""
    with torch.no_grad():
        memory = model.encoder(ids).last_hidden_state
    return IncrementalDecoder(model, [memory], batch, model.config.max_decoder_length)


def step_seconds(decoder: IncrementalDecoder, length: int, repeats: int) -> float:
    """Seconds of one decoding step with every row's cache holding `length` tokens (the fastest of a few)."""
    device = decoder.position.device
    tokens = torch.zeros(len(decoder.position), dtype=torch.long, device=device)
    times = []
    for _ in range(max(1, repeats) + 1):  # the first step warms up
        for row in range(len(tokens)):
            decoder.reset(row, position=length)
        start = clock(device)
        decoder.step(tokens)
        times.append(clock(device) - start)
    return min(times[1:])


def best(repeats: int, run, *args) -> tuple[float, int]:
    """The fastest of several runs (seconds, tokens): the usual guard against a machine's passing noise."""
    return min((run(*args) for _ in range(max(1, repeats))), key=lambda result: result[0] / max(result[1], 1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--device", default="cpu", help="cpu or cuda (or cuda:N, auto)")
    parser.add_argument("--new-tokens", type=int, default=256, help="tokens decoded per sample")
    parser.add_argument("--batches", help="batch sizes, comma separated (default: 1,64,256; with CUDA also 1024)")
    parser.add_argument("--step-lengths", default="64,256,512,767",
                        help="cache lengths at which one decoding step of the largest batch is timed ('' = none)")
    parser.add_argument("--repeats", type=int, default=2, help="runs of each measurement; the fastest counts")
    args = parser.parse_args()
    try:
        device = resolve_device(args.device)
    except ValueError as error:
        parser.error(f"--device: {error}")
    batches = [int(b) for b in (args.batches or ("1,64,256,1024" if device.type == "cuda" else "1,64,256")).split(",")]
    lengths = [int(t) for t in args.step_lengths.split(",") if t.strip()]
    limit = preset("cpu-bench").max_decoder_length
    if any(not 0 <= length < limit for length in lengths):
        parser.error(f"--step-lengths: every length must be in 0..{limit - 1}, got {args.step_lengths!r}")
    figures: dict[str, float | str] = {"new_tokens": args.new_tokens, "statement_tokens": STATEMENT_TOKENS,
                                       "threads": torch.get_num_threads(), "device": str(device)}
    with tempfile.TemporaryDirectory() as folder:
        tokenizer, statement = tokenizer_and_statement(Path(folder))
    models = {"mqa": build(1, tokenizer.vocab_size, device), "mha": build(8, tokenizer.vocab_size, device)}
    samplers = {name: Sampler(model, tokenizer) for name, model in models.items()}
    for name, model in models.items():
        c = model.config
        figures[f"{name}_parameters"] = sum(p.numel() for p in model.parameters())
        # Self-attention cache per sample at full length: what multi-query attention shrinks.
        figures[f"{name}_kv_cache_bytes_per_sample"] = c.decoder_layers * 2 * c.num_kv_heads * c.head_dim * \
            c.max_decoder_length * model.dtype.itemsize
    print(f"on {device} in {models['mqa'].dtype}")
    print(f"{'attention':<10} {'batch':>5} {'samples':>7} {'seconds':>8} {'tokens/s':>9} {'samples/s':>9}")
    for batch in batches:
        samples = max(batch, 2)
        for name in models:
            seconds, tokens = best(args.repeats, run_sampler, samplers[name], statement, samples, batch,
                                   args.new_tokens)
            figures[f"{name}_tokens_per_s_at_{batch}"] = round(tokens / seconds, 1)
            figures[f"{name}_samples_per_s_at_{batch}"] = round(samples / seconds, 3)
            print(f"{name:<10} {batch:>5} {samples:>7} {seconds:>8.2f} {tokens / seconds:>9.1f} "
                  f"{samples / seconds:>9.3f}", flush=True)
        figures[f"mqa_over_mha_at_{batch}"] = round(
            figures[f"mqa_tokens_per_s_at_{batch}"] / figures[f"mha_tokens_per_s_at_{batch}"], 2)
        print(f"  multi-query over multi-head at batch {batch}: {figures[f'mqa_over_mha_at_{batch}']}x", flush=True)

    ids = torch.tensor([encoder_ids(tokenizer, HEADER, statement, STATEMENT_TOKENS)], device=device)
    batch = max(batches)
    if lengths:
        print(f"one decoding step at batch {batch}, every row's cache at length T (milliseconds):")
    decoders = {name: step_decoder(model, ids, batch) for name, model in models.items()} \
        if lengths else {}
    for length in lengths:
        ms = {name: 1000 * step_seconds(decoder, length, 5 * args.repeats) for name, decoder in decoders.items()}
        figures[f"mqa_step_ms_at_length_{length}"] = round(ms["mqa"], 2)
        figures[f"mha_step_ms_at_length_{length}"] = round(ms["mha"], 2)
        figures[f"mqa_over_mha_step_at_length_{length}"] = round(ms["mha"] / ms["mqa"], 2)
        print(f"  T={length:<4} mqa {ms['mqa']:7.1f}  mha {ms['mha']:7.1f}  ratio {ms['mha'] / ms['mqa']:.2f}x",
              flush=True)
    del decoders  # their caches: 2.4 GB for the multi-head model at batch 256 in float32

    # Ours against transformers' generate, same weights (multi-query), same number of sequences and tokens.
    samples = 64 if 64 in batches else batches[-1]
    ours_seconds, ours_tokens = best(args.repeats, run_sampler, samplers["mqa"], statement, samples, samples,
                                     args.new_tokens)
    theirs_seconds, theirs_tokens = best(args.repeats, run_generate, models["mqa"], ids, samples, args.new_tokens)
    figures["sampler_tokens_per_s"] = round(ours_tokens / ours_seconds, 1)
    figures["generate_tokens_per_s"] = round(theirs_tokens / theirs_seconds, 1)
    figures["sampler_over_generate"] = round((ours_tokens / ours_seconds) / (theirs_tokens / theirs_seconds), 2)
    print(f"sampler {figures['sampler_tokens_per_s']} tokens/s vs transformers generate "
          f"{figures['generate_tokens_per_s']} tokens/s ({samples} sequences): {figures['sampler_over_generate']}x")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
