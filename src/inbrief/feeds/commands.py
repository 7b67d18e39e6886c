"""The feed commands of the command line: --subscribe, --refresh, --feeds, --unsubscribe,
--import-opml, --export-opml and --list. Plain text for people, JSON for scripts; every
failure is one ``inbrief: URL: reason`` line on standard error and exit status 1."""

from __future__ import annotations

import argparse
import json
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any, TextIO

from inbrief.errors import InbriefError
from inbrief.feeds.refresh import FeedReport, internal_error, refresh_feeds
from inbrief.library import Feed, Library, LibraryError, Listed, open_library
from inbrief.textclean import clean_inline
from inbrief.wording import counted


def run(command: str, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run one feed command; the exit status."""
    try:
        library = open_library(args.library)
    except InbriefError as exc:
        print(f"inbrief: {exc}", file=err)
        return 1
    handlers: dict[str, Callable[[Library, argparse.Namespace, TextIO, TextIO], int]] = {
        "subscribe": _subscribe,
        "refresh": _refresh,
        "feeds": _feeds,
        "unsubscribe": _unsubscribe,
        "import_opml": _import_opml,
        "export_opml": _export_opml,
        "list": _list,
    }
    try:
        return handlers[command](library, args, out, err)
    except LibraryError as exc:  # busy, read-only, damaged: one line, as the reader says it
        out.flush()
        print(f"inbrief: {_line(str(exc))}", file=err)
        return 1
    finally:
        library.close()


def _line(text: str) -> str:
    return clean_inline(text)


def _report_lines(report: FeedReport, err: TextIO) -> None:
    for problem in report.item_errors:
        print(f"inbrief: {_line(problem)} (kept the feed's own text)", file=err)
    if report.error:
        print(f"inbrief: {report.url}: {_line(report.error)}", file=err)


def _subscribe(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from inbrief.feeds.subscribe import subscribe

    failed = 0
    for url in args.subscribe:
        try:
            result = subscribe(library, url)
        except InbriefError as exc:
            failed += 1
            print(f"inbrief: {url}: {_line(exc.reason)}", file=err)
            continue
        except Exception as exc:  # a bug, never a traceback
            failed += 1
            print(f"inbrief: {url}: {internal_error(exc)}", file=err)
            continue
        report = result.report
        found = f" (found {result.feed_url} on that page)" if result.discovered else ""
        already = " (already subscribed)" if not result.new else ""
        print(f"{_line(report.title)}: {report.new} new{found}{already}", file=out)
        _report_lines(report, err)
        failed += report.error is not None
    return 1 if failed else 0


class _ProgressBar:
    """A one-line progress bar on a terminal's standard error, redrawn in place."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.lock = threading.Lock()

    def __call__(self, done: int, total: int, report: FeedReport) -> None:
        width = 30
        filled = width * done // max(1, total)
        with self.lock:
            self.stream.write(f"\r[{'#' * filled}{'-' * (width - filled)}] {done}/{total} feeds")
            self.stream.flush()

    def clear(self) -> None:
        self.stream.write("\r\x1b[2K")
        self.stream.flush()


def _refresh(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    bar = _ProgressBar(err) if err.isatty() else None
    reports = refresh_feeds(library, progress=bar)
    if bar is not None:
        bar.clear()
    new = updated = failed = unchanged = deferred = 0
    for report in reports:
        if report.new or report.updated:
            more = f", {report.updated} updated" if report.updated else ""
            print(f"{_line(report.title)}: {report.new} new{more}", file=out)
        if report.deferred_until is not None:
            deferred += 1
            until = datetime.fromtimestamp(report.deferred_until).strftime("%Y-%m-%d %H:%M")
            print(
                f"inbrief: {report.url}: skipped until {until} (the server asked to wait)", file=err
            )
        _report_lines(report, err)
        new, updated = new + report.new, updated + report.updated
        failed += report.error is not None
        unchanged += report.not_modified
    parts = [counted(len(reports), "feed"), counted(new, "new item")]
    if updated:
        parts.append(f"{updated} updated")
    parts.append(f"{unchanged} unchanged")
    if deferred:
        parts.append(f"{deferred} waiting")
    parts.append(f"{failed} failed")
    print(", ".join(parts), file=out)
    return 1 if failed else 0


def _when(stamp: float | None) -> str | None:
    return None if stamp is None else datetime.fromtimestamp(stamp).isoformat(timespec="seconds")


def _feed_json(feed: Feed) -> dict[str, Any]:
    return {
        "title": feed.title,
        "url": feed.url,
        "site": feed.site,
        "items": feed.items,
        "unread": feed.unread,
        "last_fetched": _when(feed.last_fetched),
        "last_error": feed.last_error,
    }


def _feeds(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    feeds = library.feeds()
    if args.format == "json":
        out.write(json.dumps([_feed_json(f) for f in feeds], ensure_ascii=False, indent=2) + "\n")
        return 0
    for feed in feeds:
        fetched = _when(feed.last_fetched) or "never"
        line = f"{_line(feed.name)}  {feed.url}  {feed.items} items, {feed.unread} unread,"
        line += f" fetched {fetched.replace('T', ' ')}"
        if feed.last_error:
            line += f", error: {_line(feed.last_error)}"
        print(line, file=out)
    return 0


def _unsubscribe(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    feed = library.feed(args.unsubscribe)
    if feed is None or not library.remove_feed(args.unsubscribe):
        print(f"inbrief: {args.unsubscribe}: not subscribed", file=err)
        return 1
    print(f"unsubscribed from {_line(feed.name)}; its {feed.items} articles stay", file=out)
    return 0


def _import_opml(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from inbrief.feeds.opml import MAX_OPML_BYTES, read_opml

    try:
        with open(args.import_opml, "rb") as handle:
            outlines = read_opml(handle.read(MAX_OPML_BYTES + 1))
    except OSError as exc:
        print(f"inbrief: {args.import_opml}: {exc.strerror or 'cannot read'}", file=err)
        return 1
    except InbriefError as exc:
        print(f"inbrief: {args.import_opml}: {_line(exc.reason)}", file=err)
        return 1
    added = sum(library.add_feed(o.url, o.title, o.site)[1] for o in outlines)
    print(
        f"{len(outlines)} feeds in the file, {added} new; inbrief --refresh fetches them", file=out
    )
    return 0


def _export_opml(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from inbrief.feeds.opml import Outline, write_opml

    out.write(write_opml([Outline(f.url, f.title, f.site) for f in library.feeds()]))
    return 0


def _list(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    feed_id = None
    if args.feed:
        feed = library.feed(args.feed)
        if feed is None:
            print(f"inbrief: {args.feed}: not subscribed", file=err)
            return 1
        feed_id = feed.id
    rows = (_listed_json(library, row) for row in library.listing(args.unread, feed_id))
    # Streamed: output starts at once, whatever the size of the library.
    if args.format == "json":
        out.write("[")
        for number, row in enumerate(rows):
            out.write(("," if number else "") + "\n  " + json.dumps(row, ensure_ascii=False))
        out.write("\n]\n")
    elif args.format == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        for row in rows:
            _print_listed(row, out)
    return 0


def _print_listed(row: dict[str, Any], out: TextIO) -> None:
    """Three lines for people: ``*`` marks unread; title and details; address; gist."""
    published = (row["published"] or "")[:10]
    details = ", ".join(v for v in (row["site"], published, f"{row['words']} words") if v)
    print(f"{' ' if row['read'] else '*'} {row['title']} ({details})", file=out)
    if row["url"]:
        print(f"  {row['url']}", file=out)
    if row["gist"]:
        print(f"  {row['gist']}", file=out)


def _listed_json(library: Library, row: Listed) -> dict[str, Any]:
    gist = row.gist
    if gist is None:  # added before gists were stored: summarize once and keep it
        from inbrief.feeds.items import gist_of

        try:
            gist = gist_of(library.article(row.id)[0])
        except (InbriefError, ValueError, KeyError):
            gist = ""
        library.set_gist(row.id, gist)
    return {
        "title": row.title,
        "url": row.url,
        "site": row.site,
        "published": row.published,
        "added": _when(row.added_at),
        "read": row.read,
        "words": row.words,
        "feed": row.feed,
        "gist": gist or None,
    }
