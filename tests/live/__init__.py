"""Cross-server live tests: recorded against real servers, replayed offline (see docs/recording.md)."""
