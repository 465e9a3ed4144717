"""Tests for the site model, the TOML loader's validation and the demo site."""

from __future__ import annotations

import pickle
from collections import Counter
from pathlib import Path

import pytest

from core.site import SITE_FILE_MAX_BYTES, Point, SiteError, SiteSpec, load_site, parse_site

DEMO = Path(__file__).resolve().parents[3] / "resources" / "demo" / "site.toml"

# A small valid site; the error tests below each break one thing in it.
BASE = """\
[site]
name = "测试街道"

[[community]]
code = "C01"
name = "一号社区"
population = 1200
households = 500
centre = [100, 100]
address = "一号路1号"
streets = ["一号路", "一号里"]

[[community]]
code = "C02"
name = "二号社区"
population = 800
households = 300
centre = [400, 100]
streets = ["二号路"]

[[department]]
code = "D01"
name = "派出所"
kind = "police"
phone = "022-26581110"

[[workstation]]
code = "CC"
name = "指挥中心"

[[workstation]]
code = "WS01"
name = "一号社区工作站"
community = "C01"

[[zone]]
code = "Z0101"
name = "一号小区"
community = "C01"
kind = "residential"
polygon = [[0, 0], [200, 0], [200, 200], [0, 200]]

[[zone]]
code = "Z0201"
name = "二号小区"
community = "C02"
kind = "residential"
polygon = [
    [300, 0],
    [500, 0],
    [500, 200],
]

[[reader]]
code = "R001"
name = "一号南门"
community = "C01"
zone = "Z0101"
position = [100, 10]
protocol = "sim"
address = "sim://R001"
workstation = "WS01"

[[reader]]
code = "R002"
name = "一号北门"
community = "C01"
zone = "Z0101"
position = [100, 190]
protocol = "llrp"
address = "tcp://127.0.0.1:5084"
workstation = "WS01"

[[reader]]
code = "R003"
name = "二号小区"
community = "C02"
zone = "Z0201"
position = [400, 50]
protocol = "ascii-serial"
address = "serial:///dev/ttyUSB0?baud=115200"
workstation = "CC"

[[camera]]
code = "CAM01"
name = "一号路与二号路交口"
community = "C01"
position = [250, 100]
main_url = "demo://cam01/main"
sub_url = "demo://cam01/sub"
workstation = "CC"

[[device]]
code = "PB01"
name = "一键报警柱"
kind = "panic_button"
address = "dc09://CC/PB01"
workstation = "CC"
"""


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the occurrence-th line containing needle."""
    hits = [n for n, line in enumerate(text.split("\n"), start=1) if needle in line]
    assert len(hits) >= occurrence, f"{needle!r} not in snippet"
    return hits[occurrence - 1]


def replace_nth(text: str, old: str, new: str, occurrence: int) -> str:
    """Replace only the occurrence-th (1-based) appearance of old."""
    parts = text.split(old)
    assert len(parts) > occurrence, f"{old!r} appears fewer than {occurrence} times"
    return old.join(parts[:occurrence]) + new + old.join(parts[occurrence:])


def load_error(tmp_path: Path, text: str) -> SiteError:
    path = tmp_path / "site.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SiteError) as caught:
        load_site(path)
    error = caught.value
    assert error.path == path
    where = f"{path}" if error.line is None else f"{path}:{error.line}"
    assert str(error) == f"{where}: {error.field}: {error.message}"
    return error


# --- the demo site -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo() -> SiteSpec:
    return load_site(DEMO)


def test_demo_site_has_the_documented_inventory(demo: SiteSpec) -> None:
    assert demo.name == "红桥区咸阳北路街道"
    assert demo.timezone == "Asia/Shanghai"
    assert demo.source == DEMO
    assert len(demo.communities) == 20
    assert len(demo.departments) == 7
    assert len(demo.workstations) == 21
    assert len(demo.readers) == 71
    assert len(demo.cameras) == 16
    assert 74_000 <= sum(c.population for c in demo.communities) <= 76_000


def test_demo_communities_are_plausible(demo: SiteSpec) -> None:
    assert [c.code for c in demo.communities] == [f"C{i:02d}" for i in range(1, 21)]
    for community in demo.communities:
        assert community.name.endswith("社区")
        assert 2 <= len(community.streets) <= 4
        # Tianjin households average roughly 2.3 to 2.8 people.
        assert 2.2 <= community.population / community.households <= 2.9
        assert 0 <= community.centre.x <= 3000
        assert 0 <= community.centre.y <= 2000
    assert len({c.name for c in demo.communities}) == 20


def test_demo_departments_cover_every_kind_once(demo: SiteSpec) -> None:
    kinds = Counter(d.kind for d in demo.departments)
    assert set(kinds) == {
        "police",
        "fire",
        "city_management",
        "committee",
        "volunteers",
        "street_office",
        "civil_affairs",
    }
    assert set(kinds.values()) == {1}
    police = next(d for d in demo.departments if d.kind == "police")
    assert police.name == "红桥区公安分局咸阳北路派出所"
    assert all(d.phone.startswith("022-2658") for d in demo.departments)


def test_demo_workstations_are_the_centre_and_one_per_community(demo: SiteSpec) -> None:
    centre, *stations = demo.workstations
    assert (centre.code, centre.name, centre.community) == ("CC", "指挥中心", None)
    assert [(w.code, w.community) for w in stations] == [
        (f"WS{i:02d}", f"C{i:02d}") for i in range(1, 21)
    ]
    for station in stations:
        assert station.community is not None
        assert station.name == demo.community(station.community).name + "工作站"


def test_demo_zones_give_every_community_a_residential_area_and_a_gate(demo: SiteSpec) -> None:
    kinds: dict[str, set[str]] = {}
    for zone in demo.zones:
        kinds.setdefault(zone.community, set()).add(zone.kind)
        assert len(zone.polygon) >= 3
    assert set(kinds) == {c.code for c in demo.communities}
    assert all({"residential", "gate"} <= found for found in kinds.values())
    assert any("safe" in found for found in kinds.values())


def test_demo_readers_are_simulated_and_owned_by_their_community_station(demo: SiteSpec) -> None:
    assert [r.code for r in demo.readers] == [f"R{i:03d}" for i in range(1, 72)]
    zones = {z.code: z for z in demo.zones}
    stations = {w.code: w for w in demo.workstations}
    for reader in demo.readers:
        assert reader.protocol == "sim"
        assert reader.address == f"sim://{reader.code}"
        assert zones[reader.zone].community == reader.community
        assert stations[reader.workstation].community == reader.community
    assert len({r.community for r in demo.readers}) == 20


def test_demo_cameras_and_devices(demo: SiteSpec) -> None:
    assert [c.code for c in demo.cameras] == [f"CAM{i:02d}" for i in range(1, 17)]
    assert all(c.workstation == "CC" for c in demo.cameras)
    cam = demo.cameras[0]
    assert (cam.name, cam.main_url, cam.sub_url) == (
        "咸阳北路与芥园道交口",
        "demo://cam01/main",
        "demo://cam01/sub",
    )
    assert Counter(d.kind for d in demo.devices) == {
        "alarm_panel": 20,
        "phone": 21,  # 20 stations and the control centre's hotline (PH00)
        "panic_button": 4,
        "gps_gateway": 4,  # the JT/T 808 platform GW01, the NMEA trackers GT01-GT03
    }
    by_code = {d.code: d for d in demo.devices}
    assert (by_code["AP01"].address, by_code["AP01"].workstation) == ("dc09://WS01", "WS01")
    assert (by_code["PH01"].address, by_code["PH01"].workstation) == ("sip:ws01@site", "WS01")
    assert {d.workstation for d in demo.devices if d.kind == "panic_button"} == {"CC"}


def test_community_lookup(demo: SiteSpec) -> None:
    assert demo.community("C01") is demo.communities[0]
    with pytest.raises(KeyError):
        demo.community("C99")


# --- a valid snippet -----------------------------------------------------------------------------


def test_base_snippet_parses_with_defaults(tmp_path: Path) -> None:
    site = parse_site(BASE, tmp_path / "x.toml")
    assert site.timezone == "Asia/Shanghai"
    assert site.source == tmp_path / "x.toml"
    assert site.communities[1].address == ""
    assert site.communities[0].centre == Point(100.0, 100.0)
    assert site.zones[1].polygon == (Point(300, 0), Point(500, 0), Point(500, 200))
    assert site.workstations[0].community is None
    assert site.devices[0].community is None
    assert [r.protocol for r in site.readers] == ["sim", "llrp", "ascii-serial"]


def test_load_site_tolerates_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + BASE.encode("utf-8"))
    assert load_site(path).name == "测试街道"


# --- errors name the file, line and field --------------------------------------------------------


def test_typo_in_a_field_name_suggests_the_right_one(tmp_path: Path) -> None:
    text = replace_nth(BASE, 'community = "C01"\nzone', 'comunity = "C01"\nzone', 2)
    error = load_error(tmp_path, text)
    assert error.line == line_of(text, "comunity")
    assert error.field == "reader[1].comunity"
    assert "unknown field 'comunity' (did you mean 'community'?)" in error.message
    assert "'R002'" in error.message


def test_unknown_zone_points_at_the_right_reader(tmp_path: Path) -> None:
    text = replace_nth(BASE, 'zone = "Z0201"', 'zone = "Z0209"', 1)
    error = load_error(tmp_path, text)
    assert error.line == line_of(text, 'zone = "Z0209"')
    assert error.field == "reader[2].zone"
    assert error.message == "unknown zone 'Z0209' (did you mean 'Z0201'?) (reader 'R003')"


def test_zone_of_another_community_is_refused(tmp_path: Path) -> None:
    text = replace_nth(BASE, 'zone = "Z0101"', 'zone = "Z0201"', 2)
    error = load_error(tmp_path, text)
    assert error.field == "reader[1].zone"
    assert error.line == line_of(text, 'zone = "Z0201"', 1)
    assert "belongs to community 'C02', not 'C01'" in error.message


def test_missing_field_falls_back_to_the_table_header(tmp_path: Path) -> None:
    text = BASE.replace('name = "二号小区"\ncommunity = "C02"\nkind', 'community = "C02"\nkind')
    error = load_error(tmp_path, text)
    assert error.field == "zone[1].name"
    assert error.line == line_of(text, "[[zone]]", 2)
    assert error.message == "missing required field 'name' (zone 'Z0201')"


def test_wrong_type_names_the_type(tmp_path: Path) -> None:
    text = BASE.replace("population = 800", 'population = "八百"')
    error = load_error(tmp_path, text)
    assert error.field == "community[1].population"
    assert error.line == line_of(text, "八百")
    assert "expected an integer, got string '八百'" in error.message


def test_a_boolean_is_not_an_integer(tmp_path: Path) -> None:
    text = BASE.replace("households = 300", "households = true")
    error = load_error(tmp_path, text)
    assert error.field == "community[1].households"
    assert "got boolean true" in error.message


def test_negative_population(tmp_path: Path) -> None:
    text = BASE.replace("population = 1200", "population = -5")
    error = load_error(tmp_path, text)
    assert error.field == "community[0].population"
    assert error.line == line_of(text, "population = -5")
    assert "must be >= 0, got -5" in error.message


def test_more_households_than_people(tmp_path: Path) -> None:
    text = BASE.replace("households = 300", "households = 900")
    error = load_error(tmp_path, text)
    assert error.field == "community[1].households"
    assert "900 households exceed the population 800" in error.message


def test_duplicate_code(tmp_path: Path) -> None:
    text = BASE.replace('code = "C02"', 'code = "C01"')
    error = load_errors(tmp_path, text)
    assert error.field == "community[1].code"
    assert error.line == line_of(text, 'code = "C01"', 2)
    assert error.message == "duplicate community code 'C01' (already used by community[0])"
    # C02 is gone, so what still names it is reported as well.
    assert [p.field for p in error.problems[1:]] == ["zone[1].community", "reader[2].community"]


def test_unknown_workstation(tmp_path: Path) -> None:
    text = BASE.replace('workstation = "CC"\n\n[[device]]', 'workstation = "CX"\n\n[[device]]')
    error = load_error(tmp_path, text)
    assert error.field == "camera[0].workstation"
    assert error.line == line_of(text, 'workstation = "CX"')
    assert "unknown workstation 'CX'" in error.message
    assert "(camera 'CAM01')" in error.message


def test_unknown_community_of_a_workstation(tmp_path: Path) -> None:
    text = BASE.replace(
        'name = "一号社区工作站"\ncommunity = "C01"', 'name = "x"\ncommunity = "C1"'
    )
    error = load_error(tmp_path, text)
    assert error.field == "workstation[1].community"
    assert error.line == line_of(text, 'community = "C1"')
    assert "unknown community 'C1'" in error.message


def test_invalid_timezone_suggests_a_real_one(tmp_path: Path) -> None:
    text = BASE.replace('name = "测试街道"', 'name = "测试街道"\ntimezone = "Asia/Shangai"')
    error = load_error(tmp_path, text)
    assert error.field == "site.timezone"
    assert error.line == 3
    assert error.message == "unknown time zone 'Asia/Shangai' (did you mean 'Asia/Shanghai'?)"


@pytest.mark.parametrize(
    ("old", "new", "field", "expected"),
    [
        ('kind = "police"', 'kind = "polise"', "department[0].kind", "did you mean 'police'?"),
        (
            'protocol = "llrp"',
            'protocol = "LLRP"',
            "reader[1].protocol",
            "unknown protocol 'LLRP' (did you mean 'llrp'?)",
        ),
        ('kind = "panic_button"', 'kind = "panic"', "device[0].kind", "panic_button"),
        (
            'kind = "residential"\npolygon = [[0',
            'kind = "residental"\npolygon = [[0',
            "zone[0].kind",
            "did you mean 'residential'?",
        ),
    ],
)
def test_bad_enum_values(tmp_path: Path, old: str, new: str, field: str, expected: str) -> None:
    text = BASE.replace(old, new)
    error = load_error(tmp_path, text)
    assert error.field == field
    assert error.line == line_of(text, new.split("\n")[0])
    assert expected in error.message


def test_polygon_with_two_points(tmp_path: Path) -> None:
    text = BASE.replace("    [500, 200],\n", "")
    error = load_error(tmp_path, text)
    assert error.field == "zone[1].polygon"
    assert error.line == line_of(text, "polygon = [", 2)
    assert "at least 3 points, got 2" in error.message


def test_malformed_point_names_its_index(tmp_path: Path) -> None:
    text = BASE.replace("[500, 200],", '[500, "north"],')
    error = load_error(tmp_path, text)
    assert error.field == "zone[1].polygon[2]"
    assert error.line == line_of(text, "polygon = [", 2)


def test_collinear_polygon(tmp_path: Path) -> None:
    text = BASE.replace("[500, 200],", "[700, 0],")
    error = load_error(tmp_path, text)
    assert error.field == "zone[1].polygon"
    assert "zero area" in error.message


def test_reader_address_must_suit_the_protocol(tmp_path: Path) -> None:
    text = BASE.replace('address = "tcp://127.0.0.1:5084"', 'address = "sim://R002"')
    error = load_error(tmp_path, text)
    assert error.field == "reader[1].address"
    assert error.line == line_of(text, 'address = "sim://R002"')
    assert "a llrp reader needs an address llrp://... or tcp://..." in error.message


def test_toml_syntax_error_reports_tomllib_line(tmp_path: Path) -> None:
    text = BASE.replace('phone = "022-26581110"', 'phone = "022-26581110')
    error = load_error(tmp_path, text)
    assert error.field == "toml"
    assert error.line == line_of(text, 'phone = "022')
    assert error.message.startswith("syntax error: ")


def test_unknown_table_suggests_the_right_one(tmp_path: Path) -> None:
    text = BASE.replace("[[camera]]", "[[camra]]")
    error = load_error(tmp_path, text)
    assert error.field == "camra"
    assert error.line == line_of(text, "[[camra]]")
    assert error.message == "unknown table 'camra' (did you mean 'camera'?)"


def test_single_bracket_table_is_explained(tmp_path: Path) -> None:
    text = BASE.replace("[[device]]", "[device]")
    error = load_error(tmp_path, text)
    assert error.field == "device"
    assert error.line == line_of(text, "[device]")
    assert "write [[device]], not [device]" in error.message


def test_missing_site_table_has_no_line(tmp_path: Path) -> None:
    text = BASE.replace('[site]\nname = "测试街道"\n', "")
    error = load_error(tmp_path, text)
    assert error.line is None
    assert str(error) == f"{tmp_path / 'site.toml'}: site: missing the [site] table"


def test_decoys_do_not_shift_line_numbers(tmp_path: Path) -> None:
    # A commented-out header, a header-like line inside a multi-line string and the
    # multi-line polygon above must not be mistaken for tables or keys.
    decoys = (
        '# [[reader]]\n# zone = "Z0101"\n'
        '[[department]]\ncode = "D02"\nname = """多行\n[[reader]]\nzone = "x"\n"""\n'
        'kind = "fire"\nphone = "119"\n\n'
    )
    text = BASE.replace("[[workstation]]", decoys + "[[workstation]]", 1)
    # The commented-out key is the first occurrence, R001 the second, R002 the third.
    text = replace_nth(text, 'zone = "Z0101"', 'zone = "Z0102"', 3)
    error = load_error(tmp_path, text)
    assert error.field == "reader[1].zone"
    assert error.line == line_of(text, 'zone = "Z0102"')


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.toml"
    with pytest.raises(SiteError) as caught:
        load_site(path)
    assert caught.value.line is None
    assert caught.value.field == "file"
    assert str(caught.value).startswith(f"{path}: file: cannot read")


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(BASE.replace("派出所", "Polizei-Café").encode("latin-1", "replace"))
    with pytest.raises(SiteError) as caught:
        load_site(path)
    assert caught.value.line == line_of(BASE, "派出所")
    assert caught.value.message == "not valid UTF-8 text"


def test_site_error_survives_pickling(tmp_path: Path) -> None:
    error = SiteError(tmp_path / "s.toml", 7, "reader[0].zone", "unknown zone 'Z9'")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.path, copy.line, copy.field, copy.message) == (
        error.path,
        error.line,
        error.field,
        error.message,
    )
    assert str(copy) == f"{tmp_path / 's.toml'}:7: reader[0].zone: unknown zone 'Z9'"


# --- every problem at once -----------------------------------------------------------------------


def load_errors(tmp_path: Path, text: str) -> SiteError:
    """The SiteError of a broken file, whose problems are all checked for file, line and field."""
    path = tmp_path / "site.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SiteError) as caught:
        load_site(path)
    error = caught.value
    first = error.problems[0]
    assert (error.path, error.line, error.field, error.message) == (
        first.path,
        first.line,
        first.field,
        first.message,
    ), "the single-error attributes describe the first problem"
    assert str(error) == "\n".join(str(p) for p in error.problems)
    return error


def test_every_problem_is_reported_not_only_the_first(tmp_path: Path) -> None:
    """Regression: a site check stopped at the first error, so fixing a file took many runs."""
    text = BASE.replace('name = "测试街道"', 'name = "测试街道"\ntimezone = "Asia/Shangai"')
    text = text.replace("population = 1200", "population = -5")
    text = replace_nth(text, 'zone = "Z0201"', 'zone = "Z0209"', 1)
    text = text.replace('kind = "panic_button"', 'kind = "panic"')
    error = load_errors(tmp_path, text)
    assert [(p.field, p.line) for p in error.problems] == [
        ("site.timezone", line_of(text, "Asia/Shangai")),
        ("community[0].population", line_of(text, "population = -5")),
        ("reader[2].zone", line_of(text, 'zone = "Z0209"')),
        ("device[0].kind", line_of(text, 'kind = "panic"')),
    ]
    assert all(p.path == tmp_path / "site.toml" for p in error.problems)
    assert error.problems[2].message == (
        "unknown zone 'Z0209' (did you mean 'Z0201'?) (reader 'R003')"
    )
    assert len(str(error).splitlines()) == 4


def test_every_field_of_one_entry_is_checked(tmp_path: Path) -> None:
    text = BASE.replace(
        'population = 800\nhouseholds = 300\ncentre = [400, 100]\nstreets = ["二号路"]',
        'population = "八百"\nhousehold = 300\ncentre = [400]\nstreets = []',
    )
    error = load_errors(tmp_path, text)
    assert [p.field for p in error.problems] == [
        "community[1].household",
        "community[1].population",
        "community[1].centre",
        "community[1].streets",
    ]
    assert "did you mean 'households'?" in error.problems[0].message
    # The misspelt field is not reported a second time as a missing 'households'.


def test_a_broken_entry_does_not_cascade_into_its_references(tmp_path: Path) -> None:
    """C02 has a bad field, yet it exists: zones and readers naming it are not wrong too."""
    text = BASE.replace("households = 300", "households = 900")
    text = text.replace('kind = "residential"\npolygon = [\n', 'kind = "residental"\npolygon = [\n')
    error = load_errors(tmp_path, text)
    assert [p.field for p in error.problems] == ["community[1].households", "zone[1].kind"]


def test_a_single_problem_reads_as_before(tmp_path: Path) -> None:
    error = load_errors(tmp_path, BASE.replace("[[camera]]", "[[camra]]"))
    assert len(error.problems) == 1
    assert str(error) == f"{tmp_path / 'site.toml'}:{error.line}: camra: {error.message}"


def test_site_error_with_several_problems_survives_pickling(tmp_path: Path) -> None:
    text = BASE.replace("population = 1200", "population = -5").replace("[[camera]]", "[[camra]]")
    error = load_errors(tmp_path, text)
    copy = pickle.loads(pickle.dumps(error))
    assert copy.problems == error.problems
    assert str(copy) == str(error)


# --- did you mean --------------------------------------------------------------------------------

C20 = """
[[community]]
code = "C20"
name = "二十号社区"
population = 100
households = 40
centre = [900, 100]
streets = ["二十号路"]
"""


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [("C2", "C02"), ("c2", "C02"), ("C002", "C02"), ("C21", "C20"), ("C200", "C20")],
)
def test_zero_padded_codes_are_suggested_by_number(
    tmp_path: Path, typed: str, suggested: str
) -> None:
    """Regression: 'C2' was answered with 'C20' instead of 'C02'."""
    text = BASE.replace("[[department]]", C20.lstrip() + "\n[[department]]")
    text = text.replace(
        'name = "一号社区工作站"\ncommunity = "C01"', f'name = "x"\ncommunity = "{typed}"'
    )
    error = load_error(tmp_path, text)
    assert error.field == "workstation[1].community"
    assert f"unknown community '{typed}' (did you mean '{suggested}'?)" in error.message


def test_zero_padded_device_codes(tmp_path: Path) -> None:
    text = BASE.replace('workstation = "CC"\n\n[[device]]', 'workstation = "ws1"\n\n[[device]]')
    error = load_error(tmp_path, text)
    assert error.field == "camera[0].workstation"
    assert "unknown workstation 'ws1' (did you mean 'WS01'?)" in error.message


def test_a_huge_site_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "site.toml"
    with big.open("wb") as f:
        f.truncate(SITE_FILE_MAX_BYTES + 1)  # sparse: the size alone must decide
    with pytest.raises(SiteError, match="too large"):
        load_site(big)


# --- units (dispatch) ------------------------------------------------------------------------
def test_demo_units_belong_to_known_departments(demo: SiteSpec) -> None:
    codes = {d.code: d.kind for d in demo.departments}
    assert demo.units
    assert all(u.department in codes and u.phone for u in demo.units)
    assert any(codes[u.department] == "volunteers" for u in demo.units)


def test_a_unit_of_an_unknown_department_is_reported() -> None:
    text = BASE + '\n[[unit]]\ncode = "U1"\ndepartment = "D99"\nname = "x"\n'
    with pytest.raises(SiteError) as info:
        parse_site(text, Path("site.toml"))
    assert any(p.field == "unit[0].department" for p in info.value.problems)
