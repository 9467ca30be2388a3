// Translations: every label the code passes to tr() has a Chinese entry, every table parses,
// the Chinese keeps the English's printf conversions, and bad tables fail naming the file
// and the key.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "et/ui/i18n.h"

namespace fs = std::filesystem;
using namespace et::ui;

namespace {

std::string source_root() { return fs::path(ET_TEST_DATA).parent_path().parent_path().string(); }

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// C escapes in a source literal to the string the program sees (\n, \", \\; enough here).
std::string unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    char c = s[++i];
    out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
  }
  return out;
}

// The printf conversions of a format, in order ("%s", "%.2f" -> "s", "f").
std::string conversions(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') continue;
    size_t j = i + 1;
    while (j < s.size() && std::string("-+ #0123456789.lzh").find(s[j]) != std::string::npos) ++j;
    // Only real conversions: "(%)" in a metric's name is text.
    if (j < s.size() && std::string("diouxXeEfgGcsp").find(s[j]) != std::string::npos) out += s[j];
    i = j;
  }
  return out;
}

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

}  // namespace

TEST(I18n, EveryTrLiteralHasAChineseEntry) {
  ASSERT_TRUE(load_translations(translations_dir())) << translations_dir();
  set_language(Language::kChinese);
  const std::regex call(R"re(\btr(?:_id)?\("((?:[^"\\]|\\.)*)")re");
  std::set<std::string> missing;
  int seen = 0;
  for (const char* dir : {"engine/ui/src", "engine/app/src"}) {
    for (const auto& e : fs::directory_iterator(source_root() + "/" + dir)) {
      if (e.path().extension() != ".cpp" && e.path().extension() != ".h") continue;
      const std::string text = read(e.path());
      for (std::sregex_iterator it(text.begin(), text.end(), call), end; it != end; ++it) {
        const std::string english = unescape((*it)[1].str());
        ++seen;
        if (std::string(tr(english.c_str())) == english)
          missing.insert(e.path().filename().string() + ": \"" + english + "\"");
      }
    }
  }
  set_language(Language::kEnglish);
  EXPECT_GT(seen, 50);
  std::string list;
  for (const std::string& m : missing) list += "\n  " + m;
  EXPECT_TRUE(missing.empty()) << missing.size() << " labels without a zh entry in assets/lang/zh:" << list;
}

TEST(I18n, TablesParseAndKeepFormatConversions) {
  for (const auto& e : fs::directory_iterator(translations_dir())) {
    if (e.path().extension() != ".json") continue;
    const std::string file = e.path().string();
    // One table at a time, so that a failure names its file.
    const fs::path one = fs::temp_directory_path() / "et_i18n_one";
    fs::remove_all(one);
    fs::create_directories(one);
    fs::copy_file(e.path(), one / e.path().filename());
    auto ok = load_translations(one.string());
    ASSERT_TRUE(ok) << ok.error().message;
    fs::remove_all(one);
  }
  ASSERT_TRUE(load_translations(translations_dir()));
  set_language(Language::kChinese);
  // A sample of format labels: the Chinese must take the same arguments in the same order.
  for (const char* f : {"%s: %d buildings, %d households", "%.2f ms (%.0f fps), %dx MSAA",
                        "%d households in %zu buildings lose supply",
                        "%s%s  %s%s%s  required %.2f m, actual %.2f m",
                        "%zu (click one to look at it; * = rule not yet verified)"})
    EXPECT_EQ(conversions(tr(f)), conversions(f)) << f << " -> " << tr(f);
  EXPECT_STREQ(tr("water"), "给水");
  EXPECT_STREQ(tr("no such label"), "no such label");
  EXPECT_EQ(tr_id("Layers", "layers"), "图层###layers");
  EXPECT_FALSE(translated_text().empty());
  set_language(Language::kEnglish);
  EXPECT_STREQ(tr("water"), "water");
}

TEST(I18n, EveryFormatLabelKeepsItsConversions) {
  ASSERT_TRUE(load_translations(translations_dir()));
  // Every entry whose English has a printf conversion: the Chinese has the same ones.
  for (const auto& e : fs::directory_iterator(translations_dir())) {
    if (e.path().extension() != ".json") continue;
    auto j = nlohmann::json::parse(read(e.path()));
    for (auto it = j.begin(); it != j.end(); ++it)
      EXPECT_EQ(conversions(it.value().get<std::string>()), conversions(it.key()))
          << e.path().filename() << ": \"" << it.key() << "\"";
  }
}

TEST(I18n, LoadErrorsNameFileAndKey) {
  const fs::path dir = fs::temp_directory_path() / "et_i18n_bad";
  fs::remove_all(dir);
  write(dir / "a.json", "{\"Layers\": \"图层\"}");
  write(dir / "b.json", "{\"Layers\": 3}");
  auto r = load_translations(dir.string());
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("b.json"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("/Layers"), std::string::npos) << r.error().message;
  write(dir / "b.json", "{\"Layers\": ");
  r = load_translations(dir.string());
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("b.json"), std::string::npos) << r.error().message;
  write(dir / "b.json", "[1]");
  r = load_translations(dir.string());
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("expected an object"), std::string::npos) << r.error().message;
  r = load_translations((dir / "missing").string());
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("missing"), std::string::npos) << r.error().message;
  // A failed load keeps the tables loaded before it (all or nothing).
  ASSERT_TRUE(load_translations(translations_dir()));
  write(dir / "b.json", "{\"Layers\": 3}");
  EXPECT_FALSE(load_translations(dir.string()));
  set_language(Language::kChinese);
  EXPECT_STREQ(tr("water"), "给水");
  set_language(Language::kEnglish);
  Language l;
  EXPECT_FALSE(language_from_name("fr", l));
  EXPECT_TRUE(language_from_name("zh", l));
  EXPECT_EQ(l, Language::kChinese);
  fs::remove_all(dir);
}
