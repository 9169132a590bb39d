"""The dock's thumbnail: fetched and decoded off the main thread, header checked before decoding,
decoded no taller than shown; a bomb is named, never decoded."""

import pytest

from eo_order.ui.widgets import ThumbnailView
from tests.conftest import wait_for
from tests.images import png
from tests.servers.canned import CannedServer

PNG = {"Content-Type": "image/png"}


@pytest.fixture
def images(qgis_app):
    routes = {"/bomb.png": (200, PNG, png(30000, 30000, rows=64)),
              "/big.png": (200, PNG, png(3000, 2000, color_type=2)),
              "/silent.png": (200, PNG, b"", 600)}
    with CannedServer(routes) as server:
        yield server


@pytest.fixture
def view(qgis_app):
    widget = ThumbnailView("Select a record.")
    yield widget
    widget.abort()
    widget.deleteLater()


def test_a_png_announcing_30000_squared_pixels_is_named_and_never_decoded(images, view):
    url = images.url_for("/bomb.png")
    view.show_url(url)
    assert view.text() == "Loading thumbnail…"  # nothing was fetched or decoded on the main thread
    wait_for(lambda: view.task is None)
    assert view.text() == (f"The thumbnail could not be loaded (The quicklook at {url} is 30000 × 30000 pixels: "
                           "far too large for a thumbnail (at most 25 megapixels), so it was not decoded.).")
    assert view.pixmap() is None or view.pixmap().isNull()


def test_a_large_image_is_decoded_at_the_height_shown(images, view):
    view.show_url(images.url_for("/big.png"))
    wait_for(lambda: view.task is None)
    assert (view.pixmap().width(), view.pixmap().height()) == (300, 200)


def test_another_record_supersedes_a_thumbnail_still_on_its_way(images, view):
    view.show_url(images.url_for("/silent.png"))
    first = view.task
    view.show_url(images.url_for("/big.png"))
    assert first.isCanceled()
    wait_for(lambda: view.task is None)
    assert view.pixmap().height() == 200
