"""Test helpers shared by the test suite (and usable by backend plugin authors)."""
