"""YAML loading that remembers where each key is, for errors users can act on."""

from __future__ import annotations

import yaml

from newslint.errors import NewslintError

try:  # the C loader is several times faster; fall back where libyaml is absent
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader


class YamlData:
    """Parsed data plus the 1-based line of every mapping key, by key path."""

    def __init__(self, data, lines: dict[tuple, int], path: str):
        self.data = data
        self.lines = lines
        self.path = path

    def line(self, *keys) -> int | None:
        """Line of the deepest known key along ``keys``."""
        while keys:
            if keys in self.lines:
                return self.lines[keys]
            keys = keys[:-1]
        return None

    def error(self, message: str, *keys) -> NewslintError:
        key = ".".join(str(k) for k in keys)
        return NewslintError(message, self.path, self.line(*keys), key)


def load(text: str, path: str) -> YamlData:
    """Parse ``text`` with the safe loader; NewslintError with a line on failure."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        # Build the data from the same node tree: the text is parsed once.
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or "invalid YAML"
        raise NewslintError(f"invalid YAML: {problem}", path, mark.line + 1 if mark else None) from None
    finally:
        loader.dispose()
    lines: dict[tuple, int] = {}
    if node is not None:
        _walk(node, (), lines, path)
    return YamlData(data, lines, path)


def _walk(node, prefix: tuple, lines: dict, path: str) -> None:
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                raise NewslintError(
                    "duplicate key", path, key_node.start_mark.line + 1, ".".join(map(str, prefix + (key,)))
                )
            seen.add(key)
            lines[prefix + (key,)] = key_node.start_mark.line + 1
            _walk(value_node, prefix + (key,), lines, path)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[prefix + (index,)] = item.start_mark.line + 1
            _walk(item, prefix + (index,), lines, path)
