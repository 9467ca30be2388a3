// The UI's fonts: ImGui's built-in font for Latin text, with the Chinese glyphs the tables
// and the scene use merged in from Noto Sans CJK SC (Debian's fonts-noto-cjk), and a large
// font for the presenter layout. Built at the UI scale's pixel size, so that big text is
// rasterised big rather than stretched.
#pragma once

#include <string>

struct ImFont;

namespace et::ui {

// Adds the fonts to the current context's atlas and builds it. `with_cjk`: merge the
// Chinese glyphs of translated_text() + `extra_text` (needs the font file; when it is
// missing, prints one warning line and sets the language back to English).
void build_fonts(float ui_scale, bool with_cjk, const std::string& extra_text);
ImFont* large_font();  // the presenter's; null before build_fonts

}  // namespace et::ui
