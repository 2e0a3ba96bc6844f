from collections.abc import Callable
from typing import Any

class DecodeHook:
    def __init__(
        self,
        wrap: Callable[[dict[str, Any]], Any],
        date_keys: frozenset[str],
        int_keys: frozenset[str],
        slow: Callable[[str, str], Any],
    ) -> None: ...
    def __call__(self, obj: dict[str, Any], /) -> Any: ...

def track(obj: object, /) -> None: ...
def retype(value: Any, spec: list[Any], dict_base: type, list_base: type, /) -> Any: ...
