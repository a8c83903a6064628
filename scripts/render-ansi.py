#!/usr/bin/python3
"""Renders a tmux `capture-pane -e -p` dump (text with SGR colour escapes) to a PNG, cell by cell,
so screenshots come from what the real binary drew in a real terminal.

usage: render-ansi.py CAPTURE.txt OUT.png COLUMNS ROWS [light]
(light: the terminal's own colours are black on white, as xterm's are, instead of light on dark)
"""
import re
import sys
import unicodedata

from PIL import Image, ImageDraw, ImageFont

CELL_W, CELL_H, FONT_SIZE = 10, 20, 16
MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
MONO_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"
CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
DARK = (220, 220, 220), (24, 26, 33)
LIGHT = (0, 0, 0), (255, 255, 255)
BASE16 = [
    (0, 0, 0), (205, 49, 49), (13, 188, 121), (229, 229, 16), (36, 114, 200), (188, 63, 188), (17, 168, 205),
    (229, 229, 229), (102, 102, 102), (241, 76, 76), (35, 209, 139), (245, 245, 67), (59, 142, 234),
    (214, 112, 214), (41, 184, 219), (255, 255, 255),
]


def xterm256(n):
    if n < 16:
        return BASE16[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    level = 8 + (n - 232) * 10
    return (level, level, level)


def font(path, size):
    try:
        return ImageFont.truetype(path, size)
    except OSError:
        return ImageFont.truetype(MONO, size)


def width(ch):
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def apply_sgr(params, state):
    codes = [int(p) if p else 0 for p in params.split(";")] if params else [0]
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0:
            state.update(fg=None, bg=None, bold=False, dim=False, underline=False, reverse=False)
        elif c == 1:
            state["bold"] = True
        elif c == 2:
            state["dim"] = True
        elif c == 4:
            state["underline"] = True
        elif c == 7:
            state["reverse"] = True
        elif c == 22:
            state["bold"] = state["dim"] = False
        elif c == 24:
            state["underline"] = False
        elif c == 27:
            state["reverse"] = False
        elif 30 <= c <= 37:
            state["fg"] = BASE16[c - 30]
        elif 90 <= c <= 97:
            state["fg"] = BASE16[c - 90 + 8]
        elif 40 <= c <= 47:
            state["bg"] = BASE16[c - 40]
        elif 100 <= c <= 107:
            state["bg"] = BASE16[c - 100 + 8]
        elif c == 39:
            state["fg"] = None
        elif c == 49:
            state["bg"] = None
        elif c in (38, 48) and i + 1 < len(codes):
            key = "fg" if c == 38 else "bg"
            if codes[i + 1] == 5 and i + 2 < len(codes):
                state[key] = xterm256(codes[i + 2])
                i += 2
            elif codes[i + 1] == 2 and i + 4 < len(codes):
                state[key] = tuple(codes[i + 2:i + 5])
                i += 4
        i += 1


def main():
    source, target, cols, rows = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    DEFAULT_FG, DEFAULT_BG = LIGHT if sys.argv[5:] == ["light"] else DARK
    text = open(source, encoding="utf-8", errors="replace").read()
    image = Image.new("RGB", (cols * CELL_W, rows * CELL_H), DEFAULT_BG)
    draw = ImageDraw.Draw(image)
    regular, bold, cjk = font(MONO, FONT_SIZE), font(MONO_BOLD, FONT_SIZE), font(CJK, FONT_SIZE)
    state = dict(fg=None, bg=None, bold=False, dim=False, underline=False, reverse=False)
    for y, line in enumerate(text.split("\n")[:rows]):
        x = 0
        for token in re.finditer(r"\x1b\[([0-9;]*)m|\x1b[^\[]|(.)", line):
            if token.group(2) is None:
                if token.group(1) is not None:
                    apply_sgr(token.group(1), state)
                continue
            ch = token.group(2)
            w = width(ch)
            if w == 0 or x >= cols:
                continue
            fg, bg = state["fg"] or DEFAULT_FG, state["bg"] or DEFAULT_BG
            if state["reverse"]:
                fg, bg = bg, fg
            if state["dim"]:
                fg = tuple((a + b) // 2 for a, b in zip(fg, bg))
            left, top = x * CELL_W, y * CELL_H
            draw.rectangle([left, top, left + w * CELL_W - 1, top + CELL_H - 1], fill=bg)
            face = cjk if w == 2 else (bold if state["bold"] else regular)
            draw.text((left, top + 1), ch, font=face, fill=fg)
            if state["underline"]:
                draw.line([left, top + CELL_H - 2, left + w * CELL_W - 1, top + CELL_H - 2], fill=fg)
            x += w
    image.save(target)


if __name__ == "__main__":
    main()
