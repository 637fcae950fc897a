#!/usr/bin/env python3
"""Static Inter for the minutes' PDF, made from the variable font the app ships.

Chromium's PDF backend cannot embed a variable font as a font: it draws every glyph as a Type 3
shape (no real font in the PDF, poor text selection in some readers). So the PDF gets static
instances at the two weights the minutes use (400 and 700; 600 falls to 700), per subset, from
node_modules/@fontsource-variable/inter. Run again after updating that package:

    apt-get install python3-fonttools python3-brotli   # Debian
    python3 scripts/make-print-fonts.py

`--pdf` makes only the PDF's merged TrueType files (below) from the static instances already in
resources/fonts.
"""
import sys
from pathlib import Path

from fontTools.ttLib import TTFont
from fontTools.varLib.instancer import instantiateVariableFont

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / 'node_modules/@fontsource-variable/inter/files'
OUT = ROOT / 'resources/fonts'
SUBSETS = ['latin', 'latin-ext', 'cyrillic']
WEIGHTS = [400, 700]

OUT.mkdir(parents=True, exist_ok=True)
for subset in SUBSETS if '--pdf' not in sys.argv else []:
    for weight in WEIGHTS:
        font = TTFont(SOURCE / f'inter-{subset}-wght-normal.woff2')
        static = instantiateVariableFont(font, {'wght': weight}, updateFontNames=False)
        static.flavor = 'woff2'
        target = OUT / f'inter-{subset}-{weight}.woff2'
        static.save(target)
        print(target.relative_to(ROOT), target.stat().st_size)

# The PDF drawn in Node (electron/services/minutes-pdf/, pdfkit) wants one TrueType file per weight
# with every script the minutes write in, so the three subsets above are merged into
# resources/fonts/inter-pdf-<weight>.ttf. Their layout features are cut to kerning and the mark
# positioning accents need (kern, mark, mkmk, ccmp, locl): Inter's contextual alternates (calt)
# and fraction features made fontkit's shaping three to ten times slower for no visible gain in
# a document's running text.
from fontTools.merge import Merger
from fontTools import subset as ftsubset

PDF_FEATURES = ['kern', 'mark', 'mkmk', 'ccmp', 'locl']
for weight in WEIGHTS:
    parts = []
    for subset in SUBSETS:
        font = TTFont(OUT / f'inter-{subset}-{weight}.woff2')
        font.flavor = None
        # The merger needs the same tables in every part; the static instances keep a few
        # variation leftovers it cannot merge.
        for table in ('STAT', 'fvar', 'gvar', 'avar', 'HVAR', 'MVAR'):
            if table in font:
                del font[table]
        part = OUT / f'.tmp-{subset}-{weight}.ttf'
        font.save(part)
        parts.append(str(part))
    merged = Merger().merge(parts)
    for part in parts:
        Path(part).unlink()
    options = ftsubset.Options()
    options.layout_features = PDF_FEATURES
    options.name_IDs = ['*']
    options.notdef_outline = True
    options.glyph_names = False
    options.hinting = False
    subsetter = ftsubset.Subsetter(options)
    subsetter.populate(unicodes=merged.getBestCmap().keys())
    subsetter.subset(merged)
    # The static instances keep the variable font's names ("Inter Regular" for both weights):
    # a PDF reader's font list should say which is the bold one.
    style = 'Regular' if weight == 400 else 'Bold'
    names = merged['name']
    for record in list(names.names):
        if record.nameID in (2, 3, 4, 6, 17):
            names.removeNames(nameID=record.nameID)
    names.setName('Inter', 1, 3, 1, 0x409)
    names.setName(style, 2, 3, 1, 0x409)
    names.setName(f'Inter {style}; pdf', 3, 3, 1, 0x409)
    names.setName(f'Inter {style}', 4, 3, 1, 0x409)
    names.setName(f'Inter-{style}', 6, 3, 1, 0x409)
    merged['OS/2'].usWeightClass = weight
    target = OUT / f'inter-pdf-{weight}.ttf'
    merged.save(target)
    print(target.relative_to(ROOT), target.stat().st_size)
