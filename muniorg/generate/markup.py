"""A small document model for the reference docs, rendered to Markdown and to standalone HTML.

The reference is built once as blocks (headings, paragraphs, tables, lists, code) made of inline
pieces (text, code spans, links), so that the Markdown page and the HTML page say exactly the
same thing and each renderer only has to escape its own syntax.

Example:
    >>> page = [Heading(1, "Title", "title"), Paragraph(("See ", Link("x", "#x"), "."))]
    >>> print(to_markdown(page), end="")
    # Title
    <BLANKLINE>
    See [x](#x).
"""

from __future__ import annotations

import html
from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class CodeSpan:
    text: str


Inline = str | Link | CodeSpan
Inlines = tuple[Inline, ...]


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str


@dataclass(frozen=True)
class Paragraph:
    content: Inlines


@dataclass(frozen=True)
class BulletList:
    items: tuple[Inlines, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[Inlines, ...], ...]


@dataclass(frozen=True)
class CodeBlock:
    text: str
    language: str


Block = Heading | Paragraph | BulletList | Table | CodeBlock


def _md_inline(piece: Inline, in_table: bool) -> str:
    if isinstance(piece, Link):
        return f"[{_md_text(piece.text, in_table)}]({piece.href})"
    if isinstance(piece, CodeSpan):
        text = piece.text.replace("|", "\\|") if in_table else piece.text
        return f"`{text}`"
    return _md_text(piece, in_table)


def _md_text(text: str, in_table: bool) -> str:
    for char in "\\`*_[]<>":
        text = text.replace(char, "\\" + char)
    text = text.replace("\n", " ")
    return text.replace("|", "\\|") if in_table else text


def _md_inlines(content: Inlines, in_table: bool = False) -> str:
    return "".join(_md_inline(piece, in_table) for piece in content)


def to_markdown(blocks: list[Block]) -> str:
    """Render blocks as CommonMark with GitHub tables; headings carry explicit anchors in HTML."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            parts.append(f"{'#' * block.level} {_md_text(block.text, False)}")
        elif isinstance(block, Paragraph):
            parts.append(_md_inlines(block.content))
        elif isinstance(block, BulletList):
            parts.append("\n".join(f"- {_md_inlines(item)}" for item in block.items))
        elif isinstance(block, Table):
            lines = [
                "| " + " | ".join(_md_text(h, True) for h in block.header) + " |",
                "|" + "---|" * len(block.header),
            ]
            lines += [
                "| " + " | ".join(_md_inlines(cell, True) for cell in row) + " |"
                for row in block.rows
            ]
            parts.append("\n".join(lines))
        else:
            parts.append(f"```{block.language}\n{block.text}\n```")
    return "\n\n".join(parts) + "\n"


def _html_inlines(content: Inlines) -> str:
    out = []
    for piece in content:
        if isinstance(piece, Link):
            out.append(f'<a href="{html.escape(piece.href)}">{html.escape(piece.text)}</a>')
        elif isinstance(piece, CodeSpan):
            out.append(f"<code>{html.escape(piece.text)}</code>")
        else:
            out.append(html.escape(piece))
    return "".join(out)


_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.5; color: #1b1b1b; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
code, pre { font-family: ui-monospace, monospace; font-size: 0.9em; }
pre { background: #f6f8fa; padding: 0.75rem; overflow-x: auto; }
h2 { border-top: 1px solid #ddd; padding-top: 1rem; }
""".strip()


def to_html(blocks: list[Block], title: str, language: str = "en") -> str:
    """Render blocks as one standalone HTML page (inline CSS, no scripts, no external files)."""
    body: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            body.append(
                f'<h{block.level} id="{html.escape(block.anchor)}">'
                f"{html.escape(block.text)}</h{block.level}>"
            )
        elif isinstance(block, Paragraph):
            body.append(f"<p>{_html_inlines(block.content)}</p>")
        elif isinstance(block, BulletList):
            items = "".join(f"<li>{_html_inlines(item)}</li>" for item in block.items)
            body.append(f"<ul>{items}</ul>")
        elif isinstance(block, Table):
            head = "".join(f"<th>{html.escape(h)}</th>" for h in block.header)
            rows = "".join(
                "<tr>" + "".join(f"<td>{_html_inlines(cell)}</td>" for cell in row) + "</tr>"
                for row in block.rows
            )
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        else:
            body.append(
                f'<pre><code class="language-{html.escape(block.language)}">'
                f"{html.escape(block.text)}</code></pre>"
            )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>\n{_STYLE}\n</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
