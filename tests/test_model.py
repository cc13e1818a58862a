"""The model on tiny configurations: presets, equivalences, caches, determinism, transformers integration."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import torch
import torch.nn.functional as F
from torch.overrides import TorchFunctionMode
from transformers import AutoConfig, AutoModelForSeq2SeqLM, AutoTokenizer
from transformers.cache_utils import DynamicCache, EncoderDecoderCache

from solver.model import AlphaCodeConfig, AlphaCodeForConditionalGeneration, count_parameters, preset
from solver.model.metadata import Header, HeaderPolicy, encoder_ids
from solver.model.modeling import attend, attend_plain
from solver.model.sampler import (
    HeaderVariants,
    IncrementalDecoder,
    RowCache,
    Sampler,
    SamplingConfig,
    choose_tokens,
    header_variants_option,
    uniforms,
)

# AlphaCode's Table 3, with the half-unit of the last digit it printed (1.1B means 1.05B to 1.15B).
TABLE_3 = {"alphacode-300m": (284e6, 0.5e6), "alphacode-1b": (1.1e9, 0.05e9), "alphacode-3b": (2.8e9, 0.05e9),
           "alphacode-9b": (8.7e9, 0.05e9), "alphacode-41b": (41.1e9, 0.05e9)}


def tiny(**overrides) -> AlphaCodeForConditionalGeneration:
    torch.manual_seed(0)
    return AlphaCodeForConditionalGeneration(preset("tiny", **overrides)).eval()


@pytest.mark.parametrize("name", list(TABLE_3))
def test_presets_reproduce_table_3(name):
    printed, rounding = TABLE_3[name]
    assert abs(count_parameters(preset(name)) - printed) <= max(0.03 * printed, rounding)


def test_model_info_command_reports_300m_as_json():
    done = subprocess.run([sys.executable, "-m", "solver", "model", "info", "alphacode-300m", "--json"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    info = json.loads(done.stdout)
    assert info["parameters"] == pytest.approx(284e6, rel=0.03)
    assert info["config"]["num_kv_heads"] == 1 and info["attention"] == "multi-query"


@pytest.mark.parametrize(("field", "value", "message"), [
    ("num_kv_heads", 3, "must divide num_heads"),
    ("d_model", 0, "positive integer"),
    ("position_scheme", "rotary", "must be one of"),
    ("dropout", 1.5, "must be in"),
    ("pad_token_id", 500, "below vocab_size"),
])
def test_config_names_the_bad_field(field, value, message):
    with pytest.raises(ValueError, match=f"AlphaCodeConfig.{field}: .*{message}"):
        preset("tiny", **{field: value})


@pytest.mark.parametrize("kv_heads", [1, 2, 4])
def test_fast_attention_matches_the_written_out_oracle(kv_heads):
    torch.manual_seed(1)
    q = torch.randn(3, 4, 5, 8)
    k, v = torch.randn(3, kv_heads, 7, 8), torch.randn(3, kv_heads, 7, 8)
    mask = torch.rand(3, 1, 1, 7) > 0.3
    mask[..., 0] = True
    torch.testing.assert_close(attend(q, k, v, mask), attend_plain(q, k, v, mask), atol=1e-5, rtol=1e-5)
    k5, v5 = k[:, :, :5], v[:, :, :5]
    torch.testing.assert_close(attend(q, k5, v5, causal=True), attend_plain(q, k5, v5, causal=True), atol=1e-5,
                               rtol=1e-5)
    # a causal block of 2 new queries at the end of 7 keys (the cached-decoding case)
    q2 = q[:, :, :2]
    torch.testing.assert_close(attend(q2, k, v, causal=True), attend_plain(q2, k, v, causal=True), atol=1e-5,
                               rtol=1e-5)


def batch(model, b=2, s=9, t=6):
    generator = torch.Generator().manual_seed(5)
    vocab = model.config.vocab_size
    ids = torch.randint(4, vocab, (b, s), generator=generator)
    mask = torch.ones(b, s, dtype=torch.long)
    mask[1, -3:] = 0  # a padded statement
    return ids, mask, torch.randint(4, vocab, (b, t), generator=generator)


class CountFusedAttention(TorchFunctionMode):
    """Counts calls of PyTorch's fused attention while active: which path really ran, without patching."""

    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def __torch_function__(self, func, types, args=(), kwargs=None):
        self.calls += func is F.scaled_dot_product_attention
        return func(*args, **(kwargs or {}))


def run_paths(model, ids, mask, dec) -> tuple[torch.Tensor, torch.Tensor, int]:
    """Logits of `forward` and of the sampler's decoder (row 0), and how many fused-attention calls they made."""
    with CountFusedAttention() as counter:
        logits = model(input_ids=ids, attention_mask=mask, decoder_input_ids=dec).logits
        memory = model.encoder(ids[:1]).last_hidden_state  # row 0's statement has no padding
        decoder = IncrementalDecoder(model, [memory], 1, model.config.max_decoder_length)
        steps = torch.stack([decoder.step(dec[:1, t])[0] for t in range(dec.size(1))])
    return logits, steps, counter.calls


@pytest.mark.parametrize("scheme", ["learned", "sinusoidal"])
def test_attn_implementation_switches_between_sdpa_and_the_written_out_path(scheme, tmp_path):
    tiny(position_scheme=scheme).save_pretrained(tmp_path)
    fast = AlphaCodeForConditionalGeneration.from_pretrained(tmp_path).eval()
    plain = AlphaCodeForConditionalGeneration.from_pretrained(tmp_path, attn_implementation="eager").eval()
    assert fast.config._attn_implementation == "sdpa" and plain.config._attn_implementation == "eager"
    ids, mask, dec = batch(fast)
    fast_logits, fast_steps, fast_calls = run_paths(fast, ids, mask, dec)
    plain_logits, plain_steps, plain_calls = run_paths(plain, ids, mask, dec)
    assert fast_calls > 0 and plain_calls == 0  # training, `forward` and the sampler all follow the config
    torch.testing.assert_close(fast_logits, plain_logits, atol=1e-5, rtol=1e-5)
    torch.testing.assert_close(fast_steps, plain_steps, atol=1e-5, rtol=1e-5)
    fast.set_attn_implementation("eager")  # switching after loading takes effect too
    assert run_paths(fast, ids, mask, dec)[2] == 0


def test_multi_query_equals_multi_head_with_copied_kv_heads():
    mqa = tiny(num_kv_heads=1)
    mha = AlphaCodeForConditionalGeneration(preset("tiny", num_kv_heads=4)).eval()
    state = mqa.state_dict()
    for name, tensor in state.items():
        if name.endswith(("k_proj.weight", "v_proj.weight")):
            state[name] = tensor.repeat(4, 1)  # the single K/V head, copied for each of the 4 heads
    mha.load_state_dict(state)
    ids, mask, dec = batch(mqa)
    torch.testing.assert_close(mqa(input_ids=ids, attention_mask=mask, decoder_input_ids=dec).logits,
                               mha(input_ids=ids, attention_mask=mask, decoder_input_ids=dec).logits,
                               atol=1e-5, rtol=1e-5)


@pytest.mark.parametrize("kv_heads", [1, 2, 4])
def test_cached_decoding_equals_full_recomputation(kv_heads):
    model = tiny(num_kv_heads=kv_heads)
    ids, mask, dec = batch(model)
    full = model(input_ids=ids, attention_mask=mask, decoder_input_ids=dec).logits  # (B, T, V)
    # transformers' cache, one token at a time
    memory = model.encoder(ids, mask).last_hidden_state
    cache = EncoderDecoderCache(DynamicCache(), DynamicCache())
    steps = [model.logits(model.decode(dec[:, t:t + 1], memory, mask, cache))[:, 0] for t in range(dec.size(1))]
    torch.testing.assert_close(torch.stack(steps, dim=1), full, atol=1e-5, rtol=1e-5)
    # our sampler's preallocated cache, one row per statement (unpadded statements): a token at a time, and in
    # blocks of 3 through the model's own decode
    for row in range(2):
        length = int(mask[row].sum())
        memory = model.encoder(ids[row:row + 1, :length]).last_hidden_state
        decoder = IncrementalDecoder(model, [memory], batch_size=1, max_length=model.config.max_decoder_length)
        reference = model(input_ids=ids[row:row + 1, :length], decoder_input_ids=dec[row:row + 1]).logits[0]
        logits = torch.stack([decoder.step(dec[row:row + 1, t])[0] for t in range(dec.size(1))])
        torch.testing.assert_close(logits, reference, atol=1e-5, rtol=1e-5)
        cache = RowCache(model, [memory], batch_size=1, max_length=model.config.max_decoder_length)
        blocks = [model.logits(model.decode(dec[row:row + 1, t:t + 3], cache=cache))[0] for t in (0, 3)]
        torch.testing.assert_close(torch.cat(blocks), reference, atol=1e-5, rtol=1e-5)


def test_incremental_rows_are_independent_and_share_variants():
    model = tiny()
    ids, _, dec = batch(model, b=2)
    memories = [model.encoder(ids[i:i + 1]).last_hidden_state for i in range(2)]
    decoder = IncrementalDecoder(model, memories, batch_size=3, max_length=model.config.max_decoder_length)
    decoder.reset(0, 0), decoder.reset(1, 1), decoder.reset(2, 0)
    rows = torch.stack([dec[0], dec[1], dec[1]])  # row 2: variant 0 with row 1's tokens
    logits = torch.stack([decoder.step(rows[:, t]) for t in range(dec.size(1))], dim=1)  # (3, T, V)
    for row, (memory_row, tokens) in enumerate([(0, dec[0]), (1, dec[1]), (0, dec[1])]):
        reference = model(input_ids=ids[memory_row:memory_row + 1], decoder_input_ids=tokens[None]).logits[0]
        torch.testing.assert_close(logits[row], reference, atol=1e-5, rtol=1e-5)


def headed_statements(model, tokenizer, headers, statement="Read n numbers and print their maximum."):
    """The encoder input of one statement under each header (headers of different lengths), and their memories."""
    ids = [torch.tensor([encoder_ids(tokenizer, header, statement, model.config.max_encoder_length)])
           for header in headers]
    return ids, [model.encoder(i).last_hidden_state for i in ids]


@pytest.mark.parametrize("gathered", [False, True])
def test_rows_of_different_headers_match_full_recomputation(tokenizer, gathered):
    model = tiny(vocab_size=tokenizer.vocab_size, max_encoder_length=128, max_decoder_length=24)
    headers = [Header("python3"), Header("cpp", 1200, ("dp", "greedy")), Header("python3", 800, ("math",)),
               Header("cpp", 3500, ("brute force", "constructive algorithms", "graphs"))]
    ids, memories = headed_statements(model, tokenizer, headers)
    assert len({m.size(1) for m in memories}) == 4  # statements of 4 lengths: the gathered path pads them
    dec = torch.randint(4, tokenizer.vocab_size, (4, 6), generator=torch.Generator().manual_seed(3))
    decoder = IncrementalDecoder(model, memories[:3], batch_size=4, max_length=24, capacity=4)
    decoder.cache.gather_above = 0 if gathered else 99

    def run(variant_of_row: list[int], header_of_row: list[int]) -> None:
        for row, variant in enumerate(variant_of_row):
            decoder.reset(row, variant)
        with CountFusedAttention() as counter:
            logits = torch.stack([decoder.step(dec[:, t]) for t in range(dec.size(1))], dim=1)  # (B, T, V)
        assert decoder.cache.gathered == gathered
        # One fused call per layer for self-attention, and for cross-attention one per variant, or one in all.
        cross = 1 if gathered else len(set(variant_of_row))
        assert counter.calls == dec.size(1) * model.config.decoder_layers * (1 + cross)
        for row, header in enumerate(header_of_row):
            reference = model(input_ids=ids[header], decoder_input_ids=dec[row:row + 1]).logits[0]
            torch.testing.assert_close(logits[row], reference, atol=1e-5, rtol=1e-5)

    run([0, 1, 2, 1], [0, 1, 2, 1])
    # Row 2 leaves its variant; its slot, unread, goes to a longer header; row 0 starts on it (a stale copy of the
    # slot's old variant must not be read), and the slots grow to fit.
    decoder.reset(2, 1)
    decoder.cache.remove_variant(2)
    assert decoder.cache.add_variant(memories[3]) == 2
    run([2, 1, 1, 0], [3, 1, 1, 0])


def test_header_variants_are_encoded_once_and_the_least_recently_started_unread_one_goes(tokenizer):
    model = tiny(vocab_size=tokenizer.vocab_size, max_encoder_length=128, max_decoder_length=24)
    a, b, c, d = [Header("python3", rating) for rating in (800, 900, 1000, 1100)]
    encoded: list[Header] = []

    def encode(header: Header) -> torch.Tensor:
        encoded.append(header)
        return headed_statements(model, tokenizer, [header])[1][0]

    cache = RowCache(model, [], batch_size=1, max_length=24, capacity=3)
    variants = HeaderVariants(cache, encode)
    for header in (a, b, c, a):  # the second `a` is cached: no encoder pass
        cache.reset(0, variants.variant(header))
    assert encoded == [a, b, c] and cache.readers[variants.slot_of[a]] == 1
    cache.reset(0, variants.variant(d))  # all three slots taken: b and c are unread, b was started longest ago
    assert encoded == [a, b, c, d] and set(variants.slot_of) == {a, c, d}
    with pytest.raises(RuntimeError, match="is read by 1 rows"):
        cache.remove_variant(variants.slot_of[d])


def test_a_header_per_sample_gives_the_same_samples_whatever_the_batch_size(tokenizer):
    model = tiny(vocab_size=tokenizer.vocab_size, max_encoder_length=128, max_decoder_length=24)
    sampler = Sampler(model, tokenizer)
    statement = "Read n numbers and print their maximum."
    runs = []
    for batch_size in (1, 3, 8):  # batch 8 reads its 8 variants gathered per row, the others in place
        config = SamplingConfig(batch_size=batch_size, seed=11, header_variants=None, top_p=0.95)
        runs.append(sorted(sampler.sample(statement, 10, config), key=lambda s: s.index))
    for run in runs[1:]:
        assert [(s.token_ids, s.header) for s in run] == [(s.token_ids, s.header) for s in runs[0]]
    policy = SamplingConfig().policy
    assert [s.header for s in runs[0]] == [policy.draw_for(11, i) for i in range(10)]
    assert len({s.header for s in runs[0]}) == 10 and len({s.token_ids for s in runs[0]}) > 1
    # A run of many samples holds a batch's worth of variants, not one per sample.
    assert sampler.header_plan(1000, SamplingConfig(header_variants=None), 64)[1] == 80


def test_a_narrow_header_policy_per_sample_repeats_its_few_headers(tokenizer):
    model = tiny(vocab_size=tokenizer.vocab_size, max_encoder_length=128, max_decoder_length=24)
    policy = HeaderPolicy(rating_range=(1200, 1200), tags=())
    config = SamplingConfig(batch_size=4, seed=5, header_variants=None, policy=policy, max_new_tokens=6)
    samples = list(Sampler(model, tokenizer).sample("Print 1.", 12, config))
    assert sorted(s.index for s in samples) == list(range(12))
    assert {s.header for s in samples} == {Header("python3", 1200), Header("cpp", 1200)}


def test_header_variants_option():
    assert header_variants_option("per-sample") is None and header_variants_option(None) is None
    assert header_variants_option("16") == 16 and header_variants_option(3) == 3
    for bad in ("some", "1.5", "0", 0, True, 2.0):
        with pytest.raises(ValueError, match="SamplingConfig.header_variants"):
            header_variants_option(bad)
    assert SamplingConfig(header_variants=None).header_variants is None
    with pytest.raises(ValueError, match="SamplingConfig.header_variants"):
        SamplingConfig(header_variants=0)


def test_sample_command_takes_per_sample_headers(tmp_path):
    import argparse

    from solver.commands.model import sampling_config

    args = argparse.Namespace(language=None, rating=None, temperature=0.8, top_k=0, top_p=1.0, batch_size=4,
                              max_new_tokens=None, seed=0, header_variants="per-sample")
    assert sampling_config(args).header_variants is None
    done = subprocess.run([sys.executable, "-m", "solver", "sample", "--problem", str(tmp_path), "-n", "2",
                           "--out", str(tmp_path / "x.jsonl"), "--header-variants", "many"],
                          capture_output=True, text=True)
    assert done.returncode == 2 and "--header-variants: must be a whole number ≥ 1 or 'per-sample'" in done.stderr
    assert "Traceback" not in done.stderr


def test_generate_follows_its_cache():
    model = tiny()
    ids, _, _ = batch(model)
    greedy = model.generate(ids, max_new_tokens=8, do_sample=False, min_new_tokens=8)
    # the same search by hand: the whole program recomputed at every step
    tokens = torch.full((ids.size(0), 1), model.config.decoder_start_token_id)
    for _ in range(8):
        logits = model(input_ids=ids, decoder_input_ids=tokens).logits[:, -1]
        logits[:, model.config.eos_token_id] = float("-inf")  # what min_new_tokens does
        tokens = torch.cat([tokens, logits.argmax(dim=-1, keepdim=True)], dim=1)
    assert torch.equal(greedy, tokens)


def test_save_and_load_round_trip(tmp_path):
    model = tiny(tie_word_embeddings=False)
    model.save_pretrained(tmp_path / "checkpoint")
    assert (tmp_path / "checkpoint" / "model.safetensors").is_file()
    loaded = AutoModelForSeq2SeqLM.from_pretrained(tmp_path / "checkpoint").eval()
    assert isinstance(loaded, AlphaCodeForConditionalGeneration)
    assert AutoConfig.from_pretrained(tmp_path / "checkpoint").num_kv_heads == 1
    ids, mask, dec = batch(model)
    assert torch.equal(model(input_ids=ids, attention_mask=mask, decoder_input_ids=dec).logits,
                       loaded(input_ids=ids, attention_mask=mask, decoder_input_ids=dec).logits)


def test_generate_greedy_and_sampling(tokenizer):
    model = tiny(vocab_size=tokenizer.vocab_size, max_encoder_length=128)
    header = Header("python3")
    ids = torch.tensor([encoder_ids(tokenizer, header, "Print the sum of two numbers.", 128)])
    greedy = model.generate(ids, max_new_tokens=10, do_sample=False)
    assert greedy.shape[1] <= 11 and greedy[0, 0] == model.config.decoder_start_token_id
    sampled = model.generate(ids, max_new_tokens=10, do_sample=True, top_k=20, num_return_sequences=3)
    assert sampled.shape[0] == 3
    # our sampler with top-k 1 is greedy decoding: it must agree with transformers' greedy search
    ours = next(Sampler(model, tokenizer).sample("Print the sum of two numbers.", 1, SamplingConfig(
        top_k=1, max_new_tokens=10, policy=HeaderPolicy(fixed=header))))
    expected = [t for t in greedy[0, 1:].tolist() if t != tokenizer.eos_id]
    assert list(ours.token_ids) == expected[: len(ours.token_ids)]


def test_batch_gives_the_same_samples_as_one_at_a_time(tokenizer):
    model = tiny(vocab_size=tokenizer.vocab_size, max_encoder_length=128, max_decoder_length=24)
    sampler = Sampler(model, tokenizer)
    statement = "Read n numbers and print their maximum."
    runs = []
    for batch_size in (1, 3, 8):
        config = SamplingConfig(batch_size=batch_size, seed=11, header_variants=3, top_p=0.95)
        runs.append(sorted(sampler.sample(statement, 8, config), key=lambda s: s.index))
    for run in runs[1:]:
        assert [(s.token_ids, s.header) for s in run] == [(s.token_ids, s.header) for s in runs[0]]
    assert len({s.token_ids for s in runs[0]}) > 1  # not all the same sample
    other_seed = sorted(sampler.sample(statement, 8, SamplingConfig(seed=12)), key=lambda s: s.index)
    assert [s.token_ids for s in other_seed] != [s.token_ids for s in runs[0]]


def test_samples_stream_before_the_run_ends(tokenizer):
    model = tiny(vocab_size=tokenizer.vocab_size, max_encoder_length=128, max_decoder_length=24)
    stream = Sampler(model, tokenizer).sample("Print 1.", 20, SamplingConfig(batch_size=4, max_new_tokens=5))
    first = next(stream)
    assert len(first.token_ids) <= 5
    assert len([first, *stream]) == 20


def test_choose_tokens_filters():
    logits = torch.tensor([[0.0, 1.0, 2.0, 3.0]] * 3)
    u = torch.tensor([0.0, 0.5, 0.999])
    assert choose_tokens(logits, u, 1.0, top_k=1, top_p=1.0).tolist() == [3, 3, 3]
    assert set(choose_tokens(logits, u, 1.0, top_k=2, top_p=1.0).tolist()) <= {2, 3}
    assert choose_tokens(logits, u, 1.0, top_k=0, top_p=0.5).tolist() == [3, 3, 3]  # 3 alone holds 64%
    assert choose_tokens(logits[:1], torch.tensor([0.0]), 1.0, 0, 1.0).tolist() == [0]  # vocabulary order
    assert choose_tokens(logits[:1], torch.tensor([0.999]), 1.0, 0, 1.0).tolist() == [3]


def test_uniforms_are_a_pure_function_of_seed_sample_and_step():
    a = uniforms(7, torch.tensor([0, 1, 2]), torch.tensor([5, 5, 5]))
    b = uniforms(7, torch.tensor([2, 1, 0]), torch.tensor([5, 5, 5]))
    assert a.tolist() == b.flip(0).tolist() and len(set(a.tolist())) == 3 and all(0 <= x < 1 for x in a.tolist())
    assert uniforms(8, torch.tensor([0]), torch.tensor([5]))[0] != a[0]


def splitmix64_uniform(seed: int, sample: int, step: int) -> float:
    """The reference: splitmix64 mixing in Python's unbounded integers, reduced modulo 2^64 by hand."""
    m = (1 << 64) - 1
    x = ((seed & m) * 0x9E3779B97F4A7C15 + sample * 0xD1B54A32D192ED03 + step * 0x94D049BB133111EB) & m
    x ^= x >> 30
    x = (x * 0xBF58476D1CE4E5B9) & m
    x ^= x >> 27
    x = (x * 0x94D049BB133111EB) & m
    x ^= x >> 31
    return (x >> 11) / float(1 << 53)


def test_uniforms_are_splitmix64_bit_for_bit():
    triples = [(0, 0, 0), (1, 2, 3), (7, 1000, 767), (2**63 - 1, 2**40 + 3, 12345), (2**64 - 1, 2**62, 2**62 + 1),
               (-1, 5, 9), (123456789123456789, 2**63 - 1, 2**63 - 1), (2**70 + 11, 31, 0)]
    for seed, sample, step in triples:
        got = uniforms(seed, torch.tensor([sample]), torch.tensor([step]))
        assert got.dtype == torch.float64 and got.item() == splitmix64_uniform(seed, sample, step)


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
def test_sampler_follows_the_model_dtype(tokenizer, dtype):
    model = tiny(vocab_size=tokenizer.vocab_size, max_encoder_length=128, max_decoder_length=24).to(dtype)
    decoder = IncrementalDecoder(model, [model.encoder(torch.tensor([[5, 6, 7]])).last_hidden_state], 2, 24)
    assert decoder.cache.keys[0].dtype == dtype and decoder.step(torch.tensor([2, 2])).dtype == torch.float32
    samples = list(Sampler(model, tokenizer).sample("Print 1.", 5, SamplingConfig(batch_size=2, max_new_tokens=6)))
    assert sorted(s.index for s in samples) == list(range(5))
    assert all(len(s.token_ids) <= 6 and s.logprob <= 0 for s in samples)


def test_header_policy_and_encoder_input(tokenizer):
    import random

    policy = HeaderPolicy(languages={"python3": 1.0, "cpp": 1.0}, rating_range=(800, 1600))
    headers = [policy.draw(random.Random(i)) for i in range(50)]
    assert {h.language for h in headers} == {"python3", "cpp"}
    assert all(800 <= h.rating <= 1600 and h.rating % 100 == 0 and len(h.tags) <= 3 for h in headers)
    fixed = Header("cpp", 1200, ("dp",), correct=False)
    assert HeaderPolicy(fixed=fixed).draw(random.Random(0)) == fixed
    ids = encoder_ids(tokenizer, fixed, "x" * 500, 64)
    assert len(ids) == 64 and ids[0] == tokenizer.control["<rating>"]
    assert tokenizer.control["<incorrect>"] in ids and tokenizer.control["<statement>"] in ids
    with pytest.raises(ValueError, match="Header.language"):
        Header("rust")


def test_transformers_tokenizer_wrapper(tokenizer, tmp_path):
    from solver.model import AlphaCodeTokenizer

    wrapped = AlphaCodeTokenizer(str(tokenizer.model_file))
    text = "for i in range(3):\n\tprint(i)  # ✓ ▁\n"
    ids = wrapped(text, add_special_tokens=False)["input_ids"]
    assert ids == tokenizer.encode(text)
    assert wrapped.decode(ids) == text
    assert wrapped.eos_token_id == tokenizer.eos_id and wrapped.pad_token_id == tokenizer.pad_id
    model = tiny(vocab_size=tokenizer.vocab_size)
    model.save_pretrained(tmp_path)
    wrapped.save_pretrained(tmp_path)
    again = AutoTokenizer.from_pretrained(tmp_path)
    assert type(again).__name__ == "AlphaCodeTokenizer" and again.decode(ids) == text


def test_config_is_a_transformers_config():
    config = AlphaCodeConfig(d_model=64, num_heads=4, num_kv_heads=2)
    assert config.head_dim == 16 and config.attention_kind == "grouped-query"
    assert AlphaCodeConfig.from_dict(config.to_dict()).num_kv_heads == 2
