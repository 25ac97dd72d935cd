"""Regenerate the syllable tables in lint/data from their sources.

Run from the repository root with the venv active, after updating the shipped
cmudict corpus or upgrading pyphen (``tests/checks/test_syllables.py`` fails
until the tables are regenerated):

    python bench/build_syllable_tables.py

- ``lint/data/cmudict_syllables.marshal``: from ``lint/data/nltk_data/corpora/cmudict``;
- ``lint/data/hyphenation_en_US.marshal``: from the installed pyphen's en_US patterns, as a trie.
"""

from __future__ import annotations

import marshal

from newslint.text.syllables import CMUDICT_TABLE, HYPHENATION_TABLE, cmudict_table_bytes, hyphenation_trie


def main() -> None:
    CMUDICT_TABLE.write_bytes(cmudict_table_bytes())
    HYPHENATION_TABLE.write_bytes(marshal.dumps(hyphenation_trie()))
    for path in (CMUDICT_TABLE, HYPHENATION_TABLE):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
