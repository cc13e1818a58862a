"""`solver train tokenizer | pretrain | finetune | scorer`: make the project's own models."""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from pathlib import Path

from solver.commands import CommandError


def _common(parser: argparse.ArgumentParser, steps: int, lr: float, warmup: int) -> None:
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="run directory (see README)")
    parser.add_argument("--steps", type=int, default=steps)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--accumulate", type=int, default=1, help="micro-batches per optimizer step")
    parser.add_argument("--lr", type=float, default=lr, help="peak learning rate")
    parser.add_argument("--warmup", type=int, default=warmup, help="warm-up steps")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--log-every", type=int, default=10)
    parser.add_argument("--checkpoint-every", type=int, default=250)
    parser.add_argument("--save-dtype", choices=("float32", "float16", "bfloat16"), default="float32",
                        help="precision of the saved weights (float16 halves the file)")
    parser.add_argument("--resume", action="store_true", help="continue the run in --out from its last checkpoint")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("train", help="train the tokenizer, pretrain on code, fine-tune on problems")
    commands = parser.add_subparsers(dest="train_command", metavar="ACTION", required=True)

    tokenizer = commands.add_parser("tokenizer", help="train a SentencePiece tokenizer on code and statements")
    tokenizer.add_argument("--out", type=Path, required=True, metavar="DIR")
    tokenizer.add_argument("--vocab-size", type=int, default=8000)
    tokenizer.add_argument("--sources", type=Path, nargs="*", default=[], metavar="PATH",
                           help="source files or directories (.py, .cpp, .h, .java ...)")
    tokenizer.add_argument("--problems", nargs="*", default=[], metavar="SRC",
                           help="problem sources: statements and solutions (any loader path, or curriculum:...)")
    tokenizer.set_defaults(handler=run_tokenizer)

    pretrain = commands.add_parser(
        "pretrain",
        help="pretrain on source files (AlphaCode section 4.2)",
        description="Each file is split at a random pivot: the encoder reads the part before it (with 15%% of its "
        "tokens masked, for a masked-language-model loss), the decoder predicts the part after it.",
    )
    _common(pretrain, steps=2000, lr=1e-3, warmup=100)
    pretrain.add_argument("--tokenizer", type=Path, required=True, metavar="DIR")
    pretrain.add_argument("--sources", type=Path, nargs="+", required=True, metavar="PATH")
    pretrain.add_argument("--preset", default="cpu-small", help="model shape (see `solver model info`)")
    pretrain.add_argument("--mlm-probability", type=float, default=0.15)
    pretrain.add_argument("--encoder-tokens", type=int, help="longest prefix read (default: the model's limit)")
    pretrain.add_argument("--decoder-tokens", type=int, help="longest suffix written (default: the model's limit)")
    pretrain.set_defaults(handler=run_pretrain)

    finetune = commands.add_parser(
        "finetune",
        help="fine-tune on problems (AlphaCode section 4.3)",
        description="Statement to solution, with AlphaCode's metadata header: incorrect solutions are trained too, "
        "marked INCORRECT (value conditioning); logits are tempered; GOLD is optional.",
    )
    _common(finetune, steps=3000, lr=5e-4, warmup=100)
    finetune.add_argument("--problems", nargs="+", required=True, metavar="SRC",
                          help="any loader path (parquet, jsonl, Kattis, problem dirs) or curriculum:train:N, with "
                          "an optional slice and weight: SRC@START:STOP*WEIGHT (e.g. train300.jsonl@30:*2)")
    finetune.add_argument("--init", type=Path, metavar="DIR", help="start from this checkpoint (e.g. pretrained)")
    finetune.add_argument("--preset", help="or start from scratch with this shape (needs --tokenizer)")
    finetune.add_argument("--tokenizer", type=Path, metavar="DIR")
    finetune.add_argument("--tempering", type=float, default=0.2, help="divide logits by T in training")
    finetune.add_argument("--gold", action="store_true", help="use the GOLD objective")
    finetune.add_argument("--no-incorrect", action="store_true", help="skip incorrect solutions")
    finetune.add_argument("--exclude", nargs="*", default=[], metavar="NAME", help="problems to leave out")
    finetune.set_defaults(handler=run_finetune)

    scorer = commands.add_parser(
        "scorer",
        help="train the learned scorer that picks among the clusters (AlphaCode 2), from batch runs",
        description="Labels are the survivors' hidden verdicts in the runs' results.jsonl; the estimator is chosen "
        "by cross-validation over problems (1@: the first submission is correct). Writes a JSON file.",
    )
    scorer.add_argument("runs", type=Path, nargs="+", metavar="RUN_DIR", help="batch run directories")
    scorer.add_argument("--out", type=Path, required=True, metavar="FILE", help="the scorer file to write (JSON)")
    scorer.add_argument("--seed", type=int, default=0, help="seeds the split into folds")
    scorer.add_argument("--folds", type=int, default=5, help="cross-validation folds (over problems)")
    scorer.set_defaults(handler=run_scorer)


def _train_config(args: argparse.Namespace, **extra):
    from solver.train.trainer import TrainConfig

    try:
        return TrainConfig(steps=args.steps, batch_size=args.batch_size, accumulate=args.accumulate,
                           learning_rate=args.lr, warmup_steps=args.warmup, seed=args.seed, log_every=args.log_every,
                           checkpoint_every=args.checkpoint_every, save_dtype=args.save_dtype, **extra)
    except ValueError as error:
        raise CommandError(str(error)) from None


def _run(trainer) -> int:
    losses = trainer.train()
    if losses:
        print(f"trained to step {trainer.step}; last loss {losses[-1]:.4f}; checkpoint in {trainer.out / 'checkpoint'}",
              file=sys.stderr)
    return 0


def _trainer(model, tokenizer, data, config, args):
    from solver.train.trainer import Trainer

    try:
        return Trainer(model, tokenizer, data, config, args.out, resume=args.resume)
    except (FileExistsError, FileNotFoundError, ValueError) as error:
        raise CommandError(str(error)) from None


# A training source may name a slice of its problems and a weight: SRC[@START:STOP][*WEIGHT], e.g.
# `train300.jsonl@30:*2`: its problems from the 31st on (the first 30 kept apart for measuring), each seen twice.
_SOURCE = re.compile(r"^(?P<source>.+?)(?:@(?P<start>\d*):(?P<stop>\d*))?(?:\*(?P<weight>\d+))?$")


def parse_source(spec: str) -> tuple[str, slice, int]:
    """(source, slice of its problems, weight) of a training source spec (see _SOURCE)."""
    match = _SOURCE.match(spec)
    if match is None or (match["weight"] is not None and int(match["weight"]) < 1):
        raise CommandError(f"{spec!r}: expected SRC[@START:STOP][*WEIGHT] with WEIGHT ≥ 1")
    start, stop = (int(match[name]) if match[name] else None for name in ("start", "stop"))
    return match["source"], slice(start, stop), int(match["weight"] or 1)


def _load_problems(sources: list[str]):
    from problems import ProblemFormatError, load

    problems = []
    for spec in sources:
        source, part, weight = parse_source(spec)
        try:
            chosen = list(itertools.islice(load(source), part.start, part.stop))
        except ProblemFormatError as error:
            raise CommandError(str(error)) from None
        problems += chosen * weight
    return problems


def run_tokenizer(args: argparse.Namespace) -> int:
    from solver.model.tokenizer import train_tokenizer
    from solver.train.data import source_files

    if not args.sources and not args.problems:
        raise CommandError("give --sources and/or --problems to train on")
    texts: list[str] = []
    try:
        for path in source_files(args.sources):
            try:
                texts.append(path.read_text(encoding="utf-8"))
            except (UnicodeDecodeError, OSError):
                continue
    except FileNotFoundError as error:
        raise CommandError(str(error)) from None
    for problem in _load_problems(args.problems):
        texts.append(problem.description)
        texts += [s.code for s in problem.solutions + problem.incorrect_solutions]
    model_file = train_tokenizer(texts, args.out, vocab_size=args.vocab_size)
    print(f"trained {args.vocab_size} pieces on {len(texts)} texts: {model_file}", file=sys.stderr)
    return 0


def run_pretrain(args: argparse.Namespace) -> int:
    from solver.model import AlphaCodeForConditionalGeneration, CodeTokenizer
    from solver.model.config import preset
    from solver.train.data import PretrainData, source_files, tokenize_files

    try:
        tokenizer = CodeTokenizer(args.tokenizer)
        files = source_files(args.sources)
        model_config = preset(args.preset, vocab_size=tokenizer.vocab_size)
    except (FileNotFoundError, ValueError) as error:
        raise CommandError(str(error)) from None
    print(f"tokenizing {len(files)} source files", file=sys.stderr)
    arrays = tokenize_files(files, tokenizer)
    encoder_tokens = min(args.encoder_tokens or model_config.max_encoder_length, model_config.max_encoder_length)
    decoder_tokens = min(args.decoder_tokens or model_config.max_decoder_length, model_config.max_decoder_length)
    data = PretrainData(arrays, tokenizer, args.batch_size, args.seed, encoder_tokens, decoder_tokens,
                        args.mlm_probability)
    config = _train_config(args)
    model = AlphaCodeForConditionalGeneration(model_config)
    return _run(_trainer(model, tokenizer, data, config, args))


def run_finetune(args: argparse.Namespace) -> int:
    from solver.model import AlphaCodeForConditionalGeneration, CodeTokenizer
    from solver.model.checkpoint import CheckpointError, load_checkpoint
    from solver.model.config import preset
    from solver.train.data import FinetuneData, problem_examples

    if (args.init is None) == (args.preset is None):
        raise CommandError("give either --init CHECKPOINT or --preset NAME (with --tokenizer)")
    try:
        if args.init is not None:
            model, tokenizer = load_checkpoint(args.init)
        else:
            if args.tokenizer is None:
                raise CommandError("--preset needs --tokenizer")
            tokenizer = CodeTokenizer(args.tokenizer)
            model = AlphaCodeForConditionalGeneration(preset(args.preset, vocab_size=tokenizer.vocab_size))
    except (CheckpointError, FileNotFoundError, ValueError) as error:
        raise CommandError(str(error)) from None
    excluded = set(args.exclude)
    problems = [p for p in _load_problems(args.problems) if p.name not in excluded]
    skipped: list[str] = []
    examples = list(problem_examples(problems, tokenizer, model.config.max_encoder_length,
                                     model.config.max_decoder_length, incorrect=not args.no_incorrect,
                                     skipped=skipped))
    print(f"{len(examples)} examples from {len(problems)} problems ({len(skipped)} solutions too long, skipped)",
          file=sys.stderr)
    if not examples:
        raise CommandError("no training examples: the problems have no solutions in Python 3, C++ or Java")
    data = FinetuneData(examples, args.batch_size, args.seed, tokenizer.pad_id, model.config.decoder_start_token_id)
    config = _train_config(args, tempering=args.tempering, gold=args.gold)
    return _run(_trainer(model, tokenizer, data, config, args))


def run_scorer(args: argparse.Namespace) -> int:
    from solver.selection.scorer import ScorerError, train_scorer

    try:
        scorer, report = train_scorer(args.runs, seed=args.seed, folds=args.folds)
        scorer.save(args.out)
    except ScorerError as error:
        raise CommandError(str(error)) from None
    print("\n".join(report.lines()))
    print(f"wrote {args.out}", file=sys.stderr)
    return 0
