import pytest

from bnk_lib.errors import InvalidAGSError, UnknownRegionError
from bnk_lib.regions import default_index, validate_ags


def test_heidelberg_with_parents():
    regions = default_index()
    heidelberg = regions.municipality("08221000")
    assert heidelberg.name == "Heidelberg, Stadt"
    assert heidelberg.population == 161485
    assert heidelberg.area_km2 == pytest.approx(108.83)
    assert regions.kreis_of(heidelberg).name == "Heidelberg, Stadtkreis"
    assert regions.land_of(heidelberg).name == "Baden-Württemberg"


def test_leading_zero_survives():
    flensburg = default_index().municipality("01001000")
    assert flensburg.ags == "01001000"
    assert flensburg.land_ags == "01"


@pytest.mark.parametrize("bad", ["1001000", "0822100a", "", "082210000", " 08221000"])
def test_malformed_ags_is_rejected_with_its_value(bad):
    with pytest.raises(InvalidAGSError) as err:
        validate_ags(bad)
    assert f"'{bad}'" in str(err.value)
    assert "bnk regions --search" in str(err.value)


@pytest.mark.parametrize("bad", [8221000, 262656, 8221000.0, None])
def test_non_string_ags_explains_lost_leading_zero(bad):
    with pytest.raises(InvalidAGSError, match="führende Null"):
        validate_ags(bad)


def test_unknown_ags():
    with pytest.raises(UnknownRegionError, match="99999999"):
        default_index().municipality("99999999")


def test_land_padded_to_eight_digits_is_not_a_municipality():
    with pytest.raises(UnknownRegionError, match="08000000"):
        default_index().municipality("08000000")


def test_search_and_exact_name():
    regions = default_index()
    assert [r.ags for r in regions.by_name("heidelberg, stadt")] == ["08221000"]
    assert "08221000" in {r.ags for r in regions.search("Heidelberg")}
    assert len(regions.by_name("Neustadt")) == 0


def test_resolve_by_ags_name_or_short_name():
    regions = default_index()
    assert regions.resolve("08221000").name == "Heidelberg, Stadt"
    assert regions.resolve("Heidelberg, Stadt").ags == "08221000"
    assert regions.resolve("heidelberg").ags == "08221000"
    with pytest.raises(UnknownRegionError, match="mehrdeutig"):
        regions.resolve("Neuenkirchen")
    with pytest.raises(UnknownRegionError, match="Atlantis"):
        regions.resolve("Atlantis")
