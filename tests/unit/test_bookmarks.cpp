// bookmarks.json: round trip of every ViewState field, errors naming file and pointer, the
// scene loader preferring it over scene.json's bookmarks, atomic saves, and the edits that
// must keep tours.json valid (rename carried into the tours, delete refused when used).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "et/core/file_io.h"
#include "et/scene/bookmarks.h"
#include "et/scene/scene.h"
#include "et/scene/tour.h"

namespace {

namespace fs = std::filesystem;

constexpr int kEpoch = 20819;  // 2027-01-01, scene.json's default

// A folder of its own per test (ctest runs tests in parallel, one process each).
fs::path test_dir() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  fs::path d = fs::temp_directory_path() /
               ("et_bm_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

void write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }
std::string read(const fs::path& p) { return *et::read_text_file(p.string()); }

const char* kSceneJson = R"({"format": "estatetwin-scene/1", "name": "t",
    "georeference": {"lon": 1, "lat": 2, "height": 3},
    "ground": {"extent": [-10, -10, 10, 10], "opacity": 0.8}, "models": {}, "buildings": [],
    "bookmarks": [{"name": "inline", "eye": [0, -10, 5], "target": [0, 0, 0]}]})";

et::Scene scene_in(const fs::path& dir) {
  write(dir / "scene.json", kSceneJson);
  auto s = et::load_scene(dir.string());
  EXPECT_TRUE(s.ok()) << s.error().message;
  return s.ok() ? std::move(*s) : et::Scene{};
}

et::Bookmark full_bookmark() {
  et::Bookmark b{"everything", {}};
  et::ViewState& v = b.view;
  v.camera = {{12.5, -40.25, 18.0}, {-3.0, 4.0, -1.5}, 55.0};
  v.ground_opacity = 0.35;
  v.layers.fill(false);
  v.layers[int(et::Layer::kWater)] = v.layers[int(et::Layer::kGas)] = v.layers[int(et::Layer::kDropLines)] = true;
  v.xray = true;
  v.excavation = {true, {-6, -4, -3}, {6, 4, 0.5}};
  v.palette = "apwa";
  v.overlay = "pressure";
  v.plan = "coordinated";
  v.plan_b = "tunnel";
  v.staged = true;
  v.time_s = 100 * 86400.0 + 9 * 3600.0 + 30 * 60.0 + 15.0;  // day 100, 09:30:15
  return b;
}

void expect_same(const et::ViewState& a, const et::ViewState& b) {
  EXPECT_EQ(a.camera.eye, b.camera.eye);
  EXPECT_EQ(a.camera.target, b.camera.target);
  EXPECT_EQ(a.camera.fov_deg, b.camera.fov_deg);
  EXPECT_EQ(a.ground_opacity, b.ground_opacity);
  EXPECT_EQ(a.layers, b.layers);
  EXPECT_EQ(a.xray, b.xray);
  EXPECT_EQ(a.excavation.enabled, b.excavation.enabled);
  EXPECT_EQ(a.excavation.min, b.excavation.min);
  EXPECT_EQ(a.excavation.max, b.excavation.max);
  EXPECT_EQ(a.palette, b.palette);
  EXPECT_EQ(a.overlay, b.overlay);
  EXPECT_EQ(a.plan, b.plan);
  EXPECT_EQ(a.plan_b, b.plan_b);
  EXPECT_EQ(a.staged, b.staged);
  EXPECT_EQ(a.time_s, b.time_s);
}

TEST(Bookmarks, RoundTripKeepsTheWholeView) {
  et::Bookmark plain{"plain", {}};
  plain.view.camera = {{0, -100, 60}, {0, 0, 0}, 45};
  std::vector<et::Bookmark> in = {full_bookmark(), plain};
  const std::string text = et::bookmarks_json(in, kEpoch);
  auto back = et::parse_bookmarks(text, "x/bookmarks.json", kEpoch, 1.0);
  ASSERT_TRUE(back.ok()) << back.error().message << "\n" << text;
  ASSERT_EQ(back->size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ((*back)[i].name, in[i].name);
    expect_same((*back)[i].view, in[i].view);
  }
  // Written again, the text is the same: saving what was loaded changes nothing.
  EXPECT_EQ(et::bookmarks_json(*back, kEpoch), text);
}

void expect_error(const std::string& text, const std::string& place, const std::string& what) {
  auto r = et::parse_bookmarks(text, "x/bookmarks.json", kEpoch, 1.0);
  ASSERT_FALSE(r.ok()) << "accepted: " << text;
  const std::string& m = r.error().message;
  EXPECT_NE(m.find("x/bookmarks.json: " + place), std::string::npos) << m;
  EXPECT_NE(m.find(what), std::string::npos) << m;
  EXPECT_EQ(m.find('\n'), std::string::npos) << "one line: " << m;
}

TEST(Bookmarks, ErrorsNameFileAndPointer) {
  const std::string head = R"({"format": "estatetwin-bookmarks/1", "bookmarks": )";
  const std::string a = R"({"name": "a", "eye": [0, -10, 5], "target": [0, 0, 0]})";
  expect_error("{\"format\": \"estatetwin-bookmarks/1\",\n \"bookmarks\": [}", "line 2", "malformed JSON");
  expect_error(head + R"([{"name": "a", "target": [0, 0, 0]}]})", "/bookmarks/0/eye", "missing required field");
  expect_error(head + "[" + a + ", " + a + "]}", "/bookmarks/1/name", "duplicate bookmark 'a'");
  expect_error(head + R"([{"name": "", "eye": [0, -10, 5], "target": [0, 0, 0]}]})", "/bookmarks/0/name", "non-empty");
  expect_error(head + R"([{"name": "a", "eye": [0, -10, 5], "target": [0, 0, 0], "layers": ["roads"]}]})",
               "/bookmarks/0/layers/0", "unknown layer 'roads'");
  expect_error(R"({"format": "estatetwin-tours/1", "bookmarks": []})", "/format", "estatetwin-bookmarks/1");
  expect_error(R"({"format": "estatetwin-bookmarks/1"})", "/bookmarks", "missing required field");
}

TEST(Bookmarks, SceneLoadsBookmarksJsonInsteadOfInlineOnes) {
  const fs::path dir = test_dir();
  et::Scene inline_only = scene_in(dir);
  ASSERT_EQ(inline_only.bookmarks.size(), 1u);
  EXPECT_EQ(inline_only.bookmarks[0].name, "inline");
  EXPECT_EQ(inline_only.bookmarks[0].view.ground_opacity, 0.8);  // the scene's default

  write(dir / "bookmarks.json", R"({"format": "estatetwin-bookmarks/1", "bookmarks": [
      {"name": "saved", "eye": [1, -10, 5], "target": [0, 0, 0]}]})");
  et::Scene s = scene_in(dir);
  ASSERT_EQ(s.bookmarks.size(), 1u);
  EXPECT_EQ(s.bookmarks[0].name, "saved");
  EXPECT_EQ(s.bookmarks[0].view.ground_opacity, 0.8);
  EXPECT_NE(s.find_bookmark("saved"), nullptr);

  write(dir / "bookmarks.json", R"({"format": "estatetwin-bookmarks/1", "bookmarks": [{"name": 3}]})");
  auto bad = et::load_scene(dir.string());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("bookmarks.json: /bookmarks/0/name: expected a string"), std::string::npos)
      << bad.error().message;
  fs::remove_all(dir);
}

TEST(Bookmarks, SaveWritesTheFolderAndAFailedSaveLeavesTheOldFile) {
  const fs::path dir = test_dir();
  et::Scene s = scene_in(dir);
  const std::string scene_json = read(dir / "scene.json");
  s.bookmarks.push_back(full_bookmark());
  ASSERT_TRUE(et::save_bookmarks(s).ok());
  EXPECT_EQ(read(dir / "scene.json"), scene_json) << "scene.json must never be rewritten";
  const std::string saved = read(dir / "bookmarks.json");
  et::Scene again = scene_in(dir);
  ASSERT_EQ(again.bookmarks.size(), 2u);
  expect_same(again.bookmarks[1].view, full_bookmark().view);

  // The temporary file cannot be created (a folder stands in its place): the save fails,
  // the old bookmarks.json is untouched, and an edit through it is undone in memory.
  fs::create_directories(dir / ("bookmarks.json.tmp." + std::to_string(::getpid())));
  EXPECT_FALSE(et::rename_bookmark(again, 1, "renamed").ok());
  EXPECT_EQ(again.bookmarks[1].name, "everything");
  EXPECT_FALSE(et::delete_bookmark(again, 0).ok());
  EXPECT_EQ(again.bookmarks.size(), 2u);
  EXPECT_EQ(read(dir / "bookmarks.json"), saved);
  fs::remove_all(dir);
}

TEST(Bookmarks, RenameCarriesIntoToursAndDeleteOfAUsedOneIsRefused) {
  const fs::path dir = test_dir();
  et::Scene s = scene_in(dir);
  s.bookmarks.push_back(full_bookmark());
  ASSERT_TRUE(et::save_bookmarks(s).ok());
  write(dir / "tours.json", R"({"format": "estatetwin-tours/1", "tours": [{"name": "walkround",
      "keys": [{"bookmark": "inline", "duration": 2, "xray": true}, {"eye": [5, 5, 5], "target": [0, 0, 0], "duration": 1}]}]})");

  EXPECT_FALSE(et::rename_bookmark(s, 0, "everything").ok()) << "a taken name";
  EXPECT_FALSE(et::rename_bookmark(s, 0, "").ok());
  ASSERT_TRUE(et::rename_bookmark(s, 0, "front").ok());
  EXPECT_EQ(s.bookmarks[0].name, "front");
  // Both files agree after a restart: the tour's key names the new bookmark, keeps its override.
  et::Scene back = scene_in(dir);
  ASSERT_EQ(back.bookmarks.size(), 2u);
  EXPECT_EQ(back.bookmarks[0].name, "front");
  auto tours = et::load_tours(back);
  ASSERT_TRUE(tours.ok()) << tours.error().message;
  EXPECT_EQ((*tours)[0].keys[0].bookmark, "front");
  EXPECT_TRUE((*tours)[0].keys[0].view.xray);

  auto used = et::tour_using_bookmark(back, "front");
  ASSERT_TRUE(used.ok());
  EXPECT_EQ(*used, "walkround");
  et::Status refused = et::delete_bookmark(back, 0);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("bookmark 'front' is used by tour 'walkround'"), std::string::npos)
      << refused.error().message;
  EXPECT_EQ(back.bookmarks.size(), 2u);
  ASSERT_TRUE(et::delete_bookmark(back, 1).ok());  // no tour uses "everything"
  EXPECT_EQ(scene_in(dir).bookmarks.size(), 1u);

  // A tours file that does not load cannot be checked: rename and delete are refused.
  write(dir / "tours.json", "{");
  EXPECT_FALSE(et::rename_bookmark(back, 0, "other").ok());
  EXPECT_EQ(back.bookmarks[0].name, "front");
  EXPECT_FALSE(et::delete_bookmark(back, 0).ok());
  fs::remove_all(dir);
}

}  // namespace
