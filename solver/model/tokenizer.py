"""The SentencePiece tokenizer shared by statements and programs, which must give source code back exactly.

Trained with the identity normalisation, no dummy prefix, no whitespace collapsing, whitespace-only pieces
allowed (indentation is common and cheap) and byte fallback (any character, any script, round-trips), so
`decode(encode(text)) == text` for every text. SentencePiece writes spaces as '▁' (U+2581) internally, so a literal
'▁' in the text is escaped to a private-use pair before encoding and restored after decoding.

Special tokens: padding, unknown, the decoder's start token, the end of a program, and control tokens that mark
the fields of AlphaCode's metadata header and the masked tokens of pretraining. Control tokens never come out of
encoding text; they are placed by id.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

import sentencepiece as spm
from transformers import PreTrainedTokenizer

MODEL_FILE = "tokenizer.model"
PAD, UNK, BOS, EOS = "<pad>", "<unk>", "<s>", "</s>"
CONTROL_TOKENS = ("<rating>", "<tags>", "<language>", "<correct>", "<incorrect>", "<statement>", "<mask>")
# The one character SentencePiece reserves, and the private-use escape that carries it (and itself) through.
_METASPACE = "\u2581"
_ESCAPE = "\ue07e"
_UNESCAPE = re.compile(_ESCAPE + "(.)", re.S)


def _escape(text: str) -> str:
    return text.replace(_ESCAPE, _ESCAPE + _ESCAPE).replace(_METASPACE, _ESCAPE + "_")


def _unescape(text: str) -> str:
    return _UNESCAPE.sub(lambda m: _METASPACE if m.group(1) == "_" else m.group(1), text)


def train_tokenizer(texts: Iterable[str], directory: Path, vocab_size: int = 8000, threads: int | None = None) -> Path:
    """Train on texts (source files, statements) and write `tokenizer.model` into `directory`."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)

    def lines() -> Iterable[str]:
        # Lines, not whole files: SentencePiece trains on "sentences"; newlines are a piece of their own.
        for text in texts:
            for line in _escape(text).split("\n"):
                if line.strip():
                    yield line

    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines()),
        model_prefix=str(directory / "tokenizer"),
        vocab_size=vocab_size,
        model_type="unigram",
        normalization_rule_name="identity",
        remove_extra_whitespaces=False,
        add_dummy_prefix=False,
        split_by_whitespace=False,
        allow_whitespace_only_pieces=True,
        byte_fallback=True,
        split_digits=True,
        character_coverage=0.995,  # rarer characters go through byte fallback
        max_sentence_length=1 << 16,
        input_sentence_size=500_000,
        shuffle_input_sentence=True,
        user_defined_symbols=["\n", "\t"],
        control_symbols=list(CONTROL_TOKENS),
        pad_id=0, unk_id=1, bos_id=2, eos_id=3,
        pad_piece=PAD, unk_piece=UNK, bos_piece=BOS, eos_piece=EOS,
        num_threads=threads or os.cpu_count() or 1,
        minloglevel=2,
    )
    (directory / "tokenizer.vocab").unlink(missing_ok=True)  # a human-readable copy nothing reads
    return directory / MODEL_FILE


class CodeTokenizer:
    """Exact, fast encoding and decoding with the project's SentencePiece model."""

    def __init__(self, model_file: Path) -> None:
        model_file = Path(model_file)
        if model_file.is_dir():
            model_file = model_file / MODEL_FILE
        if not model_file.is_file():
            raise FileNotFoundError(f"no tokenizer model at {model_file}")
        self.model_file = model_file
        self.sp = spm.SentencePieceProcessor(model_file=str(model_file))
        self.pad_id, self.unk_id, self.bos_id, self.eos_id = (self.sp.piece_to_id(p) for p in (PAD, UNK, BOS, EOS))
        self.control = {token: self.sp.piece_to_id(token) for token in CONTROL_TOKENS}

    @property
    def vocab_size(self) -> int:
        return self.sp.get_piece_size()

    def encode(self, text: str) -> list[int]:
        return self.sp.encode(_escape(text))

    def encode_batch(self, texts: list[str]) -> list[list[int]]:
        return self.sp.encode([_escape(text) for text in texts])

    def decode(self, ids: Iterable[int]) -> str:
        """Text of the ids; special and control tokens decode to nothing."""
        return _unescape(self.sp.decode([int(i) for i in ids]))

    def piece(self, token_id: int) -> str:
        return self.sp.id_to_piece(int(token_id))

    def save(self, directory: Path) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        if (directory / MODEL_FILE).resolve() != self.model_file.resolve():
            shutil.copyfile(self.model_file, directory / MODEL_FILE)


class AlphaCodeTokenizer(PreTrainedTokenizer):
    """The same tokenizer behind transformers' interface (`AutoTokenizer`, `save_pretrained`, `decode`)."""

    vocab_files_names = {"vocab_file": MODEL_FILE}
    model_input_names = ["input_ids", "attention_mask"]

    def __init__(self, vocab_file: str, **kwargs) -> None:
        self.code = CodeTokenizer(Path(vocab_file))
        self.vocab_file = vocab_file
        kwargs.setdefault("pad_token", PAD)
        kwargs.setdefault("unk_token", UNK)
        kwargs.setdefault("bos_token", BOS)
        kwargs.setdefault("eos_token", EOS)
        kwargs.setdefault("clean_up_tokenization_spaces", False)
        super().__init__(**kwargs)

    @property
    def vocab_size(self) -> int:
        return self.code.vocab_size

    def get_vocab(self) -> dict[str, int]:
        return {self.code.piece(i): i for i in range(self.code.vocab_size)}

    def _tokenize(self, text: str, **kwargs) -> list[str]:
        return self.code.sp.encode(_escape(text), out_type=str)

    def _convert_token_to_id(self, token: str) -> int:
        return self.code.sp.piece_to_id(token)

    def _convert_id_to_token(self, index: int) -> str:
        return self.code.piece(index)

    def convert_tokens_to_string(self, tokens: list[str]) -> str:
        return _unescape(self.code.sp.decode_pieces(tokens))

    def _decode(self, token_ids, skip_special_tokens: bool = False, **kwargs) -> str:
        ids = [token_ids] if isinstance(token_ids, int) else list(token_ids)
        if not skip_special_tokens:
            return self.convert_tokens_to_string(self.convert_ids_to_tokens(ids))
        return self.code.decode(ids)

    def save_vocabulary(self, save_directory: str, filename_prefix: str | None = None) -> tuple[str]:
        name = (filename_prefix + "-" if filename_prefix else "") + MODEL_FILE
        target = Path(save_directory) / name
        if target.resolve() != Path(self.vocab_file).resolve():
            shutil.copyfile(self.vocab_file, target)
        return (str(target),)
