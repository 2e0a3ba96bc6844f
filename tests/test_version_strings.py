"""Version strings of real servers: the Mastodon-compatible version (for gates) and the
server's own software and version, kept apart. Parsing never raises.

Every example comes from the servers' documentation or source (see the backends' module
docs). Parsing goes through the built-in backends' ``mastodon_parse_version`` hooks and
falls back to the core's best effort for forms no built-in backend owns (GoToSocial and
Takahē have their own backends outside the core; here only the fallback answers).
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from mastodon_backends import mainline, pleroma

from mastodon.detection import parse_server_version
from mastodon.plugins import BackendRegistry, make_plugin_manager
from mastodon.versions import ServerVersion

REGISTRY = BackendRegistry(make_plugin_manager(load_entry_points=False))

CASES = [
    # string, Mastodon-compatible version, software, software version
    ("4.5.0", (4, 5, 0), "mastodon", (4, 5, 0)),
    ("4.2.13", (4, 2, 13), "mastodon", (4, 2, 13)),  # also what Fedibird reports
    ("3.5.3+glitch", (3, 5, 3), "mastodon", (3, 5, 3)),
    ("4.3.0-rc1", (4, 3, 0), "mastodon", (4, 3, 0)),
    ("4.3.0-beta.2+glitch", (4, 3, 0), "mastodon", (4, 3, 0)),
    ("4.0.0rc1", (4, 0, 0), "mastodon", (4, 0, 0)),
    ("2.7.2 (compatible; Pleroma 2.5.0)", (2, 7, 2), "pleroma", (2, 5, 0)),
    ("2.7.2 (compatible; Pleroma 2.4.52-1337-g4779347a-develop)", (2, 7, 2), "pleroma", (2, 4, 52)),
    ("2.7.2 (compatible; Akkoma 3.10.4)", (2, 7, 2), "akkoma", (3, 10, 4)),
    ("2.7.2 (compatible; Akkoma 3.9.3-0-gd4ea9a8)", (2, 7, 2), "akkoma", (3, 9, 3)),
    ("(compatible; Akkoma 3.13.2)", (2, 7, 2), "akkoma", (3, 13, 2)),
    ("3.5.3 (compatible: Pixelfed 0.11.13)", (3, 5, 3), "pixelfed", (0, 11, 13)),
    ("4.0.2 (compatible; Wildebeest 0.0.1)", (4, 0, 2), "wildebeest", (0, 0, 1)),
    ("4.0.2 (compatible; Wildebeest x)", (4, 0, 2), "wildebeest", None),
    ("0.17.3+git-6f4cb2f", (0, 17, 3), "unknown", (0, 17, 3)),  # GoToSocial, raw
    ("0.17.3 git-6f4cb2f", (0, 17, 3), "unknown", (0, 17, 3)),  # GoToSocial, older raw form
    ("v0.20.0-rc1+git-57cb4fe", (0, 20, 0), "unknown", (0, 20, 0)),  # GoToSocial release candidate
    ("3.5.3+0.17.3+git-6f4cb2f", (3, 5, 3), "mastodon", (3, 5, 3)),  # GoToSocial, Mastodon version injected
    ("takahe/0.11.0", (0, 11, 0), "takahe", (0, 11, 0)),
    ("1.0.5+3.5.2", (3, 5, 2), "hometown", (1, 0, 5)),
    ("0.0.1.0", (0, 0, 1), "unknown", (0, 0, 1)),  # Florence
    ("v2024.11.1", (2024, 11, 1), "unknown", (2024, 11, 1)),  # Sharkey: calendar versions gate nothing
    ("", (1, 0, 0), "unknown", (1, 0, 0)),
    ("not a version", (1, 0, 0), "unknown", (1, 0, 0)),
]


@pytest.mark.parametrize(("text", "mastodon", "software", "own"), CASES, ids=[c[0] or "empty" for c in CASES])
def test_real_version_strings(text, mastodon, software, own):
    version = parse_server_version(REGISTRY.all_hooks, text)
    assert (version.mastodon, version.software, version.software_version) == (mastodon, software, own)
    assert version.raw == text


def test_build_metadata_and_prereleases_are_kept():
    glitch = parse_server_version(REGISTRY.all_hooks, "4.3.0-beta.2+glitch")
    assert glitch.extra == {"prerelease": "beta.2", "build": "glitch"}
    injected = parse_server_version(REGISTRY.all_hooks, "3.5.3+0.17.3+git-6f4cb2f")
    assert injected.extra["build"] == "0.17.3+git-6f4cb2f"
    develop = parse_server_version(REGISTRY.all_hooks, "2.7.2 (compatible; Pleroma 2.4.52-1337-g4779347a-develop)")
    assert develop.extra["build"] == "2.4.52-1337-g4779347a-develop"


def test_the_active_backend_is_asked_first():
    # The Pleroma chain parses its own form; a plain Mastodon string falls through to mainline.
    hooks = REGISTRY.hooks_for("pleroma")
    assert hooks.parse_version("2.7.2 (compatible; Pleroma 2.5.0)").software == "pleroma"
    assert hooks.parse_version("4.2.1").software == "mastodon"
    assert REGISTRY.hooks_for("fedibird").parse_version("3.4.1").mastodon == (3, 4, 1)


def test_client_versions_from_the_constructor_and_the_server(make_api, mock_http):
    api = make_api(version="2.7.2 (compatible; Akkoma 3.10.4)", feature_set="akkoma")
    assert api.mastodon_version == "2.7.2"
    assert api.server_version.software_version == (3, 10, 4)
    mock_http.add("GET", "/api/v1/instance", {"version": "2.7.2 (compatible; Akkoma 3.13.2)"})
    assert api.retrieve_mastodon_version() == "2.7.2"
    assert api.server_version.software_version == (3, 13, 2)
    assert api.verify_minimum_version("2.7.0", cached=True)
    assert not api.verify_minimum_version("3.0.0", cached=True)


# -- never raises ------------------------------------------------------------------------------

VERSIONISH = st.text(alphabet="0123456789.+-_ v()compatible;:PleromaAkkomaPixelfedgit/", max_size=80)


@given(st.one_of(st.text(), VERSIONISH))
@example("9" * 5000 + ".1.1")
@example("2.7.2 (compatible; Pleroma " + "9" * 5000 + ")")
@example("1" * 5000 + "." + "2" * 5000 + ".3+" + "4" * 5000 + ".5.6")
@example("(compatible; Akkoma)")
@example("\x00\udcff")
def test_parsing_never_raises(text):
    version = parse_server_version(REGISTRY.all_hooks, text)
    assert isinstance(version, ServerVersion)
    assert len(version.mastodon) == 3 and all(isinstance(n, int) for n in version.mastodon)
    for hook in (mainline.mastodon_parse_version, pleroma.mastodon_parse_version):
        answer = hook(text)
        assert answer is None or isinstance(answer, ServerVersion)


def test_a_long_run_of_digits_is_scanned_in_linear_time():
    # An unbounded ``\d+`` search backtracks quadratically: 200 000 digits took minutes.
    text = "9" * 200_000
    assert parse_server_version(REGISTRY.all_hooks, text).mastodon == (1, 0, 0)
    assert parse_server_version(REGISTRY.all_hooks, f"2.7.2 (compatible; Pleroma {text})").software_version is None


@pytest.mark.parametrize(
    ("text", "gates"),
    [
        ("takahe/0.11.0", False),
        ("0.17.3+git-6f4cb2f", False),
        ("v0.20.0-rc1+git-57cb4fe", False),
        ("3.5.3 (compatible: Pixelfed 0.11.13)", True),
        ("4.0.2 (compatible; Wildebeest 0.1)", True),
        ("something without digits", False),
    ],
)
def test_fallback_says_whether_the_string_names_a_mastodon_version(text: str, gates: bool) -> None:
    from mastodon.detection import fallback_server_version

    assert fallback_server_version(text).gates is gates
