#!/usr/bin/env python3
"""Static Inter for the minutes' PDF, made from the variable font the app ships.

Chromium's PDF backend cannot embed a variable font as a font: it draws every glyph as a Type 3
shape (no real font in the PDF, poor text selection in some readers). So the PDF gets static
instances at the two weights the minutes use (400 and 700; 600 falls to 700), per subset, from
node_modules/@fontsource-variable/inter. Run again after updating that package:

    apt-get install python3-fonttools python3-brotli   # Debian
    python3 scripts/make-print-fonts.py
"""
from pathlib import Path

from fontTools.ttLib import TTFont
from fontTools.varLib.instancer import instantiateVariableFont

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / 'node_modules/@fontsource-variable/inter/files'
OUT = ROOT / 'resources/fonts'
SUBSETS = ['latin', 'latin-ext', 'cyrillic']
WEIGHTS = [400, 700]

OUT.mkdir(parents=True, exist_ok=True)
for subset in SUBSETS:
    for weight in WEIGHTS:
        font = TTFont(SOURCE / f'inter-{subset}-wght-normal.woff2')
        static = instantiateVariableFont(font, {'wght': weight}, updateFontNames=False)
        static.flavor = 'woff2'
        target = OUT / f'inter-{subset}-{weight}.woff2'
        static.save(target)
        print(target.relative_to(ROOT), target.stat().st_size)
