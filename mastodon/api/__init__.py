"""Public API methods, grouped by area as mixins of :class:`mastodon.Mastodon`."""
