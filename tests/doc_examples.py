"""Run the Python examples of a doc page as one script and check what each ``print`` shows.

A doc page shows the output of an example in a comment on its ``print`` line
(``print(report.conforms)   # True``). :func:`run_examples` runs the page's ``python`` blocks in
order, one top-level statement at a time in one namespace, keeps each statement's output and
compares it with those comments: the k-th commented ``print`` of a statement is its k-th line of
output (the first line of a loop's, the lines of a ``try``). In a comment ``...`` stands for
any text (a closing `` ...`` for any more) and ``<name>`` for some
(``stord.yaml:<line>:<column>``); anything else must be shown exactly. So the comments cannot
drift from what the code prints.
"""

from __future__ import annotations

import ast
import io
import json
import re
import subprocess
import sys
import tokenize
from dataclasses import dataclass
from pathlib import Path

#: Runs the script statement by statement; writes [[first line, last line, output], ...].
_RUNNER = """
import ast, contextlib, io, json, sys
script, result = sys.argv[1], sys.argv[2]
source = open(script, encoding="utf-8").read()
namespace = {"__name__": "__main__"}
outputs = []
for statement in ast.parse(source).body:
    code = compile(ast.Module([statement], []), script, "exec")
    buffer = io.StringIO()
    try:
        with contextlib.redirect_stdout(buffer):
            exec(code, namespace)
    finally:
        sys.stdout.write(buffer.getvalue())
        outputs.append([statement.lineno, statement.end_lineno, buffer.getvalue()])
        with open(result, "w", encoding="utf-8") as out:
            json.dump(outputs, out)
"""


@dataclass(frozen=True)
class Examples:
    """What the examples printed, and where a comment says otherwise."""

    stdout: str
    mismatches: list[str]


def python_blocks(page: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), re.S)


def _pattern(comment: str) -> re.Pattern[str]:
    # a closing " ..." is "and more" (of the line or of the lines after it): nothing is required
    parts = re.split(r"(\.\.\.|<[a-z]+>)", re.sub(r" \.\.\.$", "...", comment))
    return re.compile(
        "".join(".*" if p == "..." else ".+" if p.startswith("<") else re.escape(p) for p in parts)
    )


def _shown(script: str) -> dict[int, str]:
    """The comment on each line of ``script`` that calls ``print``, by line number."""
    shown = {}
    lines = script.splitlines()
    for token in tokenize.generate_tokens(io.StringIO(script).readline):
        if token.type != tokenize.COMMENT:
            continue
        if "print(" in lines[token.start[0] - 1][: token.start[1]]:
            shown[token.start[0]] = token.string[1:].strip()
    return shown


def run_examples(page: Path, cwd: Path, work: Path, timeout: float = 300) -> Examples:
    """Run the ``python`` blocks of ``page`` in ``cwd`` (the script and its results go to
    ``work``) and compare every commented ``print`` with its output."""
    script = "\n".join(python_blocks(page))
    (work / "examples.py").write_text(script, encoding="utf-8")
    (work / "runner.py").write_text(_RUNNER, encoding="utf-8")
    result = work / "outputs.json"
    done = subprocess.run(
        [sys.executable, str(work / "runner.py"), str(work / "examples.py"), str(result)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    ast.parse(script)  # the runner parsed it: a syntax error would have failed above
    shown = _shown(script)
    mismatches = []
    for first, last, output in json.loads(result.read_text(encoding="utf-8")):
        comments = [shown[n] for n in range(first, last + 1) if n in shown]
        printed = output.splitlines()
        for index, comment in enumerate(comments):
            line = printed[index] if index < len(printed) else "(nothing)"
            if not _pattern(comment).fullmatch(line):
                mismatches.append(
                    f"{page.name}, script line {first}: shows {comment!r}, prints {line!r}"
                )
    return Examples(done.stdout, mismatches)
