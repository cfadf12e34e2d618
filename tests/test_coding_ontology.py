"""The CAMEO / PLOVER / Goldstein table (data/ontology/cameo.csv)."""

from __future__ import annotations

import pytest

from eventwire.coding.ontology import PLOVER_TYPES, Ontology, OntologyError


@pytest.fixture(scope="module")
def ontology():
    return Ontology.load()


def test_every_root_is_present_with_a_label(ontology):
    roots = [f"{n:02d}" for n in range(1, 21)]
    assert all(ontology.cameo(r).label for r in roots)


def test_visit_has_label_goldstein_plover_and_quad(ontology):
    info = ontology.cameo("042")
    assert (info.label, info.goldstein, info.plover, info.quad_class) == (
        "Make a visit",
        1.9,
        "CONSULT",
        1,
    )
    assert info.plover_mode == "visit"


def test_quad_class_follows_the_root(ontology):
    assert ontology.cameo("0311").quad_class == 1
    assert ontology.cameo("0841").quad_class == 2
    assert ontology.cameo("112").quad_class == 3
    assert ontology.cameo("193").quad_class == 4


def test_plover_types_are_the_current_sixteen(ontology):
    used = {ontology.cameo(c).plover for c in ontology.codes()} - {None}
    assert used <= set(PLOVER_TYPES)
    assert len(used) == 16


def test_statements_have_no_plover_type_and_appeals_are_requests(ontology):
    assert ontology.cameo("010").plover is None
    assert ontology.cameo("0233").plover == "REQUEST"


def test_sanctions_are_coerce_and_expulsion_is_sanction(ontology):
    assert ontology.cameo("163").plover == "COERCE"
    assert ontology.cameo("166").plover == "SANCTION"


def test_goldstein_values_stay_in_range(ontology):
    assert all(-10 <= ontology.cameo(c).goldstein <= 10 for c in ontology.codes())
    assert ontology.cameo("1823").goldstein == -10.0


def test_unknown_code_names_the_code(ontology):
    with pytest.raises(KeyError, match="999"):
        ontology.cameo("999")


def test_bad_row_names_file_and_line(tmp_path):
    path = tmp_path / "cameo.csv"
    path.write_text(
        "code,label,goldstein,quad_class,plover,plover_mode,plover_context\n"
        "042,Make a visit,1.9,1,CONSULT,visit,\n"
        "043,Host a visit,high,1,CONSULT,visit,\n",
        encoding="utf-8",
    )
    with pytest.raises(OntologyError, match=r"cameo\.csv:3"):
        Ontology.load(path)


def test_version_names_the_table(ontology):
    assert ontology.version.startswith("cameo-")


def test_plover_for_follows_the_plover_convention_for_acts_not_done(ontology):
    assert ontology.plover_for("042", "planned") == "AGREE"
    assert ontology.plover_for("073", "possible") == "AGREE"
    assert ontology.plover_for("190", "planned") == "THREATEN"
    assert ontology.plover_for("143", "planned") == "THREATEN"
    assert ontology.plover_for("042", "occurred") == "CONSULT"
    assert ontology.plover_for("057", "negated") == "SUPPORT"
    assert ontology.plover_for("010", "planned") is None
