// Labels in English or Chinese. Code writes its labels in English and passes them through
// tr(); the Chinese comes from data, assets/lang/zh/*.json (objects of "English": "中文"),
// merged in file-name order, so each area of the UI keeps its own table. A label with no
// entry stays English. ImGui identifies widgets by their label, so a window or widget whose
// state must survive a language switch puts a fixed id after "###" (ImGui's rule).
#pragma once

#include <string>

#include "et/core/error.h"

namespace et::ui {

enum class Language { kEnglish, kChinese };

// Reads every *.json table in `dir` (assets/lang/zh). Errors name the file and the key.
Status load_translations(const std::string& dir);
// The folder the tables ship in: $ESTATETWIN_ASSETS/lang/zh, else the source tree's.
std::string translations_dir();

void set_language(Language language);
Language language();
// "zh" / "en" -> the language; false when the name is neither.
bool language_from_name(const std::string& name, Language& out);

// The label in the current language: the Chinese when set and known, else `english` itself.
// The pointer stays valid for the life of the program.
const char* tr(const char* english);
inline std::string tr(const std::string& english) { return tr(english.c_str()); }
// A window or header title: the label in the current language, then "###id", so that ImGui
// keeps its position and open state across a language switch.
std::string tr_id(const char* english, const char* id);

// Every Chinese string in the tables, concatenated: the glyphs the UI font must hold.
std::string translated_text();

}  // namespace et::ui
