"""Test support for programs and backend plugins built on this library.

- :mod:`mastodon.testing.mock_http`: an in-process HTTP mock and pytest fixtures
  (``mock_http``, ``make_api``, ``api``) for request-level tests, no network.
- :mod:`mastodon.testing.plugins`: fixtures for a backend plugin's own tests: a registry
  with only the built-in backends (``plugin_registry``) and ``serve_server``, which
  answers the requests server detection makes.
- :mod:`mastodon.testing.live`: a pytest plugin to run tests against a live server, record
  them as vcrpy cassettes and replay them offline (needs the ``test`` extra).

Load either from a ``conftest.py``: ``pytest_plugins = ["mastodon.testing.mock_http"]``.
"""
