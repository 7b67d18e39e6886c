"""Writing one article's rows: the article, its stored document and its full-text index entry.

Shared by :meth:`Library.add <inbrief.library.store.Library.add>` and by subscriptions, which
also replace the text of an article whose feed item was updated. Callers hold a transaction.
"""

from __future__ import annotations

import json
import sqlite3

from inbrief.model import Article


def insert_article(
    conn: sqlite3.Connection,
    article: Article,
    text: str,
    url: str | None,
    digest: str,
    added_at: float,
) -> int:
    """Insert ``article`` (with ``text`` = ``article.text``) and index it; return its id."""
    document = article.to_json(include_text=False)
    cursor = conn.execute(
        "INSERT INTO articles (url, source_url, content_hash, title, title_key,"
        " byline, site, published, language, word_count, added_at, document)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            url, article.url, digest, article.title, article.title.casefold(),
            article.byline, article.site, article.published, article.language,
            document["word_count"], added_at, json.dumps(document, ensure_ascii=False),
        ),
    )  # fmt: skip
    article_id = int(cursor.lastrowid or 0)
    conn.execute(
        "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
        (article_id, article.title, text),
    )
    return article_id


def replace_text(
    conn: sqlite3.Connection, article_id: int, article: Article, text: str, digest: str
) -> bool:
    """Give article ``article_id`` new text and metadata; read state and position stay.

    Returns False (and changes nothing) when another article already holds that text.
    """
    taken = conn.execute(
        "SELECT 1 FROM articles WHERE content_hash = ? AND id != ?", (digest, article_id)
    ).fetchone()
    if taken is not None:
        return False
    document = article.to_json(include_text=False)
    conn.execute(
        "UPDATE articles SET content_hash = ?, title = ?, title_key = ?, byline = ?, site = ?,"
        " published = ?, language = ?, word_count = ?, document = ? WHERE id = ?",
        (
            digest, article.title, article.title.casefold(), article.byline, article.site,
            article.published, article.language, document["word_count"],
            json.dumps(document, ensure_ascii=False), article_id,
        ),
    )  # fmt: skip
    conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (article_id,))
    conn.execute(
        "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
        (article_id, article.title, text),
    )
    return True
