"""How a statement, its examples and its note become one CodeContests-style description.

CodeContests descriptions carry the examples inline ("Examples", then "Input" / "Output" blocks, then "Note").
Our own format and Kattis packages keep them apart, so both render through `render_description` and the model
always sees the same layout, whatever the source.
"""

from __future__ import annotations

from collections.abc import Sequence

from problems.model import Test


def render_description(statement: str, examples: Sequence[Test], note: str = "") -> str:
    """Join a statement, its examples and an optional note the way CodeContests descriptions read."""
    text = statement.strip() + "\n"
    if examples:
        heading = "Examples" if len(examples) > 1 else "Example"
        blocks = [f"Input\n\n{t.input.rstrip()}\n\n\nOutput\n\n{t.output.rstrip()}\n" for t in examples]
        text += f"\n{heading}\n\n" + "\n\n".join(blocks)
    if note.strip():
        text += "\nNote\n\n" + note.strip() + "\n"
    return text


def split_description(description: str, examples: Sequence[Test]) -> tuple[str, str] | None:
    """Undo `render_description`: (statement, note), or None when the description was not rendered that way."""
    for heading in ("\nExamples\n\n", "\nExample\n\n"):
        cut = description.rfind(heading)
        if cut < 0:
            continue
        statement = description[:cut]
        rest = description[cut:]
        marker = rest.find("\nNote\n\n")
        note = rest[marker + len("\nNote\n\n"):] if marker >= 0 else ""
        if render_description(statement, examples, note) == description:
            return statement.strip() + "\n", note.strip() + "\n" if note.strip() else ""
    return None
