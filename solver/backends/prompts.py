"""Prompts for general code models (the hf, openai and vllm backends): chat messages, or a completion prompt.

`PromptBuilder(api, template)` turns a problem and a language into what a model reads:

- `api="chat"`: a system and a user message, for instruct models behind a chat template. The default template
  (`templates/chat.txt`) states the language, gives the statement and the examples, and asks for one complete
  program reading stdin and writing stdout in one fenced code block; the program is that block of the answer.
- `api="completions"`: one text (default `PROMPT_TEMPLATE`) that ends inside an opened code fence, so that the
  completion is the program itself, up to the closing fence.

A template is text with fields in braces (a literal brace is doubled, `{{` or `}}`):

    {statement}      the problem statement
    {examples}       the examples (the problem's public tests), as a block that ends in a blank line; empty when
                     the problem has none or the statement already shows them all (CodeContests statements do),
                     so write it right before the next paragraph: `{statement}\\n\\n{examples}Write ...`
    {language}       python3, cpp or java
    {language_name}  Python 3, C++17 or Java 17
    {fence}          python, cpp or java: the tag of a code fence in that language

A chat template holds both messages: a line that is exactly `### system` starts the system message, one that is
exactly `### user` the user message (other lines, `### Input` say, are text). Without these markers the whole
text is the user message, and no system message is sent. A completion template has no markers.
"""

from __future__ import annotations

import hashlib
import re
import string
from pathlib import Path

from problems.model import Problem
from sandbox.languages import DISPLAY, canonical
from solver.backends.errors import BackendError

APIS = ("chat", "completions")
# The default completion prompt: it ends inside an opened code fence, so that a completion is the program itself,
# up to the closing fence.
PROMPT_TEMPLATE = (
    "Solve the following competitive programming problem. Read from standard input, write to standard output.\n\n"
    "{statement}\n\nA correct solution in {language_name}:\n```{fence}\n"
)

FIELDS = ("statement", "examples", "language", "language_name", "fence")
DEFAULT_CHAT_TEMPLATE = Path(__file__).with_name("templates") / "chat.txt"

_SECTION = re.compile(r"^###[ \t]+(system|user)[ \t]*$", re.M | re.I)
_FENCE = "```"


class PromptBuilder:
    """The prompts of one template, checked when built: unknown fields and misplaced markers are a BackendError
    naming them, before any model is asked."""

    def __init__(self, api: str = "chat", template: str | None = None) -> None:
        if api not in APIS:
            raise BackendError(f"api: must be one of {', '.join(APIS)}, got {api!r}")
        self.api = api
        if template is None:
            template = DEFAULT_CHAT_TEMPLATE.read_text(encoding="utf-8") if api == "chat" else PROMPT_TEMPLATE
        self.system, self.user = _split(template) if api == "chat" else (None, template)
        if api == "completions" and _SECTION.search(template):
            raise BackendError("prompt template: `### system` / `### user` sections are for the chat api; a "
                               "completion template is one text")
        for part in (self.system, self.user):
            if part is not None:
                _check_fields(part)

    def messages(self, problem: Problem, language: str) -> list[dict[str, str]]:
        """The chat messages for `problem` in `language`: a system message when the template has one, a user
        message."""
        fields = _fields(problem, language)
        messages = [{"role": "system", "content": self.system.format(**fields).strip()}] if self.system else []
        return [*messages, {"role": "user", "content": self.user.format(**fields).strip()}]

    def completion(self, problem: Problem, language: str) -> str:
        """The completion prompt for `problem` in `language` (not stripped: it ends where the program starts)."""
        return self.user.format(**_fields(problem, language))

    def code(self, answer: str | None, language: str, prompt: str = "") -> tuple[str, str]:
        """(language, program) in a model's answer: for a completion prompt that opened a fence, the text up to
        the closing fence; otherwise the first fenced block (its tag names the language), else all of it. An
        empty or missing answer is an empty program (it fails to compile, as it should)."""
        return completion_code(prompt, answer or "", language) if prompt else extract_code(answer or "", language)

    def stop(self, prompt: str) -> tuple[str, ...]:
        """Extra stop strings for a completion prompt: when it opened a code fence, the closing fence ends the
        program, and what a model writes after it is only paid for."""
        return (_FENCE,) if self.api == "completions" and opens_fence(prompt) else ()


_CODE_BLOCK = re.compile(r"```([A-Za-z0-9+#]*)[ \t]*\n(.*?)(?:```|\Z)", re.S)


def extract_code(text: str, default_language: str) -> tuple[str, str]:
    """(language, code) from a model's answer: the first fenced block tagged with a language we know (an answer
    may first quote an example in an untagged block), else the first fenced block, else the text itself."""
    blocks = list(_CODE_BLOCK.finditer(text))
    if not blocks:
        return default_language, text
    match = next((b for b in blocks if canonical(b.group(1))), blocks[0])
    return canonical(match.group(1)) or default_language, match.group(2)


def completion_code(prompt: str, completion: str, language: str) -> tuple[str, str]:
    """The program in a completion: up to the closing fence when the prompt opened one, else as `extract_code`."""
    if opens_fence(prompt):
        return language, completion.split(_FENCE, 1)[0]
    return extract_code(completion, language)


def opens_fence(prompt: str) -> bool:
    """Whether a completion prompt ends on a line that opens a code fence (as `completion_code` decides)."""
    return prompt.rstrip(" ").endswith("\n") and _FENCE in prompt.rsplit("\n", 2)[-2]


def examples_text(problem: Problem) -> str:
    """The problem's examples as a prompt shows them, ending in a blank line; empty when it has none or its
    statement already shows every one of them."""
    tests = problem.public_tests
    if all(t.input.strip() in problem.description and t.output.strip() in problem.description for t in tests):
        return ""
    blocks = [f"Example {number}\nInput:\n{_FENCE}\n{test.input.rstrip()}\n{_FENCE}\nOutput:\n{_FENCE}\n"
              f"{test.output.rstrip()}\n{_FENCE}" for number, test in enumerate(tests, 1)]
    return "Examples:\n\n" + "\n\n".join(blocks) + "\n\n"


def request_seed(seed: int, number: int) -> int:
    """The seed of request `number` of a call with `seed`: distinct per request and per call seed. Hashed rather
    than counted, because vLLM seeds the n samples of a request with seed, seed + 1, …, which consecutive request
    seeds would share; below 2**31 because some servers (llama.cpp's) read a 32-bit seed."""
    digest = hashlib.blake2b(f"{seed}/{number}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") % (2**31 - 2**20)


def _fields(problem: Problem, language: str) -> dict[str, str]:
    name, fence = DISPLAY[language]
    return {"statement": problem.description.strip(), "examples": examples_text(problem), "language": language,
            "language_name": name, "fence": fence}


def _split(template: str) -> tuple[str | None, str]:
    """(system, user) of a chat template."""
    marks = list(_SECTION.finditer(template))
    if not marks:
        return None, template
    if template[: marks[0].start()].strip():
        raise BackendError("prompt template: text before the first `### system` / `### user` line; start the file "
                           "with one of them, or use neither")
    parts: dict[str, str] = {}
    for mark, following in zip(marks, [*marks[1:], None]):
        role = mark.group(1).lower()
        if role in parts:
            raise BackendError(f"prompt template: `### {role}` appears twice")
        parts[role] = template[mark.end(): following.start() if following else len(template)].strip("\n")
    if not parts.get("user", "").strip():
        raise BackendError("prompt template: the `### user` message is missing or empty")
    return parts.get("system") or None, parts["user"]


def _check_fields(text: str) -> None:
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError as error:  # a lone "{" or "}"
        raise BackendError(f"prompt template: {error} (write a literal brace as {{{{ or }}}})") from None
    for name in names:
        if name not in FIELDS:
            shown = "{" + name + "}" if name else "{}"
            raise BackendError(f"prompt template: unknown field {shown}; the fields are "
                               + ", ".join("{" + f + "}" for f in FIELDS))
