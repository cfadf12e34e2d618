"""Line helpers of the tense cues."""

from __future__ import annotations

from eventwire.temporal.cues import table_row


def test_a_row_of_prices_is_a_table_row():
    assert table_row(" MAY7  1552H 1550L  1564 1548 1560L 1563H 1543", 4)


def test_a_head_row_of_years_is_no_table_row():
    assert not table_row("              1986     1985     1984     1983     1982", 4)


def test_a_sentence_naming_many_years_is_no_table_row():
    assert not table_row("The fort changed hands in 1914, 1915, 1916, 1917 and 1918.", 4)
