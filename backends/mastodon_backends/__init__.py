"""Built-in backend plugins, shipped with the library and registered explicitly.

Each module is a plugin like any third-party one: it imports only the public plugin
surface, :mod:`mastodon.plugin`.
"""
