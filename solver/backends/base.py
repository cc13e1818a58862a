"""The backend interface and what every backend shares."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Protocol

from problems.model import Problem
from solver.pipeline.records import Candidate

LANGUAGES = ("python3", "cpp", "java")


class BackendError(Exception):
    """A backend cannot work as configured (a missing checkpoint, a server that refuses): says how to fix it."""


class Backend(Protocol):
    """Anything that can propose programs for a problem.

    `sample` yields up to `count` candidates as they are made (the pipeline starts judging the first ones while
    later ones are still being written); the consumer may stop early. `languages` restricts what is asked for
    (None: the backend's default). A backend is used by one solve at a time.
    """

    name: str

    def sample(self, problem: Problem, count: int, *, seed: int = 0,
               languages: Sequence[str] | None = None) -> Iterator[Candidate]: ...

    def close(self) -> None: ...


_FENCE = re.compile(r"```([A-Za-z0-9+#]*)[ \t]*\n(.*?)(?:```|\Z)", re.S)
_FENCE_LANGUAGES = {"python": "python3", "python3": "python3", "py": "python3", "cpp": "cpp", "c++": "cpp",
                    "cc": "cpp", "java": "java"}


def extract_code(text: str, default_language: str) -> tuple[str, str]:
    """(language, code) from a model's completion: the first fenced block if there is one, else the text itself."""
    match = _FENCE.search(text)
    if match is None:
        return default_language, text
    language = _FENCE_LANGUAGES.get(match.group(1).lower(), default_language)
    return language, match.group(2)


def check_languages(languages: Sequence[str] | None, default: Sequence[str]) -> tuple[str, ...]:
    chosen = tuple(languages) if languages else tuple(default)
    unknown = [lang for lang in chosen if lang not in LANGUAGES]
    if unknown or not chosen:
        raise BackendError(f"languages must be some of {', '.join(LANGUAGES)}, got {list(chosen)}")
    return chosen


# The prompt for general code models (hf, openai). It ends inside an opened code fence, so that a completion is
# the program itself, up to the closing fence.
PROMPT_TEMPLATE = (
    "Solve the following competitive programming problem. Read from standard input, write to standard output.\n\n"
    "{statement}\n\nA correct solution in {language_name}:\n```{fence}\n"
)
_LANGUAGE_TEXT = {"python3": ("Python 3", "python"), "cpp": ("C++17", "cpp"), "java": ("Java 17", "java")}


def render_prompt(template: str, statement: str, language: str) -> str:
    name, fence = _LANGUAGE_TEXT[language]
    try:
        return template.format(statement=statement, language=language, language_name=name, fence=fence)
    except (KeyError, IndexError) as error:
        raise BackendError(f"prompt template: unknown field {error}; use {{statement}}, {{language}}, "
                           "{language_name} and {fence}") from None
    except ValueError as error:  # a lone "{" or "}": literal braces must be doubled
        raise BackendError(f"prompt template: {error} (write a literal brace as {{{{ or }}}})") from None


def completion_code(prompt: str, completion: str, language: str) -> tuple[str, str]:
    """The program in a completion: up to the closing fence when the prompt opened one, else the first fenced
    block, else all of it."""
    if prompt.rstrip(" ").endswith("\n") and "```" in prompt.rsplit("\n", 2)[-2]:
        return language, completion.split("```", 1)[0]
    return extract_code(completion, language)
