"""Hand a link to a web browser, wherever the reader is running.

On a desktop the system's browser opens in the background. Where the only browser is a
terminal one (lynx, w3m: over SSH with ``BROWSER`` set, or a console with ``www-browser``), it
needs the terminal, so the app is suspended while it runs. Where there is no browser at all
(the usual case over SSH) the address is copied to the clipboard instead: Textual copies with
the OSC 52 escape, which reaches the clipboard of the user's own machine.

Only http(s) addresses are ever opened (:func:`inbrief.links.openable_url`); a stored
``javascript:``, ``data:`` or ``file:`` link is refused however it got into the library.
"""

from __future__ import annotations

import webbrowser

from textual.app import App, SuspendNotSupported

from inbrief.links import openable_url


def open_link(app: App[object], url: str | None) -> str:
    """Open ``url`` (or copy it, with no browser); return what happened, for a notification."""
    safe = openable_url(url)
    if safe is None:
        return "Not opened: only http and https links are opened"
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return copy_link(app, safe, "No web browser here; link copied to the clipboard")
    if _needs_terminal(browser):
        try:
            with app.suspend():
                browser.open(safe)
        except SuspendNotSupported:
            return copy_link(app, safe, "Cannot hand the terminal over; link copied instead")
        return f"Opened {safe}"
    if not browser.open(safe):
        return copy_link(app, safe, "The browser did not start; link copied to the clipboard")
    return f"Opened {safe}"


def copy_link(app: App[object], url: str, message: str = "") -> str:
    """Copy ``url`` to the clipboard (OSC 52: works over SSH in most terminals)."""
    app.copy_to_clipboard(url)
    return message or f"Copied {url}"


def _needs_terminal(browser: webbrowser.BaseBrowser) -> bool:
    """A browser run in the foreground in this terminal (lynx, w3m, a ``BROWSER`` command)."""
    return type(browser) is webbrowser.GenericBrowser
