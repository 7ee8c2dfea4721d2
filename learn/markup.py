"""Markdown written by editors, rendered to HTML and sanitised before it reaches a page."""

import functools

import markdown as md
import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "code", "pre", "blockquote",
    "h3", "h4", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip


@functools.lru_cache(maxsize=1024)
def render_markdown(text: str) -> str:
    html = md.markdown(text, extensions=["sane_lists", "tables"], output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}, "th": {"align"}, "td": {"align"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def markdown_to_text(text: str) -> str:
    """Plain text of a Markdown snippet (for JSON-LD and meta descriptions)."""
    return nh3.clean(render_markdown(text), tags=set()).strip()
