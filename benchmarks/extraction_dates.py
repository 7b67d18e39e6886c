"""Publication dates right to the day, on dev pages whose address states the date.

``python -m benchmarks.extraction_dates [--sets ...]``: the dev sets carry no date in their
gold data, so the reference here is the date in the page's own address (``/2019/11/20/``,
from the Zyte page's URL, or the page's canonical or ``og:url`` address). To keep the measure
honest the page is read with every address removed (no URL given, canonical and ``og:url``
dropped), so neither inbrief nor htmldate can read the answer from it. Prints, per extractor,
the share of those pages dated right to the day, wrong, and undated.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys

from benchmarks.extraction_sets import SETS, Page, load_sets

_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?:/|[^\d])")
_ADDRESS = re.compile(
    r"""<link[^>]+rel=["']?canonical[^>]*>|<meta[^>]+(?:og:url|twitter:url)[^>]*>""", re.I
)


def url_date(page: Page) -> str | None:
    """The date the page's address states, as ``YYYY-MM-DD``."""
    head = page.data[:200_000].decode("utf-8", "replace")
    addresses = [
        page.url or "",
        *re.findall(r'(?:canonical|og:url)[^>]*?href=["\']([^"\']+)', head),
    ]
    addresses += re.findall(r'og:url["\'][^>]*content=["\']([^"\']+)', head)
    addresses += re.findall(r'<text id="([^"]+)"', head[:500])
    for address in addresses:
        if match := _URL_DATE.search(address + "/"):
            year, month, day = match.groups()
            if 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
                return f"{year}-{month}-{day}"
    return None


def without_addresses(page: Page) -> str:
    text = page.data.decode("utf-8", "replace")
    text = re.sub(r'^\s*<text id="[^"]*"', "<text", text)
    return _ADDRESS.sub("", text)


def inbrief_date(html: str) -> str | None:
    from inbrief.extract.metadata import read_metadata
    from inbrief.extract.page import parse_html

    return read_metadata(parse_html(html)).published


def trafilatura_date(html: str) -> str | None:
    import trafilatura

    result = trafilatura.bare_extraction(html, with_metadata=True)
    return result.date if result is not None else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.extraction_dates")
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--only", action="append", choices=["inbrief", "trafilatura"])
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    pages = [(p, d) for p in load_sets(args.sets.split(",")) if (d := url_date(p))]
    extractors = {"inbrief": inbrief_date, "trafilatura": trafilatura_date}
    names = args.only or list(extractors)
    print(f"{len(pages)} pages whose address states a date")
    print(
        "| set | pages | extractor | right to the day | wrong | none |\n|---|---|---|---|---|---|"
    )
    for name in SETS:
        chosen = [(p, d) for p, d in pages if p.set == name]
        if not chosen:
            continue
        for extractor in names:
            right = wrong = none = 0
            for page, truth in chosen:
                try:
                    found = extractors[extractor](without_addresses(page))
                except Exception:
                    found = None
                if not found:
                    none += 1
                elif found[:10] == truth:
                    right += 1
                else:
                    wrong += 1
            n = len(chosen)
            print(
                f"| {name} | {n} | {extractor} | {right / n:.2f} | {wrong / n:.2f} "
                f"| {none / n:.2f} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
