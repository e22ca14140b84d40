"""The sharing preview: one committed 1200 x 630 PNG, named in every page's metadata."""

import struct

import pytest
import yaml

from tests.site import PAGES, ROOT, soup

IMAGE = "assets/images/share.png"


def _site_url() -> str:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=Loader)
    return config["site_url"]


def test_the_image_is_a_1200_by_630_png():
    data = (ROOT / "docs" / IMAGE).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1200, 630)


@pytest.mark.parametrize(("source", "url_path"), PAGES)
def test_every_page_names_the_image_by_its_absolute_address_on_this_site(site, source, url_path):
    head = soup(site, url_path).head
    meta = {tag.get("property") or tag.get("name"): tag.get("content") for tag in head.find_all("meta")}
    assert meta["og:image"] == _site_url() + IMAGE
    assert meta["og:image:alt"]
    assert meta["twitter:card"] == "summary_large_image"
    assert (site / IMAGE).is_file()
