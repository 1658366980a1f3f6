import datetime as dt

from bnk_lib import fmt


def test_german_numbers():
    assert fmt.number(5.35) == "5,35"
    assert fmt.number(161485) == "161.485"
    assert fmt.number(1234.5678) == "1.234,57"
    assert fmt.number(1483.83, 0) == "1.484"
    assert fmt.number(0.5, 2) == "0,50"
    assert fmt.number(None) == "–"
    assert fmt.number(float("nan")) == "–"


def test_german_dates():
    assert fmt.date(dt.date(2020, 12, 31)) == "31.12.2020"
    assert fmt.date("2026-06-09T09:02:57.167960+00:00") == "09.06.2026"
