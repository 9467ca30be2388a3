#include "fonts.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <vector>

#include "et/ui/i18n.h"

namespace et::ui {
namespace {

constexpr float kBasePx = 13.0f;   // ImGui's built-in font (ProggyClean) is drawn for 13 px
constexpr float kCjkPx = 14.0f;    // ideographs read at about the Latin cap height plus one
constexpr float kLargePx = 34.0f;  // presenter captions and legends, across a room at 1080p
// Noto Sans CJK's collection holds JP, KR, SC, TC, HK in that order (fc-query): 2 is SC.
constexpr int kSimplifiedChineseFace = 2;
ImFont* g_large = nullptr;

const char* cjk_font_path() {
  const char* env = std::getenv("ESTATETWIN_CJK_FONT");  // tests point it at a missing file
  return env && *env ? env : "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
}

// The file stays in memory for the life of the program: the atlas reads glyphs from it
// whenever it is rebuilt, and two fonts share it.
std::vector<char>& font_file() {
  static std::vector<char> data;
  return data;
}

}  // namespace

ImFont* large_font() { return g_large; }

void build_fonts(float s, bool with_cjk, const std::string& extra_text) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  // The glyph ranges must outlive the atlas build.
  static ImVector<ImWchar> cjk_ranges, large_ranges;
  if (with_cjk && font_file().empty()) {
    std::ifstream in(cjk_font_path(), std::ios::binary);
    font_file().assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (font_file().empty()) {
      std::fprintf(stderr, "estatetwin: warning: %s: no CJK font (install fonts-noto-cjk); the UI stays in English\n",
                   cjk_font_path());
      set_language(Language::kEnglish);
      with_cjk = false;
    }
  }
  int glyphs = 0;
  if (with_cjk) {
    const std::string text = translated_text() + extra_text + "中文";
    ImFontGlyphRangesBuilder cjk;
    for (const char* p = text.c_str(); *p;) {
      unsigned int c = 0;
      p += ImTextCharFromUtf8(&c, p, nullptr);
      if (c >= 0x100 && c <= 0xFFFF && !cjk.GetBit(c)) {  // Latin comes from the base font
        cjk.AddChar(ImWchar(c));
        ++glyphs;
      }
    }
    // The large font holds only what the labels and names use; the panel font also holds
    // the 2,500 common ideographs, so that what a planner types (a note, a bookmark name)
    // is drawn rather than shown as '?'. Glyphs the base font has are not overwritten.
    ImFontGlyphRangesBuilder typed = cjk;
    typed.AddRanges(io.Fonts->GetGlyphRangesChineseSimplifiedCommon());
    cjk_ranges.clear();
    typed.BuildRanges(&cjk_ranges);
    ImFontGlyphRangesBuilder large = cjk;
    large.AddRanges(io.Fonts->GetGlyphRangesDefault());
    large_ranges.clear();
    large.BuildRanges(&large_ranges);
  }
  ImFontConfig base;
  base.SizePixels = kBasePx * s;
  ImFont* font = io.Fonts->AddFontDefault(&base);
  ImFontConfig merge;
  merge.MergeMode = true;
  merge.FontNo = kSimplifiedChineseFace;
  merge.FontDataOwnedByAtlas = false;
  merge.OversampleH = merge.OversampleV = 1;  // keeps the atlas small; CJK needs no subpixel
  if (with_cjk)
    io.Fonts->AddFontFromMemoryTTF(font_file().data(), int(font_file().size()), kCjkPx * s, &merge,
                                   cjk_ranges.Data);
  // The presenter's font: Noto Sans for Latin and Chinese alike when there, else the
  // built-in font at twice its size (whole pixels keep it sharp).
  if (with_cjk) {
    ImFontConfig large = merge;
    large.MergeMode = false;
    g_large = io.Fonts->AddFontFromMemoryTTF(font_file().data(), int(font_file().size()),
                                             kLargePx * s, &large, large_ranges.Data);
  } else {
    ImFontConfig large;
    large.SizePixels = 2.0f * kBasePx * s;
    g_large = io.Fonts->AddFontDefault(&large);
  }
  io.Fonts->Build();
  // Drawn under FontGlobalScale = s (the panels size themselves by it): 1/s brings the
  // glyphs back to the size they were rasterised at.
  font->Scale = 1.0f / s;
  g_large->Scale = 1.0f / s;
  io.FontDefault = font;
  if (with_cjk)
    std::printf("font: %s face %d (Noto Sans CJK SC), %d CJK glyphs of labels and names and "
                "the common ideographs at %.0f px, atlas %dx%d\n",
                cjk_font_path(), kSimplifiedChineseFace, glyphs, double(kCjkPx * s),
                io.Fonts->TexWidth, io.Fonts->TexHeight);
}

}  // namespace et::ui
