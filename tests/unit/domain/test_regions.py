"""The bundled Kemendagri region table, matching of typed names, and malformed tables."""

from __future__ import annotations

import hashlib

import pytest

from app.domain.regions import Region, RegionIndex, RegionTableError, parse_region_csv
from app.paths import resource

# SHA-256 of the Kemendagri table as checked against its source (docs/domain.md): a change to
# the bundled file must be deliberate, and comes with a new digest here.
REFERENCE_SHA256 = "a05bfc66fa15a99bbfaa7545828d6101534ab5170bc17ec368cf8d859ec8db04"

# The eight kecamatan by Kemendagri code; BPS numbers the regency 13.04 (docs/domain.md).
KECAMATAN = {
    "13.03.03": "Tanjung Gadang",
    "13.03.04": "Sijunjung",
    "13.03.05": "IV Nagari",
    "13.03.06": "Kamang Baru",
    "13.03.07": "Lubuk Tarok",
    "13.03.08": "Koto VII",
    "13.03.09": "Sumpur Kudus",
    "13.03.10": "Kupitan",
}

HEADER = "kode,tingkat,induk,nama,alias\n"
SMALL = (
    HEADER + "13,provinsi,,Sumatera Barat,\n"
    "13.03,kabupaten,13,Sijunjung,\n"
    "13.03.06,kecamatan,13.03,Kamang Baru,\n"
    "13.03.06.2004,nagari,13.03.06,Aie Amo,Aia Amo;Air Amo\n"
)


@pytest.fixture(scope="module")
def regions() -> list[Region]:
    return parse_region_csv(resource("reference", "wilayah_1303.csv").read_text("utf-8"))


@pytest.fixture(scope="module")
def index(regions: list[Region]) -> RegionIndex:
    return RegionIndex(regions)


def all_villages(index: RegionIndex) -> list[Region]:
    return [v for k in index.kecamatan("13.03") for v in index.villages(k.code)]


# --- the bundled table -----------------------------------------------------------------


def test_bundled_table_has_eight_kecamatan_of_sijunjung(index: RegionIndex) -> None:
    kecs = index.kecamatan("13.03")
    assert [k.code for k in kecs] == [f"13.03.{n:02d}" for n in range(3, 11)]
    assert {k.name for k in kecs} == {
        "Tanjung Gadang",
        "Sijunjung",
        "IV Nagari",
        "Kamang Baru",
        "Lubuk Tarok",
        "Koto VII",
        "Sumpur Kudus",
        "Kupitan",
    }
    regency, province = index.get("13.03"), index.get("13")
    assert regency is not None and regency.name == "Sijunjung"
    assert province is not None and province.name == "Sumatera Barat"


def test_bundled_table_has_61_nagari_and_one_desa(index: RegionIndex) -> None:
    villages = all_villages(index)
    assert len(villages) == 62
    assert sum(v.level == "nagari" for v in villages) == 61
    [desa] = [v for v in villages if v.level == "desa"]
    assert desa.parent == "13.03.10"  # Kupitan
    assert "Kampung Baru" in desa.names


def test_bundled_table_is_the_checked_reference() -> None:
    data = resource("reference", "wilayah_1303.csv").read_bytes()
    assert hashlib.sha256(data).hexdigest() == REFERENCE_SHA256


def test_kecamatan_carry_kemendagri_codes_not_bps_ones(index: RegionIndex) -> None:
    regency = index.get("13.03")
    assert regency is not None and regency.name == "Sijunjung"
    assert {k.code: k.name for k in index.kecamatan("13.03")} == KECAMATAN


def test_every_village_belongs_to_a_kecamatan_of_the_regency(regions: list[Region]) -> None:
    kec_codes = {r.code for r in regions if r.level == "kecamatan"}
    for r in regions:
        if r.level in ("nagari", "desa"):
            assert r.parent in kec_codes
            assert r.code.startswith(r.parent + ".")


def test_get_accepts_dotted_and_six_digit_codes(index: RegionIndex) -> None:
    kec = index.get("13.03.06")
    assert kec is not None and kec.name == "Kamang Baru"
    assert index.get("130306") == kec
    assert index.get(" 13.03.06 ") == kec
    assert index.get("13.03.99") is None
    assert index.get("130399") is None


# --- matching typed names ------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "Aie Amo",
        "Aia Amo",
        "Air Amo",
        "aia amo",
        "AIE   AMO",
        "  aie amo ",
        "Nagari Aia Amo",
        "13.03.06.2004",
    ],
)
def test_aliases_case_and_spacing_find_aie_amo(index: RegionIndex, typed: str) -> None:
    found = index.match(typed, index.villages("13.03.06"))
    assert found is not None
    assert (found.code, found.name) == ("13.03.06.2004", "Aie Amo")


def test_lubuak_tarok_matches_the_nagari_and_the_kecamatan(index: RegionIndex) -> None:
    nagari = index.match("Lubuak Tarok", all_villages(index))
    assert nagari is not None and nagari.code == "13.03.07.2001"
    nagari = index.match("lubuk tarok", all_villages(index))
    assert nagari is not None and nagari.code == "13.03.07.2001"
    kec = index.match("Lubuak Tarok", index.kecamatan("13.03"))
    assert kec is not None and kec.code == "13.03.07"
    kec = index.match("Kec. Lubuak Tarok", index.kecamatan("13.03"))
    assert kec is not None and kec.code == "13.03.07"


def test_whole_names_only(index: RegionIndex) -> None:
    villages = all_villages(index)
    tanjung = index.match("Tanjung", villages)
    assert tanjung is not None and tanjung.code == "13.03.08.2005"  # not Tanjung Gadang
    gadang = index.match("Tanjung Gadang", villages)
    assert gadang is not None and gadang.code == "13.03.03.2002"
    assert index.match("Tanjung", index.villages("13.03.03")) is None
    assert index.match("Tanjung Gadang", index.villages("13.03.08")) is None
    assert index.match("Tanjung Gad", villages) is None
    assert index.match("Aie", villages) is None
    assert index.match("Amo", villages) is None


def test_desa_matches_with_and_without_its_prefix(index: RegionIndex) -> None:
    for typed in ("Kampung Baru", "Desa Kampung Baru", "desa kampung baru"):
        found = index.match(typed, index.villages("13.03.10"))
        assert found is not None and found.code == "13.03.10.2004"


def test_no_match_for_empty_or_unknown_names(index: RegionIndex) -> None:
    villages = all_villages(index)
    for typed in ("", "   ", "Padang Panjang", "Nagari", "13.03.06.2099"):
        assert index.match(typed, villages) is None


def test_match_only_looks_within_the_regions_given(index: RegionIndex) -> None:
    # Muaro is a nagari of kecamatan Sijunjung, not of Kamang Baru.
    assert index.match("Muaro", index.villages("13.03.06")) is None
    assert index.match("Muaro", index.villages("13.03.04")) is not None


def test_search_finds_parts_of_names_for_pickers(index: RegionIndex) -> None:
    found = {r.code for r in index.search("tanjung", all_villages(index))}
    assert {"13.03.03.2002", "13.03.08.2005", "13.03.06.2007"} <= found


# --- reading tables ------------------------------------------------------------------


def test_semicolon_delimited_table_with_bom_is_read() -> None:
    text = "\ufeff" + SMALL.replace(",", ";").replace("Aia Amo;Air Amo", "Aia Amo")
    # with ';' as the delimiter, aliases can no longer be ';'-separated: one alias here
    regions = parse_region_csv(text)
    assert [r.code for r in regions] == ["13", "13.03", "13.03.06", "13.03.06.2004"]
    assert regions[-1].aliases == ("Aia Amo",)


def test_aliases_are_split_and_blank_rows_skipped() -> None:
    regions = parse_region_csv(SMALL + ",,,,\n")
    assert len(regions) == 4
    assert regions[-1].aliases == ("Aia Amo", "Air Amo")
    assert regions[-1].names == ("Aie Amo", "Aia Amo", "Air Amo")


def test_trailing_empty_cells_from_excel_are_ignored() -> None:
    regions = parse_region_csv(SMALL.replace("Air Amo\n", "Air Amo,,\n"))
    assert regions[-1].aliases == ("Aia Amo", "Air Amo")


def test_more_cells_than_columns_is_a_malformed_row() -> None:
    # An unquoted comma between aliases: refused with its line, not a crash.
    with pytest.raises(RegionTableError) as info:
        parse_region_csv(SMALL.replace("Aia Amo;Air Amo", "Aia Amo,Air Amo"))
    assert (info.value.code, info.value.params) == ("regions.row", {"line": 5})


def test_level_is_case_insensitive() -> None:
    regions = parse_region_csv(SMALL.replace("nagari", "Nagari"))
    assert regions[-1].level == "nagari"


@pytest.mark.parametrize(
    ("text", "code", "params"),
    [
        ("code,level,parent,name\n13,provinsi,,X\n", "regions.columns", None),
        ("kode,tingkat,nama\n13,provinsi,X\n", "regions.columns", None),
        ("", "regions.columns", None),
        (SMALL + "13.03.6,kecamatan,13.03,Bad\n", "regions.row", {"line": 6}),
        (SMALL + "13.03.07,dusun,13.03,Bad\n", "regions.row", {"line": 6}),
        (SMALL + "13.03.07.2001,kecamatan,13.03,Bad\n", "regions.row", {"line": 6}),
        (SMALL + "13.03.07,nagari,13.03,Bad\n", "regions.row", {"line": 6}),
        (SMALL + "abc,nagari,13.03.06,Bad\n", "regions.row", {"line": 6}),
        (SMALL + "13.03.07.2001,nagari,13.03.07,Orphan\n", "regions.parent", None),
        (
            HEADER + "13,provinsi,,Sumatera Barat,\n13.03,kabupaten,13,Sijunjung,\n",
            "regions.empty",
            None,
        ),
    ],
)
def test_malformed_tables_are_refused_with_the_right_code(
    text: str, code: str, params: dict[str, object] | None
) -> None:
    with pytest.raises(RegionTableError) as info:
        parse_region_csv(text)
    assert info.value.code == code
    if params is not None:
        assert info.value.params == params


def test_orphan_names_itself_and_its_missing_parent() -> None:
    with pytest.raises(RegionTableError) as info:
        parse_region_csv(SMALL + "13.03.07.2001,nagari,13.03.07,Orphan\n")
    assert info.value.params == {"code": "13.03.07.2001", "parent": "13.03.07"}
