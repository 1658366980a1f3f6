import pytest

from bnk_lib.charts.trend import assess_trend


@pytest.mark.parametrize(
    ("values", "direction", "label"),
    [
        ([10, 9, 8, 7, 6], "lower_is_better", "verbessert"),
        ([10, 9, 8, 7, 6], "higher_is_better", "verschlechtert"),
        ([6, 7, 8, 9, 10], "higher_is_better", "verbessert"),
        ([6, 7, 8, 9, 10], "none", "gestiegen"),
        ([10, 10.05, 9.98, 10.02, 10.01], "lower_is_better", "stabil"),
    ],
)
def test_direction_aware(values, direction, label):
    assert assess_trend([2019, 2020, 2021, 2022, 2023], values, direction).label == label


def test_window_uses_only_the_last_five_years():
    years = list(range(2014, 2024))
    # a steep fall before 2019, flat afterwards: the window sees "stabil"
    values = [20, 18, 16, 14, 12, 10, 10, 10, 10, 10]
    trend = assess_trend(years, values, "lower_is_better")
    assert (trend.label, trend.first_year, trend.last_year) == ("stabil", 2019, 2023)


def test_threshold_is_relative_per_year():
    # +0.9 % of the mean per year is stable, +1.5 % is not
    assert assess_trend([2021, 2022, 2023], [100, 100.9, 101.8], "higher_is_better").label == "stabil"
    assert assess_trend([2021, 2022, 2023], [100, 101.5, 103], "higher_is_better").label == "verbessert"


def test_too_few_values_and_gaps():
    assert assess_trend([2022, 2023], [1, 2], "higher_is_better").label == "unbestimmt"
    assert assess_trend([2019, 2020, 2021, 2022, 2023], [1, None, None, None, 2], "higher_is_better").label == (
        "unbestimmt"
    )
    assert assess_trend([], [], "higher_is_better").label == "unbestimmt"
