"""Training on tiny models: the loss falls, resumption is exact, and each AlphaCode objective does what it says."""

from __future__ import annotations

import json
import math

import pytest
import torch

from problems import Language, Problem, Solution, Test
from solver.model import AlphaCodeForConditionalGeneration, preset
from solver.model.checkpoint import load_checkpoint
from solver.train.data import Example, FinetuneData, PretrainData, collate, problem_examples, tokenize_files
from solver.train.losses import IGNORE, gold_weights, sequence_loss, token_nll
from solver.train.trainer import TrainConfig, Trainer, batch_loss, learning_rate
from tests.conftest import python_stdlib_files


def tiny_model(vocab: int) -> AlphaCodeForConditionalGeneration:
    torch.manual_seed(0)
    return AlphaCodeForConditionalGeneration(preset("tiny", vocab_size=vocab, max_encoder_length=256,
                                                    max_decoder_length=64))


def toy_problems() -> list[Problem]:
    return [
        Problem(name=f"toy-{i}", description=f"Print the number {i} plus the input.", cf_rating=800,
                cf_tags=("math",), public_tests=(Test("1\n", f"{i + 1}\n"),),
                solutions=(Solution(Language.PYTHON3, f"print(int(input()) + {i})\n"),
                           Solution(Language.CPP, f"#include <cstdio>\nint main(){{int x;scanf(\"%d\",&x);"
                                                  f"printf(\"%d\\n\",x+{i});}}\n")),
                incorrect_solutions=(Solution(Language.PYTHON3, f"print({i})\n"),))
        for i in range(6)
    ]


def finetune_data(tokenizer, batch_size=4, seed=0):
    examples = list(problem_examples(toy_problems(), tokenizer, 256, 64))
    return FinetuneData(examples, batch_size, seed, tokenizer.pad_id, tokenizer.bos_id)


def test_loss_falls_on_a_fixed_batch(tokenizer):
    model = tiny_model(tokenizer.vocab_size).train()
    batch = finetune_data(tokenizer).batch(0)
    config = TrainConfig(steps=1)
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3)
    losses = []
    for _ in range(60):
        optimizer.zero_grad()
        loss = batch_loss(model, batch, config)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    assert losses[-1] < 0.25 * losses[0]
    assert losses[-1] < min(losses[:10])


def test_resuming_continues_the_exact_same_loss_curve(tokenizer, tmp_path):
    def run(out, steps, resume=False):
        model = tiny_model(tokenizer.vocab_size)
        config = TrainConfig(steps=steps, batch_size=4, learning_rate=2e-3, warmup_steps=2, log_every=1,
                             checkpoint_every=3, seed=5)
        trainer = Trainer(model, tokenizer, finetune_data(tokenizer, seed=5), config, out, resume=resume,
                          device=torch.device("cpu"))
        return trainer.train(progress=False)

    straight = run(tmp_path / "straight", 6)
    first = run(tmp_path / "split", 3)  # checkpoints at step 3
    config = TrainConfig(steps=6, batch_size=4, learning_rate=2e-3, warmup_steps=2, log_every=1,
                         checkpoint_every=3, seed=5)
    model = tiny_model(tokenizer.vocab_size)
    trainer = Trainer(model, tokenizer, finetune_data(tokenizer, seed=5), config, tmp_path / "split", resume=True,
                      device=torch.device("cpu"))
    assert trainer.step == 3
    second = trainer.train(progress=False)
    assert first + second == straight
    log = [json.loads(line) for line in (tmp_path / "split" / "log.jsonl").read_text().splitlines()]
    assert [r["step"] for r in log] == [1, 2, 3, 4, 5, 6]
    assert [r["loss"] for r in log] == [round(x, 5) for x in straight]
    assert (tmp_path / "split" / "loss.png").stat().st_size > 1000
    reloaded, _ = load_checkpoint(tmp_path / "split" / "checkpoint")
    assert reloaded.config.tempering == 1.0


def test_refuses_to_overwrite_or_resume_nothing(tokenizer, tmp_path):
    data = finetune_data(tokenizer)
    (tmp_path / "run").mkdir()
    (tmp_path / "run" / "something").write_text("x")
    with pytest.raises(FileExistsError):
        Trainer(tiny_model(tokenizer.vocab_size), tokenizer, data, TrainConfig(steps=1), tmp_path / "run")
    with pytest.raises(FileNotFoundError):
        Trainer(tiny_model(tokenizer.vocab_size), tokenizer, data, TrainConfig(steps=1), tmp_path / "new", resume=True)


def test_tempering_divides_the_logits_hand_computed():
    logits = torch.tensor([[[2.0, 0.0, 0.0]]])  # (B=1, T=1, V=3)
    labels = torch.tensor([[0]])
    plain = -math.log(math.exp(2) / (math.exp(2) + 2))
    tempered = -math.log(math.exp(10) / (math.exp(10) + 2))  # logits / 0.2 = [10, 0, 0]
    assert token_nll(logits, labels)[0, 0].item() == pytest.approx(plain, rel=1e-6)
    assert token_nll(logits, labels, tempering=0.2)[0, 0].item() == pytest.approx(tempered, abs=1e-6)
    assert sequence_loss(logits, labels, tempering=0.2).item() == pytest.approx(tempered, abs=1e-6)
    # a label the model finds unlikely costs far more when tempered: [0, 2, 0] / 0.2 puts it 10 nats behind
    unlikely = torch.tensor([[1]])
    assert token_nll(logits, unlikely, tempering=0.2)[0, 0].item() == pytest.approx(10 + tempered, abs=1e-4)


def test_gold_weights_tokens_by_their_own_probability_hand_computed():
    logits = torch.log(torch.tensor([[[0.5, 0.25, 0.25], [0.01, 0.98, 0.01]]]))  # two positions
    labels = torch.tensor([[0, 2]])  # probabilities 0.5 and 0.01
    weights = gold_weights(logits, labels, alpha=0.5, floor=0.05)
    assert weights[0].tolist() == pytest.approx([math.sqrt(0.5), math.sqrt(0.05)], rel=1e-5)  # 0.01 floored
    expected = (math.sqrt(0.5) * -math.log(0.5) + math.sqrt(0.05) * -math.log(0.01)) / 2
    assert sequence_loss(logits, labels, gold=True).item() == pytest.approx(expected, rel=1e-5)
    # the weights carry no gradient: GOLD changes the scale of each token's gradient, not its direction
    logits.requires_grad_(True)
    assert gold_weights(logits, labels).requires_grad is False
    padded = torch.tensor([[0, IGNORE]])
    assert sequence_loss(logits, padded, gold=True).item() == pytest.approx(math.sqrt(0.5) * -math.log(0.5),
                                                                           rel=1e-5)


def test_value_conditioning_marks_incorrect_solutions(tokenizer):
    examples = list(problem_examples(toy_problems()[:1], tokenizer, 256, 64))
    correct = tokenizer.control["<correct>"]
    incorrect = tokenizer.control["<incorrect>"]
    flags = [(correct in e.encoder, incorrect in e.encoder) for e in examples]
    assert flags == [(True, False), (True, False), (False, True)]  # python, c++ correct; python incorrect
    # the same statement with the other flag is a different input, and the model is trained on both
    assert examples[0].encoder != examples[2].encoder
    assert examples[2].target[:-1] == tuple(tokenizer.encode("print(0)\n"))
    assert len(list(problem_examples(toy_problems()[:1], tokenizer, 256, 64, incorrect=False))) == 2


def test_value_conditioning_changes_the_loss(tokenizer):
    """The same solution scored under CORRECT and INCORRECT headers: the loss differs, as the header is read."""
    model = tiny_model(tokenizer.vocab_size)
    examples = list(problem_examples(toy_problems()[:1], tokenizer, 256, 64))
    wrong = examples[2]
    as_correct = Example(tuple(tokenizer.control["<correct>"] if t == tokenizer.control["<incorrect>"] else t
                               for t in wrong.encoder), wrong.target)
    config = TrainConfig(steps=1)
    with torch.no_grad():
        a = batch_loss(model.eval(), collate([wrong], tokenizer.pad_id, tokenizer.bos_id), config).item()
        b = batch_loss(model, collate([as_correct], tokenizer.pad_id, tokenizer.bos_id), config).item()
    assert a != b


def test_pretraining_batches(tokenizer):
    arrays = tokenize_files(python_stdlib_files()[:20], tokenizer)
    data = PretrainData(arrays, tokenizer, batch_size=4, seed=1, max_encoder=64, max_decoder=32)
    batch = data.batch(0)
    assert batch.input_ids.shape[0] == 4 and batch.input_ids.shape[1] <= 64 and batch.labels.shape[1] <= 32
    masked = batch.mlm_labels != IGNORE
    assert masked.any() and (batch.input_ids[masked] == tokenizer.control["<mask>"]).all()
    assert torch.equal(data.batch(0).input_ids, batch.input_ids)  # a pure function of (seed, index)
    model = tiny_model(tokenizer.vocab_size)
    assert torch.isfinite(batch_loss(model, batch, TrainConfig(steps=1)))


def test_learning_rate_schedule():
    config = TrainConfig(steps=100, learning_rate=1.0, warmup_steps=10, min_lr_ratio=0.1)
    assert learning_rate(0, config) == pytest.approx(0.1)
    assert learning_rate(9, config) == pytest.approx(1.0)
    assert learning_rate(55, config) == pytest.approx(0.55)
    assert learning_rate(100, config) == pytest.approx(0.1)
    with pytest.raises(ValueError, match="TrainConfig.tempering"):
        TrainConfig(steps=1, tempering=0)


def test_finetune_batches_cover_an_epoch(tokenizer):
    data = finetune_data(tokenizer, batch_size=4)
    seen = set()
    for index in range(data.per_epoch):
        batch = data.batch(index)
        seen |= {tuple(row.tolist()) for row in batch.labels}
    assert len(seen) == len(data.examples)
