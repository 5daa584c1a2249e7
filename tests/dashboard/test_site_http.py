"""What the server answers before any JavaScript runs: the HTTP status of each address (404
for unknown pages, indicators and provinces; a redirect from an indicator's code to its slug)
and the page's own title, description and link-preview tags in the address's language."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import dash
import pytest

from dashboard.app import create_app
from tests.dashboard.release_fixture import COUNT, RATE

SLUG = RATE["slug"]


@pytest.fixture(scope="module")
def app(sample_release_dir: Path) -> dash.Dash:
    return create_app(sample_release_dir)


def _head(html: str) -> dict[str, str]:
    found = {"title": unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1))}
    for name, content in re.findall(r'<meta (?:name|property)="([^"]+)" content="([^"]*)"', html):
        found[name] = unescape(content)
    return found


@pytest.mark.parametrize(
    "path",
    [
        "/indicators/no-such-indicator",
        "/en/indicators/no-such-indicator",
        "/indicators/IND-99",
        "/embed/no-such-indicator",
        "/provinces/province_2004/99",
        "/provinces/no_scheme/01",
        "/en/provinces/province_2025/64",
        "/en/khong-co-trang-nay",
    ],
)
def test_unknown_things_are_404_with_the_friendly_page(app: dash.Dash, path: str) -> None:
    response = app.server.test_client().get(path)
    assert response.status_code == 404
    assert "<html" in response.get_data(as_text=True)  # the site's page, not a bare text


@pytest.mark.parametrize(
    ("path", "target"),
    [
        (f"/indicators/{RATE['code']}", f"/indicators/{SLUG}"),
        (f"/indicators/{RATE['code'].lower()}", f"/indicators/{SLUG}"),
        (
            f"/en/indicators/{COUNT['code']}?scheme=region",
            f"/en/indicators/{COUNT['slug']}?scheme=region",
        ),
        (f"/embed/{RATE['code']}", f"/embed/{SLUG}"),
    ],
)
def test_an_indicator_code_redirects_to_its_slug(app: dash.Dash, path: str, target: str) -> None:
    client = app.server.test_client()
    response = client.get(path)
    assert response.status_code == 308
    assert response.headers["Location"] == target
    assert client.get(target).status_code == 200


def test_titles_and_previews_in_the_language_of_the_address(app: dash.Dash) -> None:
    client = app.server.test_client()
    english_404 = _head(client.get("/en/no-such-page").get_data(as_text=True))
    assert english_404["title"] == "Page not found"
    assert _head(client.get("/khong-co").get_data(as_text=True))["title"] == "Không tìm thấy trang"

    page = client.get(f"/en/indicators/{SLUG}").get_data(as_text=True)
    head = _head(page)
    assert '<html lang="en">' in page
    assert head["title"].startswith(f"{RATE['code']} · ")
    assert head["og:title"] == head["title"]
    assert "Loading" not in head["title"]
    assert head["og:url"].endswith(f"/en/indicators/{SLUG}")
    assert head["description"] and head["og:description"] == head["description"]

    vi = _head(client.get(f"/indicators/{SLUG}").get_data(as_text=True))
    assert vi["title"] != head["title"] and vi["title"].startswith(RATE["code"])
    assert _head(client.get("/en/data").get_data(as_text=True))["og:locale"] == "en_GB"
    province = _head(client.get("/en/provinces/province_2025/01").get_data(as_text=True))
    assert province["title"] not in ("", "Province not found")


def test_an_indicator_page_is_described_by_its_definition(app: dash.Dash) -> None:
    from dashboard.queries import indicator_by_slug
    from dashboard.release import load_release

    release = load_release(app.server.config["COP_RELEASE_DIR"])
    definition = indicator_by_slug(release, SLUG)["definition_en"]
    for path in (f"/en/indicators/{SLUG}", f"/en/embed/{SLUG}"):
        head = _head(app.server.test_client().get(path).get_data(as_text=True))
        assert head["description"] == definition == head["og:description"]


def test_an_indicator_page_names_its_preview_card_made_at_publish_time(app: dash.Dash) -> None:
    """og:image is the indicator's own PNG in the release folder, in the page's language,
    served from the release's stable address as an image (not a download)."""
    client = app.server.test_client()
    seen = set()
    for prefix, lang in (("", "vi"), ("/en", "en")):
        head = _head(client.get(f"{prefix}/indicators/{SLUG}").get_data(as_text=True))
        image = head["og:image"]
        assert re.fullmatch(rf"http://localhost/releases/[^/]+/preview-{SLUG}-{lang}\.png", image)
        assert head["twitter:card"] == "summary_large_image"
        assert head["twitter:image"] == image
        assert (head["og:image:width"], head["og:image:height"]) == ("1200", "630")
        response = client.get(image.removeprefix("http://localhost"))
        assert response.status_code == 200
        assert response.mimetype == "image/png"
        assert "attachment" not in response.headers.get("Content-Disposition", "")
        body = response.get_data()
        assert body.startswith(b"\x89PNG\r\n\x1a\n")
        seen.add(body)
        embed = _head(client.get(f"{prefix}/embed/{SLUG}").get_data(as_text=True))
        assert embed["og:image"] == image
    assert len(seen) == 2  # one card per language
    assert "og:image" not in _head(client.get("/en/data").get_data(as_text=True))
    assert _head(client.get("/en/data").get_data(as_text=True))["twitter:card"] == "summary"


@pytest.mark.parametrize(
    ("path", "card"),
    [
        ("", "preview-page-home"),
        ("/provinces/province_2004/02", "preview-page-province_2004-02"),
        ("/provinces/province_2025/34", "preview-page-province_2025-34"),
    ],
)
def test_home_and_province_pages_name_their_cards(app: dash.Dash, path: str, card: str) -> None:
    """og:image / twitter:image of the home page and of a province page: its own card, drawn
    at publish time (publish/page_previews.py), in the page's language, served as an image."""
    client = app.server.test_client()
    seen = set()
    for prefix, lang in (("", "vi"), ("/en", "en")):
        head = _head(client.get(f"{prefix}{path}" or "/").get_data(as_text=True))
        image = head["og:image"]
        assert re.fullmatch(rf"http://localhost/releases/[^/]+/{card}-{lang}\.png", image)
        assert head["twitter:image"] == image
        assert head["twitter:card"] == "summary_large_image"
        response = client.get(image.removeprefix("http://localhost"))
        assert response.status_code == 200 and response.mimetype == "image/png"
        seen.add(response.get_data())
    assert len(seen) == 2  # one card per language


def test_an_indicator_page_has_a_text_fallback_without_javascript(app: dash.Dash) -> None:
    """The server's HTML carries the headline figure, the words and the national table in a
    <noscript> block, in the page's language (Vietnamese marks 96,2%, English 96.2%)."""
    from tests.dashboard.release_fixture import RATE_NATIONAL

    client = app.server.test_client()
    pages = {
        "vi": client.get(f"/indicators/{SLUG}").get_data(as_text=True),
        "en": client.get(f"/en/indicators/{SLUG}").get_data(as_text=True),
    }
    for lang, page in pages.items():
        block = re.search(r"<noscript><div[^>]*>(.*?)</div></noscript>", page, re.S)
        assert block, f"no <noscript> fallback in the {lang} page"
        text = unescape(block.group(1))
        assert f'lang="{lang}"' in page[block.start() : block.start() + 200]
        assert block.start() < page.index('<div id="react-entry-point">')
        assert f"<h1>{RATE['code']} · " in text
        for year, value in RATE_NATIONAL.items():  # the whole national table
            shown = f"{value:.1f}%" if lang == "en" else f"{value:.1f}%".replace(".", ",")
            assert f'<td>{year}</td><td class="num">{shown}</td>' in text
        assert (
            "<strong>96,2%</strong>" in text if lang == "vi" else "<strong>96.2%</strong>" in text
        )
    assert "Toàn quốc 2025" in pages["vi"] and "National 2025" in pages["en"]
    assert "+1,6 điểm % so với 2024" in pages["vi"]
    assert "+1.6 percentage points since 2024" in pages["en"]
    assert "<noscript>" not in client.get("/en/data").get_data(as_text=True)
    assert "<noscript>" not in client.get("/en/indicators/nothing-here").get_data(as_text=True)
