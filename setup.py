"""Build configuration beyond pyproject.toml: optional C versions of two hot paths.

``mastodon._speedups``: the JSON decoder's object hook and the typing walk;
``mastodon._ssescan``: the line scanning of server-sent event streams. Both are
``optional=True``: without a C compiler the package installs anyway and runs the
pure-Python code (same results, slower).
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension("mastodon._speedups", ["mastodon/_speedups.c"], optional=True),
        Extension("mastodon._ssescan", ["mastodon/_ssescan.c"], optional=True),
    ]
)
