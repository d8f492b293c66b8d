"""The census first-name table: which names count as one sex."""

from __future__ import annotations

from newsfacts.extract.first_names import first_name_sexes, honorific_sex, is_first_name
from newsfacts.training.first_names import sexed


def test_a_name_is_marked_for_a_sex_only_when_it_is_ten_times_commoner_there() -> None:
    male = {"donald": 0.9, "taylor": 0.024, "andrea": 0.006, "orin": 0.01, "lu": 0.001}
    female = {"donald": 0.002, "taylor": 0.012, "andrea": 0.236, "hillary": 0.013}
    assert sexed(male, female) == {
        "andrea": "-",  # a man's name in Italy
        "donald": "m",
        "hillary": "f",
        "orin": "m",
        "taylor": "-",
    }  # "lu", a Chinese family name, is left out


def test_the_shipped_table_reads_and_leaves_shared_and_foreign_names_out() -> None:
    table = first_name_sexes()
    assert (table["donald"], table["hillary"]) == ("m", "f")
    assert not {"taylor", "andrea", "lu", "kim", "lee"} & table.keys()
    assert (table["barack"], table["ivanka"]) == ("m", "f")  # news names the census lacks
    assert "lula" not in table and is_first_name("Lula")  # a man's name in Brazil
    assert is_first_name("Taylor") and is_first_name("Eva-Marie")
    assert not is_first_name("Lu") and not is_first_name("Kestrel")


def test_an_honorific_just_before_a_name_says_the_sex() -> None:
    text = "Mr. Lee and Ms Park met Mrs. Kim; Dr. Cho and Mister Yoon did not."
    names = ("Lee", "Park", "Kim", "Cho", "Yoon")
    sexes = [honorific_sex(text, text.index(name)) for name in names]
    assert sexes == ["m", "f", "f", None, None]
    assert honorific_sex("SMr. Lee", 5) is None  # only a whole word
