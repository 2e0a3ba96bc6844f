"""Test-suite configuration: fixtures come from the modules in ``tests/support``."""

pytest_plugins = ["support.mock_http", "mastodon.testing.plugins", "support.fault_server", "support.stream_servers", "mastodon.testing.live"]
