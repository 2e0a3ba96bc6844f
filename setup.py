"""Build configuration beyond pyproject.toml: the optional C object hook for JSON decoding.

``optional=True``: without a C compiler the package installs anyway and decodes with the
pure-Python hook (same results, slower).
"""

from setuptools import Extension, setup

setup(ext_modules=[Extension("mastodon._speedups", ["mastodon/_speedups.c"], optional=True)])
