"""The query log is the user's file too: rewrites keep what they wrote, in the encoding they saved it."""

import codecs

import pytest

from eo_order.core.cdse_batch import items_from_log
from eo_order.core.querylog import read_query_log, set_downloaded

ID_1 = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"
ID_2 = "1b1c2d3e-4f50-6172-8394-a5b6c7d8e9f1"
LOG = (
    "# Collection: SENTINEL-2\r\n"
    "# Polygon: POLYGON((5.9 45.8, 10.5 45.8, 10.5 47.8, 5.9 45.8))\r\n"
    "Id,Name,Checksum,Online,Downloaded,Note\r\n"
    f"{ID_1},S2A_one.SAFE,5d41402abc4b2a76b9719d911017c592,True,False,Été – à voir €,and one more\r\n"
    f"{ID_2},S2A_two.SAFE,,True,False\r\n"
)


def test_marking_keeps_extra_columns_and_extra_values(tmp_path):
    path = tmp_path / "OData_query.log"
    path.write_bytes(LOG.encode("utf-8"))
    set_downloaded(path, ID_1)
    set_downloaded(path, ID_2)
    expected = LOG.replace("True,False,Été", "True,True,Été").replace("True,False\r\n", "True,True\r\n")
    assert path.read_bytes() == expected.encode("utf-8")
    _header, rows = read_query_log(path)
    assert rows[0]["Note"] == "Été – à voir €" and rows[0]["Downloaded"] is True


@pytest.mark.parametrize("codec, bom, said", [
    ("cp1252", b"", "Windows-1252 (cp1252)"),
    ("utf-8", codecs.BOM_UTF8, None),
    ("utf-16-le", codecs.BOM_UTF16_LE, "UTF-16"),
    ("utf-16-be", codecs.BOM_UTF16_BE, "UTF-16 (big-endian)"),
])
def test_a_log_in_another_encoding_is_read_and_written_back_in_it(tmp_path, codec, bom, said):
    path = tmp_path / "OData_query.log"
    path.write_bytes(bom + LOG.encode(codec))
    notes = []
    items = items_from_log(path, notes)
    assert [i.product_id for i in items] == [ID_1, ID_2]
    assert notes == ([f"The query log {path} is not UTF-8: read as {said}, and kept in that encoding when it is "
                      "updated."] if said else [])
    set_downloaded(path, ID_1)
    assert path.read_bytes() == bom + LOG.replace("True,False,Été", "True,True,Été").encode(codec)


def test_a_latin1_log_with_bytes_cp1252_does_not_have(tmp_path):
    path = tmp_path / "OData_query.log"
    text = LOG.replace("–", "-").replace("€", "\x81")  # \x81: in Latin-1, not in Windows-1252
    path.write_bytes(text.encode("latin-1"))
    notes = []
    _header, rows = read_query_log(path, notes)
    assert rows[0]["Note"] == "Été - à voir \x81"
    assert notes and "read as Latin-1 (ISO-8859-1)" in notes[0]
    set_downloaded(path, ID_2)
    assert path.read_bytes() == text.replace("True,False\r\n", "True,True\r\n").encode("latin-1")
