"""Command line: one-shot ``--summary`` / ``--extract`` output, or the interactive reader.

Arguments are parsed first and the Textual app is imported only in the branch that runs it:
the one-shot path never pays for (or depends on) the TUI.
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TextIO

from inbrief import __version__
from inbrief.errors import InbriefError
from inbrief.safe_text import for_terminal
from inbrief.summarize import ALGORITHMS, DEFAULT_ALGORITHM, SummaryOptions

FORMATS = ("text", "markdown", "json", "jsonl")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inbrief",
        description="Read and summarize articles in the terminal. With no option, opens the "
        "reader on your library (adding any SOURCE given).",
        epilog="SOURCE is a http(s) URL, an HTML, Markdown, text or WordPress-JSON file, "
        "or - for standard input.",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "-s", "--summary", action="store_true", help="print a summary of each SOURCE and exit"
    )
    mode.add_argument(
        "-x", "--extract", action="store_true", help="print the cleaned article and exit"
    )
    _add_feed_commands(mode)
    parser.add_argument("sources", nargs="*", metavar="SOURCE", help="articles to read")
    parser.add_argument(
        "-a",
        "--algorithm",
        choices=ALGORITHMS,
        default=DEFAULT_ALGORITHM,
        help=f"summarizer (default: {DEFAULT_ALGORITHM})",
    )
    length = parser.add_mutually_exclusive_group()
    length.add_argument(
        "-n",
        "--sentences",
        type=_positive_int,
        help="summary length in sentences (the gist plus N-1 takeaways)",
    )
    length.add_argument("-r", "--ratio", type=_ratio, help="share of sentences to keep (0-1]")
    parser.add_argument("-f", "--format", choices=FORMATS, default="text", help="output format")
    parser.add_argument("-l", "--language", help="force a language (ISO code, e.g. en, de)")
    parser.add_argument(
        "-j",
        "--jobs",
        type=_positive_int,
        help="worker processes for many sources (default and most: one per core; 1 = no pool)",
    )
    parser.add_argument(
        "--unread", action="store_true", help="with --list: only articles not yet read"
    )
    parser.add_argument("--feed", metavar="URL", help="with --list: only the articles of this feed")
    parser.add_argument(
        "--library", metavar="PATH", help="library database (the reader and every feed command)"
    )
    parser.add_argument("-V", "--version", action="version", version=f"inbrief {__version__}")
    return parser


def _add_feed_commands(mode: argparse._MutuallyExclusiveGroup) -> None:
    """Subscriptions and the library listing: each is a mode of its own."""
    mode.add_argument(
        "--subscribe", nargs="+", metavar="URL", help="subscribe to feeds (or pages announcing one)"
    )
    mode.add_argument("--refresh", action="store_true", help="fetch every feed, add new items")
    mode.add_argument("--feeds", action="store_true", help="list subscriptions (text or json)")
    mode.add_argument("--unsubscribe", metavar="URL", help="remove a feed (its articles stay)")
    mode.add_argument(
        "--import-opml", metavar="FILE", help="subscribe to the feeds in an OPML file"
    )
    mode.add_argument("--export-opml", action="store_true", help="print subscriptions as OPML 2.0")
    mode.add_argument(
        "--list", action="store_true", help="print the library's articles (text, json, jsonl)"
    )


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def _ratio(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0 < number <= 1:
        raise argparse.ArgumentTypeError("must be greater than 0 and at most 1")
    return number


@dataclass(frozen=True, slots=True)
class _Result:
    source: str
    payload: str | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()


def _process_source(source: str, args: argparse.Namespace) -> list[_Result]:
    """Every result for one source (picklable, so a worker process can return it)."""
    return list(_process(source, args))


def _process(source: str, args: argparse.Namespace) -> Iterator[_Result]:
    """Ingest one source and render each article in it; errors become results too."""
    from inbrief import render
    from inbrief.ingest import load_articles
    from inbrief.summarize import summarize

    shown = for_terminal(source) if args.format == "jsonl" else None
    try:
        articles = load_articles(source)
        options = SummaryOptions(args.algorithm, args.sentences, args.ratio, args.language)
        for article in articles:
            warnings: list[str] = []
            if args.extract:
                if args.format in ("json", "jsonl"):
                    data = render.article_json(article, shown)
                    payload = render.dumps(data, 2 if args.format == "json" else None)
                elif args.format == "markdown":
                    payload = render.article_markdown(article)
                else:
                    payload = render.article_text(article)
            else:
                summary = summarize(article, options, warnings)
                if args.format in ("json", "jsonl"):
                    data = render.summary_json(article, summary, shown)
                    payload = render.dumps(data, 2 if args.format == "json" else None)
                elif args.format == "markdown":
                    payload = render.summary_markdown(article, summary)
                else:
                    payload = render.summary_text(article, summary)
            yield _Result(source, payload, warnings=tuple(warnings))
    except InbriefError as exc:
        yield _Result(source, error=exc.with_source(source).reason)
    except RecursionError:
        yield _Result(source, error="the document is nested too deeply to process")
    except MemoryError:
        yield _Result(source, error="the document is too large to process in memory")
    except Exception as exc:  # a bug, not bad input: say so in one line, never a traceback
        if os.environ.get("INBRIEF_DEBUG"):
            raise
        yield _Result(source, error=f"internal error ({type(exc).__name__}: {exc})"[:300])


def _styled(stream: TextIO) -> bool:
    return (
        stream.isatty()
        and "NO_COLOR" not in os.environ
        and os.environ.get("TERM", "") not in ("dumb", "")
    )


def _emphasize_text_block(payload: str) -> str:
    title, _, rest = payload.partition("\n")
    meta, _, body = rest.partition("\n")
    return f"\x1b[1m{title}\x1b[0m\n\x1b[2m{meta}\x1b[0m\n{body}"


def run_one_shot(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    failed = 0
    styled = args.format == "text" and _styled(out)
    # A summary on a terminal is wrapped to it (at most 100 columns, a readable measure).
    terminal = args.format == "text" and out.isatty()
    wrap_width = min(100, shutil.get_terminal_size().columns) if terminal else 0
    json_docs: list[str] = []
    results_seen = 0
    first = True
    from inbrief.batch import map_in_order
    from inbrief.render import wrap_prose

    work = functools.partial(_process_source, args=args)
    for source, results in zip(
        args.sources, map_in_order(work, args.sources, args.jobs), strict=True
    ):
        for result in results:
            results_seen += 1
            for warning in result.warnings:
                say(err, source, warning)
            if result.error is not None:
                failed += 1
                say(err, source, result.error)
                if args.format == "jsonl":
                    from inbrief.render import dumps

                    line = {"source": for_terminal(source), "error": for_terminal(result.error)}
                    out.write(dumps(line) + "\n")
                continue
            assert result.payload is not None
            if args.format == "json":
                json_docs.append(result.payload)
                continue
            if not first and args.format != "jsonl":
                out.write("\n\n" if args.format == "text" else "\n\n---\n\n")
            first = False
            payload = result.payload
            if wrap_width and args.summary:
                payload = wrap_prose(payload, wrap_width)
            payload = _emphasize_text_block(payload) if styled else payload
            out.write(payload + "\n")
            out.flush()
    if args.format == "json":
        # The shape follows what was asked, not what succeeded: one source read as one
        # article is an object (nothing when it fails), anything more an array, even empty.
        if len(args.sources) == 1 and results_seen <= 1:
            out.write("".join(doc + "\n" for doc in json_docs))
        else:
            out.write("[\n" + ",\n".join(json_docs) + "\n]\n" if json_docs else "[]\n")
    out.flush()
    return 1 if failed else 0


def say(err: TextIO, source: str, message: str) -> None:
    """One line ``inbrief: SOURCE: message`` on ``err``; both parts pass the terminal sanitizer
    (a source is typed by the user or a file name, a message may quote a server)."""
    print(f"inbrief: {for_terminal(source)}: {for_terminal(message)}", file=err, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if (args.unread or args.feed) and not args.list:
        parser.error("--unread and --feed go with --list")
    from inbrief.feeds import FORMATS as COMMAND_FORMATS
    from inbrief.feeds import command_of

    if command := command_of(args):
        allowed = COMMAND_FORMATS.get(command, ("text",))
        if args.format not in allowed:
            parser.error(f"--format for this command is one of: {', '.join(allowed)}")
        if args.sources:
            parser.error(f"SOURCE arguments do not go with {command_flag(command)}")
        return _run_feed_command(command, args)
    if args.summary or args.extract:
        if not args.sources:
            parser.error("--summary and --extract need at least one SOURCE")
        if sys.stdout is None:  # started with standard output closed (`>&-`)
            print("inbrief: standard output is closed", file=sys.stderr)
            return 1
        try:
            return run_one_shot(args, sys.stdout, sys.stderr)
        except BrokenPipeError:
            # The reader of our output went away (`| head`): not an error worth a traceback.
            _silence_stdout()
            return 0
        except OSError as exc:  # a full disk (`> /dev/full`), a closed descriptor, ...
            _silence_stdout()
            reason = exc.strerror or type(exc).__name__
            print(f"inbrief: cannot write the output: {for_terminal(reason)}", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            return 130
    return _run_reader(args)


def _silence_stdout() -> None:
    """Point standard output at /dev/null so the interpreter's final flush cannot fail too."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    finally:
        os.close(devnull)


def command_flag(command: str) -> str:
    return "--" + command.replace("_", "-")


def _run_feed_command(command: str, args: argparse.Namespace) -> int:
    from inbrief.feeds.commands import run

    try:
        return run(command, args, sys.stdout, sys.stderr)
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except KeyboardInterrupt:
        return 130


def _run_reader(args: argparse.Namespace) -> int:
    if "-" in (args.sources or ()):
        from inbrief.piped import take_piped_article

        try:
            take_piped_article()
        except InbriefError as exc:
            print(f"inbrief: {exc}", file=sys.stderr)
            return 2
    try:
        # Deferred: Textual takes ~200 ms to import and the one-shot path never needs it.
        from inbrief.tui.app import run_app  # type: ignore[import-not-found, unused-ignore]
    except ImportError as exc:
        print(f"inbrief: the reader is unavailable ({exc}); use --summary", file=sys.stderr)
        return 2
    status: int = run_app(args)
    return status
