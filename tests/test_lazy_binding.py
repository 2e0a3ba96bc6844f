"""``import mastodon`` stays light: the API areas and endpoint tables load at first use.

Each check runs in a fresh interpreter, where nothing has been bound yet.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import mastodon.client
from mastodon.client import API_AREAS


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_import_loads_no_api_area_endpoint_table_or_plugin_machinery():
    loaded = _run(
        """
        import sys
        import mastodon
        from mastodon import Mastodon
        print(" ".join(sorted(sys.modules)))
        """
    ).split()
    assert not [m for m in loaded if m.startswith("mastodon.api")]
    assert "mastodon.endpoints.accounts" not in loaded and "mastodon.endpoints.statuses" not in loaded
    assert "pluggy" not in loaded and "mastodon_backends" not in loaded


def test_a_client_finds_every_method_at_first_use():
    out = _run(
        """
        import sys
        from mastodon import Mastodon
        api = Mastodon(api_base_url="https://x.example", access_token="t", mastodon_version="4.2.0")
        before = any(m.startswith("mastodon.api.") for m in sys.modules)
        print(before, api.toot.__name__, callable(api.timeline_home), Mastodon.create_app.__name__)
        """
    )
    assert out == "False toot True create_app"


def test_class_level_introspection_sees_the_bound_class():
    out = _run(
        """
        import inspect
        from mastodon import Mastodon
        print(list(inspect.signature(Mastodon.status_post).parameters)[1], "toot" in dir(Mastodon))
        """
    )
    assert out == "status True"


def test_a_subclass_defined_before_any_use_can_call_super():
    out = _run(
        """
        from mastodon import Mastodon

        class Bot(Mastodon):
            def toot(self, status):
                return "bot:" + str(super().toot.__name__)

        print(Bot(api_base_url="https://x.example", mastodon_version="4.2.0").toot("hi"))
        """
    )
    assert out == "bot:toot"


def test_concurrent_first_uses_bind_once():
    out = _run(
        """
        import threading
        from mastodon import Mastodon
        api = Mastodon(api_base_url="https://x.example", mastodon_version="4.2.0")
        found, errors = [], []
        def use():
            try:
                found.append(api.status_post.__name__)
            except BaseException as exc:
                errors.append(repr(exc))
        threads = [threading.Thread(target=use) for _ in range(16)]
        for t in threads: t.start()
        for t in threads: t.join()
        print(len(found), errors)
        """
    )
    assert out == "16 []"


def test_unknown_names_still_raise_attribute_error():
    out = _run(
        """
        from mastodon import Mastodon
        api = Mastodon(api_base_url="https://x.example", mastodon_version="4.2.0")
        print(hasattr(api, "no_such_method"), hasattr(Mastodon, "no_such_method"), hasattr(api, "toot"))
        """
    )
    assert out == "False False True"


def test_the_type_checking_class_lists_the_same_areas_in_the_same_order():
    tree = ast.parse(Path(mastodon.client.__file__).read_text(encoding="utf-8"))
    typing_block = next(n for n in tree.body if isinstance(n, ast.If) and getattr(n.test, "id", "") == "TYPE_CHECKING" and n.orelse)
    declared = next(n for n in typing_block.body if isinstance(n, ast.ClassDef) and n.name == "Mastodon")
    assert [base.id for base in declared.bases] == [name for _, name in API_AREAS]  # type: ignore[attr-defined]
    mastodon.client.bind_api_areas()
    assert [base.__name__ for base in mastodon.client.Mastodon.__bases__] == [name for _, name in API_AREAS]
