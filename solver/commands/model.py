"""`solver model info` and `solver sample`: inspect a model, and draw programs from one."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sandbox.languages import LANGUAGES
from solver.commands import CommandError


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("model", help="inspect model configurations and checkpoints")
    commands = parser.add_subparsers(dest="model_command", metavar="ACTION", required=True)
    info = commands.add_parser(
        "info",
        help="configuration and parameter count of a preset or checkpoint directory",
        description="Print a model's configuration and parameter count. The count is computed without allocating "
        "weights, so even alphacode-41b works on a laptop.",
    )
    info.add_argument("model", metavar="PRESET|DIR")
    info.add_argument("--json", action="store_true", help="print one JSON object (with a `parameters` field)")
    info.set_defaults(handler=run_info)
    register_sample(sub)


def load_config(name: str):
    from solver.model import AlphaCodeConfig
    from solver.model.config import PRESETS, preset

    if name in PRESETS:
        return preset(name)
    path = Path(name)
    if not (path / "config.json").is_file():
        raise CommandError(f"{name!r} is neither a preset ({', '.join(PRESETS)}) nor a checkpoint directory")
    try:
        return AlphaCodeConfig.from_pretrained(path)
    except (ValueError, OSError) as error:
        raise CommandError(f"{path / 'config.json'}: {error}") from None


def run_info(args: argparse.Namespace) -> int:
    from solver.model import count_parameters

    config = load_config(args.model)
    parameters = count_parameters(config)
    fields = ("vocab_size", "d_model", "num_heads", "num_kv_heads", "head_dim", "encoder_layers", "decoder_layers",
              "d_ff", "max_encoder_length", "max_decoder_length", "dropout", "position_scheme", "tie_word_embeddings")
    values = {name: getattr(config, name) for name in fields}
    if args.json:
        print(json.dumps({"model": args.model, "parameters": parameters, "attention": config.attention_kind,
                          "config": values}))
        return 0
    print(f"{args.model}: {parameters:,} parameters ({parameters / 1e6:.1f}M), {config.attention_kind} attention")
    for name, value in values.items():
        print(f"  {name:<20} {value}")
    return 0



def register_sample(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "sample",
        help="sample programs for a problem and write them as JSON Lines",
        description="Draw N programs for a problem with the batched sampler; each line of FILE.jsonl is one "
        "sample, written as soon as it is finished.",
    )
    parser.add_argument("--problem", type=Path, required=True, metavar="PATH", help="any problem source")
    parser.add_argument("--name", help="which problem, when PATH holds several")
    parser.add_argument("-n", type=int, required=True, metavar="N", help="number of samples")
    parser.add_argument("--model", type=Path, metavar="DIR",
                        help="checkpoint directory (default: the shipped one, solver/checkpoints/alphacode-cpu)")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.jsonl")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--temperature", type=float, default=1.3)
    parser.add_argument("--top-k", type=int, default=0)
    parser.add_argument("--top-p", type=float, default=1.0)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--max-new-tokens", type=int)
    parser.add_argument("--language", choices=LANGUAGES,
                        help="fix the language (default: AlphaCode's random split between python3 and cpp)")
    parser.add_argument("--rating", type=int, help="fix the rating in the header (default: random, 800 to 3500)")
    parser.add_argument("--header-variants", default="8", metavar="N|per-sample",
                        help="N distinct random headers, each one pass of the encoder, sample i reading header i %% N "
                        "(default: 8); per-sample: a header drawn for each sample, as AlphaCode did, each distinct "
                        "header encoded once")
    parser.add_argument("--device", default="auto", metavar="auto|cpu|cuda",
                        help="where the model runs (default: auto, a GPU when there is one; also cuda:N); on a GPU it "
                        "runs in bfloat16 (float16 where the GPU lacks it)")
    parser.set_defaults(handler=run_sample)


def sampling_config(args: argparse.Namespace):
    """A SamplingConfig from command-line arguments (shared by the commands that sample)."""
    from solver.model.metadata import HeaderPolicy
    from solver.model.sampler import SamplingConfig, header_variants_option

    try:
        languages = {args.language: 1.0} if args.language else {"python3": 0.5, "cpp": 0.5}
        rating_range = (args.rating, args.rating) if args.rating else (800, 3500)
        policy = HeaderPolicy(languages=languages, rating_range=rating_range)
        return SamplingConfig(temperature=args.temperature, top_k=args.top_k, top_p=args.top_p,
                              batch_size=args.batch_size, max_new_tokens=args.max_new_tokens,
                              header_variants=header_variants_option(args.header_variants), seed=args.seed,
                              policy=policy)
    except ValueError as error:
        raise CommandError(str(error).replace("SamplingConfig.header_variants", "--header-variants")) from None


def run_sample(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from solver.commands.judge import pick_problem
    from solver.model.checkpoint import DEFAULT_CHECKPOINT, CheckpointError, load_checkpoint, resolve_device
    from solver.model.sampler import Sampler

    if args.n < 1:
        raise CommandError("-n must be at least 1")
    config = sampling_config(args)
    try:
        device = resolve_device(args.device)
    except ValueError as error:
        raise CommandError(f"--device: {error}") from None
    problem = pick_problem(args.problem, args.name)
    try:
        model, tokenizer = load_checkpoint(args.model or DEFAULT_CHECKPOINT, device)
    except (CheckpointError, OSError) as error:
        raise CommandError(str(error)) from None
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as out, tqdm(total=args.n, unit="sample", desc="sampling") as bar:
        for sample in Sampler(model, tokenizer).sample(problem.description, args.n, config):
            record = {
                "index": sample.index, "problem": problem.name, "language": sample.header.language,
                "code": sample.text, "logprob": round(sample.logprob, 4), "finished": sample.finished,
                "tokens": len(sample.token_ids),
                "header": {"rating": sample.header.rating, "tags": list(sample.header.tags),
                           "correct": sample.header.correct},
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()  # each sample is on disk as soon as it exists
            bar.update(1)
    return 0
