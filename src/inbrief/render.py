"""One-shot output: articles and summaries as plain text, Markdown, JSON or JSON lines.

All text was cleaned of control characters at ingest; :func:`safe` runs again here so that
nothing but printable text can reach a terminal, whatever built the article.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

from inbrief.links import openable_url
from inbrief.model import Article, Block, BlockKind, Summary
from inbrief.nlp.tokens import join_sentences
from inbrief.textclean import CONTROL_CHARS, strip_controls
from inbrief.wording import counted


def safe(text: str) -> str:
    return strip_controls(text)


def meta_line(article: Article) -> str:
    """'site · byline · date · N min read', skipping what is unknown."""
    parts = [article.site, article.byline, (article.published or "")[:10] or None]
    parts.append(f"{article.reading_minutes} min read")
    return " · ".join(safe(p) for p in parts if p)


def summary_json(article: Article, summary: Summary, source: str | None = None) -> dict[str, Any]:
    """The summary with the article's metadata; ``gist`` comes before the ``sentences``.

    ``section_gists`` maps a section's index (as a string: JSON keys are strings) to the
    sentence that sums up that section, in the same shape as a takeaway.
    """
    data: dict[str, Any] = {} if source is None else {"source": source}
    data.update(
        title=article.title,
        byline=article.byline,
        site=article.site,
        published=article.published,
        language=article.language or summary.language,
        url=article.url,
        word_count=article.word_count,
        reading_minutes=article.reading_minutes,
        confidence=round(article.confidence, 3),
    )
    summary_data = summary.to_json()
    summary_data.pop("language")  # the article's own (declared) language is reported above
    data.update(summary_data)
    return data


def summary_label(summary: Summary) -> str:
    """What a summary shows: "Gist + 4 takeaways" for ``--sentences 5`` (the gist is one of
    the N sentences), "Gist" alone for one sentence, "Nothing to summarize" for none."""
    bullets = len(summary.bullets)
    if not summary.gist:
        return counted(bullets, "takeaway") if bullets else "Nothing to summarize"
    return f"Gist + {counted(bullets, 'takeaway')}" if bullets else "Gist"


def gist_text(summary: Summary) -> str:
    """The gist's sentences as one paragraph."""
    return join_sentences(safe(t.text) for t in summary.gist)


def summary_text(article: Article, summary: Summary) -> str:
    """Title, metadata line, the gist, then the takeaways as bullets."""
    lines = [safe(article.title), meta_line(article), ""]
    if summary.gist:
        lines += [f"Gist: {gist_text(summary)}", ""]
    lines += [f"• {safe(t.text)}" for t in summary.bullets]
    if not summary.takeaways:
        lines.append("(nothing to summarize)")
    return "\n".join(lines).rstrip()


def summary_markdown(article: Article, summary: Summary) -> str:
    """Title (linked when the URL is known), metadata, a Gist and a Key takeaways section."""
    title = safe(article.title)
    url = safe(article.url or "").replace(" ", "%20").replace(")", "%29")
    heading = f"# [{_md_escape(title)}]({url})" if url else f"# {_md_escape(title)}"
    lines = [heading, "", f"*{_md_escape(meta_line(article))}*", ""]
    if summary.gist:
        lines += ["## Gist", "", _md_text(gist_text(summary)), ""]
    if summary.bullets:
        lines += ["## Key takeaways", ""]
        lines += [f"- {_md_text(safe(t.text))}" for t in summary.bullets]
    return "\n".join(lines).rstrip()


def _md_escape(text: str) -> str:
    for char in "\\`*_[]<>":
        text = text.replace(char, "\\" + char)
    return text


#: What opens a Markdown block at the start of a line: an ATX heading, a list item, a fence,
#: a setext underline or thematic break, a table row (``>`` and ``*`` are escaped already).
_BLOCK_MARK = re.compile(r"^( {0,3})([#+=~|-])", re.MULTILINE)
_NUMBER_MARK = re.compile(r"^( {0,3}\d{1,9})([.)])", re.MULTILINE)


def _at_line_starts(markdown: str) -> str:
    """``markdown`` with a mark that would open a block at a line's start escaped, so that
    text ("# 1 in the charts", "1. Not a list") stays text in its paragraph or list item."""
    return _NUMBER_MARK.sub(r"\1\\\2", _BLOCK_MARK.sub(r"\1\\\2", markdown))


def _md_text(text: str) -> str:
    return _at_line_starts(_md_escape(text))


def _md_code(code: str) -> list[str]:
    """A fenced code block whose fence is longer than any run of backticks in ``code``."""
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence, code, fence]


def _md_inline(block: Block, item: int) -> str:
    """Item ``item`` of ``block`` as escaped Markdown, its links as ``[text](url)``."""
    text = block.items[item]
    out: list[str] = []
    done = 0
    for link in block.links:
        url = openable_url(link.url)
        if link.item != item or link.start < done or url is None:
            continue
        out.append(_md_escape(safe(text[done : link.start])))
        url = url.replace("(", "%28").replace(")", "%29")
        out.append(f"[{_md_escape(safe(text[link.start : link.end]))}]({url})")
        done = link.end
    out.append(_md_escape(safe(text[done:])))
    # A line break (<br>) stays one: "\" + newline.
    return _at_line_starts("".join(out).replace("\n", "\\\n"))


def cell_width(text: str) -> int:
    """Terminal cells ``text`` takes: two for wide (East Asian) characters, none for combining."""
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )


def wrap_prose(text: str, width: int) -> str:
    """Each line of ``text`` wrapped to ``width`` terminal cells at spaces (a word longer
    than the line keeps a line of its own); a bullet's ("• ") further lines are indented under
    its text, so a summary reads as a list on a terminal instead of wrapping at its edge."""
    width = max(20, width)
    out: list[str] = []
    for line in text.split("\n"):
        indent = 2 if line.startswith("• ") else 0
        rows: list[str] = []
        row, used = "", 0
        for word in line.split(" "):
            size = cell_width(word)
            if row and used + 1 + size > width:
                rows.append(row)
                row, used = " " * indent + word, indent + size
            else:
                row, used = (f"{row} {word}", used + 1 + size) if row else (word, size)
        out.extend([*rows, row])
    return "\n".join(out)


def table_lines(block: Block, rule: str = "-") -> list[str]:
    """A table as aligned columns two spaces apart, the header row underlined with ``rule``."""
    rows = [[safe(cell) for cell in row] for row in block.rows]
    widths = [max(cell_width(row[i]) for row in rows) for i in range(len(rows[0]))] if rows else []
    lines = [
        "  ".join(
            cell + " " * (width - cell_width(cell)) for cell, width in zip(row, widths, strict=True)
        ).rstrip()
        for row in rows
    ]
    if lines:
        lines.insert(1, rule * (sum(widths) + 2 * (len(widths) - 1)))
    return lines


def _md_table(block: Block) -> list[str]:
    """A table in Markdown: the first row as the header, ``|`` in cells escaped."""
    rows = [
        [_md_escape(safe(cell)).replace("|", "\\|") or " " for cell in row] for row in block.rows
    ]
    if not rows:
        return []
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    lines.insert(1, "|" + "|".join("---" for _ in rows[0]) + "|")
    return lines


def article_text(article: Article) -> str:
    lines = [safe(article.title), meta_line(article), ""]
    for section in article.sections:
        if section.heading:
            lines += [safe(section.heading), "-" * min(len(section.heading), 80), ""]
        for block in section.blocks:
            if block.kind is BlockKind.LIST:
                for index, item in enumerate(block.items):
                    indent = "   " * block.level(index)
                    lines.append(f"{indent}{safe(block.marker(index))} {safe(item)}")
            elif block.kind is BlockKind.QUOTE:
                lines.append(f"> {safe(block.text)}")
            elif block.kind is BlockKind.TABLE:
                lines += table_lines(block)
            elif block.kind in (BlockKind.CAPTION, BlockKind.BYLINE, BlockKind.DATELINE):
                lines.append(f"[{block.kind.value}: {safe(block.text)}]")
            else:
                lines.append(safe(block.text))
            lines.append("")
    return "\n".join(lines).rstrip()


def article_markdown(article: Article) -> str:
    lines = [f"# {_md_escape(safe(article.title))}", "", f"*{_md_escape(meta_line(article))}*", ""]
    for section in article.sections:
        if section.heading:
            level = "#" * min(6, max(2, section.level))
            lines += [f"{level} {_md_escape(safe(section.heading))}", ""]
        for block in section.blocks:
            if block.kind is BlockKind.LIST:
                for index in range(len(block.items)):
                    marker = block.marker(index)
                    marker = marker if marker[:1].isdigit() else "-"
                    indent = "    " * block.level(index)  # enough for any marker to nest under
                    lines.append(f"{indent}{marker} {_md_inline(block, index)}")
            elif block.kind is BlockKind.QUOTE:
                lines.append(f"> {_md_inline(block, 0)}")
            elif block.kind is BlockKind.CODE:
                lines += _md_code(safe(block.text))
            elif block.kind is BlockKind.TABLE:
                lines += _md_table(block)
            elif block.kind is BlockKind.CAPTION:
                lines.append(f"*{_md_inline(block, 0)}*")
            else:
                lines.append(_md_inline(block, 0))
            lines.append("")
    return "\n".join(lines).rstrip()


def article_json(article: Article, source: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {} if source is None else {"source": source}
    data.update(article.to_json())
    return data


def dumps(data: dict[str, Any], indent: int | None = None) -> str:
    """JSON that stays readable (UTF-8) yet carries no raw control or bidi character.

    ``json`` escapes C0 controls itself; C1 controls and bidi/format characters, which it
    would emit raw, are escaped as ``\\uXXXX`` here (they can only occur inside strings).
    """
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return CONTROL_CHARS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
