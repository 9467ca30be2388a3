#include "et/ui/i18n.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <vector>

#include "et/core/json_field.h"

#ifndef ESTATETWIN_ASSETS_DIR
#define ESTATETWIN_ASSETS_DIR "assets"
#endif

namespace et::ui {
namespace {

// English -> Chinese. std::map nodes never move, so tr() can hand out c_str() pointers.
std::map<std::string, std::string>& table() {
  static std::map<std::string, std::string> t;
  return t;
}
Language g_language = Language::kEnglish;

}  // namespace

Status load_translations(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return make_error(dir, "", "no such folder of translation tables");
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().extension() == ".json") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  std::map<std::string, std::string> merged;
  for (const std::string& file : files) {
    auto j = json_io::read_json_file(file);
    if (!j) return j.error();
    if (!j->is_object()) return make_error(file, "/", "expected an object of \"English\": \"Chinese\"");
    for (auto it = j->begin(); it != j->end(); ++it) {
      if (!it.value().is_string() || it.value().get<std::string>().empty())
        return make_error(file, "/" + it.key(), "expected a non-empty string");
      merged[it.key()] = it.value().get<std::string>();
    }
  }
  table() = std::move(merged);  // all or nothing
  return Ok{};
}

std::string translations_dir() {
  const char* env = std::getenv("ESTATETWIN_ASSETS");
  const std::string assets = env && *env ? env : ESTATETWIN_ASSETS_DIR;
  return assets + "/lang/zh";
}

void set_language(Language language) { g_language = language; }
Language language() { return g_language; }

bool language_from_name(const std::string& name, Language& out) {
  if (name == "en") out = Language::kEnglish;
  else if (name == "zh") out = Language::kChinese;
  else return false;
  return true;
}

const char* tr(const char* english) {
  if (g_language == Language::kEnglish) return english;
  auto it = table().find(english);
  return it == table().end() ? english : it->second.c_str();
}

std::string tr_id(const char* english, const char* id) {
  return std::string(tr(english)) + "###" + id;
}

std::string translated_text() {
  std::string all;
  for (const auto& [en, zh] : table()) all += zh;
  return all;
}

}  // namespace et::ui
