#!/bin/sh
# update-po.sh — extracts every translatable message from src/ into
# po/kumihan.pot and merges it into po/ja.po (new messages come in
# untranslated, for tests/lint/test_po_complete.py to point out).
# Usage: tools/update-po.sh   (from anywhere; needs xgettext and msgmerge)
set -eu
cd "$(dirname "$0")/.."
# _() and N_() mark messages; the yschema checks take the name of what they
# check ("the document", "'parts'") and translate it when they report.
xgettext --from-code=UTF-8 --language=C --sort-by-file --add-comments=TRANSLATORS: \
  --package-name=kumihan --msgid-bugs-address=none --no-wrap \
  -k_ -kN_ -kys_check_keys:3 -kys_expect:3 -kys_require:3 -kys_text:2 -kys_bool:2 \
  -kys_int:2 -kys_length:2 -kys_number:2 -kys_color:3 -kys_choice:3 \
  -o po/kumihan.pot src/*/*.c
sed -i 's/charset=CHARSET/charset=UTF-8/' po/kumihan.pot
if [ -f po/ja.po ]; then
  msgmerge --quiet --update --backup=none --no-wrap --no-fuzzy-matching po/ja.po po/kumihan.pot
else
  msginit --no-translator --no-wrap --locale=ja_JP.UTF-8 -i po/kumihan.pot -o po/ja.po
fi
