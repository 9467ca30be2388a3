// annotations.json: round trip, errors naming file and pointer, loading with the scene, and
// where a note's anchor lies in the networks drawn (a note on a link follows the link).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "annotation_view.h"
#include "et/core/file_io.h"
#include "et/scene/annotations.h"
#include "et/scene/scene.h"

namespace {

namespace fs = std::filesystem;

fs::path test_dir() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  fs::path d = fs::temp_directory_path() /
               ("et_notes_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

std::vector<et::Annotation> sample() {
  return {{"check the roof, \"leaks\"", "building", "B04", {10.25, -3.5, 18.0}},
          {"valve seized", "node", "W-V-003", {1, 2, -1.2}},
          {"dig here", "point", "", {-7.125, 4.0, 0.0}},
          {"\u6539\u9053 reroute", "link", "W-P-012", {3, 4, -1.0}}};
}

TEST(Annotations, RoundTrip) {
  const std::string text = et::annotations_json(sample());
  auto back = et::parse_annotations(text, "x/annotations.json");
  ASSERT_TRUE(back.ok()) << back.error().message << "\n" << text;
  EXPECT_EQ(*back, sample());
  EXPECT_EQ(et::annotations_json(*back), text);
}

void expect_error(const std::string& text, const std::string& place, const std::string& what) {
  auto r = et::parse_annotations(text, "x/annotations.json");
  ASSERT_FALSE(r.ok()) << "accepted: " << text;
  const std::string& m = r.error().message;
  EXPECT_NE(m.find("x/annotations.json: " + place), std::string::npos) << m;
  EXPECT_NE(m.find(what), std::string::npos) << m;
  EXPECT_EQ(m.find('\n'), std::string::npos) << "one line: " << m;
}

TEST(Annotations, ErrorsNameFileAndPointer) {
  const std::string head = R"({"format": "estatetwin-annotations/1", "annotations": [)";
  expect_error(head + "{\"text\": }]}", "line 1", "malformed JSON");
  expect_error(head + R"({"point": [0, 0, 0]}]})", "/annotations/0/text", "missing required field");
  expect_error(head + R"({"text": "a", "point": [0, 0, 0]}, {"text": "b"}]})", "/annotations/1/point",
               "missing required field");
  expect_error(head + R"({"text": "a", "point": [0, 0, 0], "kind": "tree"}]})", "/annotations/0/kind",
               "expected \"point\", \"building\", \"link\" or \"node\"");
  expect_error(head + R"({"text": "a", "point": [0, 0, 0], "kind": "link"}]})", "/annotations/0/id",
               "missing required field");
  expect_error(head + R"({"text": "", "point": [0, 0, 0]}]})", "/annotations/0/text", "non-empty");
  expect_error(R"({"format": "estatetwin-bookmarks/1", "annotations": []})", "/format",
               "estatetwin-annotations/1");
}

TEST(Annotations, LoadedWithTheSceneAndSavedAtomically) {
  const fs::path dir = test_dir();
  std::ofstream(dir / "scene.json") << R"({"format": "estatetwin-scene/1", "name": "t",
      "georeference": {"lon": 1, "lat": 2, "height": 3}, "ground": {"extent": [-10, -10, 10, 10]},
      "models": {}, "buildings": [], "bookmarks": []})";
  auto s = et::load_scene(dir.string());
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_TRUE(s->annotations.empty());
  ASSERT_TRUE(et::save_annotations(*s, sample()).ok());
  auto again = et::load_scene(dir.string());
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->annotations, sample());

  // A failed save (the temporary file cannot be made) leaves the saved file as it was.
  const std::string before = *et::read_text_file(et::annotations_path(*s));
  fs::create_directories(dir / ("annotations.json.tmp." + std::to_string(::getpid())));
  EXPECT_FALSE(et::save_annotations(*s, {}).ok());
  EXPECT_EQ(*et::read_text_file(et::annotations_path(*s)), before);

  std::ofstream(dir / "annotations.json") << R"({"format": "estatetwin-annotations/1", "annotations": [{"text": 1}]})";
  auto bad = et::load_scene(dir.string());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("annotations.json: /annotations/0/text: expected a string"),
            std::string::npos) << bad.error().message;
  fs::remove_all(dir);
}

TEST(Annotations, AnchorFollowsItsElement) {
  et::Scene scene;
  scene.buildings.push_back({});
  scene.buildings[0].id = "B04";
  et::Network net;
  net.utility = et::Utility::kWater;
  et::NetNode n;
  n.id = "W-V-003";
  n.position = {5, 5, -1};
  net.nodes.push_back(n);
  et::NetLink l;
  l.id = "W-P-012";
  l.path = {{0, 0, -1}, {10, 0, -1}, {10, 10, -1}};
  net.links.push_back(l);
  std::vector<et::Network> drawn = {net};
  glm::dvec3 at;
  // A link note sits on the nearest point of the link's path as drawn.
  EXPECT_TRUE(et::app::note_anchor(scene, drawn, {"t", "link", "W-P-012", {12, 4, 0}}, at));
  EXPECT_EQ(at, glm::dvec3(10, 4, -1));
  // The same link moved by a plan: the note moves with it.
  drawn[0].links[0].path = {{0, 2, -2}, {20, 2, -2}};
  EXPECT_TRUE(et::app::note_anchor(scene, drawn, {"t", "link", "W-P-012", {12, 4, 0}}, at));
  EXPECT_EQ(at, glm::dvec3(12, 2, -2));
  EXPECT_TRUE(et::app::note_anchor(scene, drawn, {"t", "node", "W-V-003", {0, 0, 0}}, at));
  EXPECT_EQ(at, glm::dvec3(5, 5, -1));
  EXPECT_TRUE(et::app::note_anchor(scene, drawn, {"t", "building", "B04", {1, 1, 9}}, at));
  EXPECT_EQ(at, glm::dvec3(1, 1, 9));
  // A link the plan took out: the note stays where it was pinned, flagged missing.
  drawn[0].links.clear();
  EXPECT_FALSE(et::app::note_anchor(scene, drawn, {"t", "link", "W-P-012", {12, 4, 0}}, at));
  EXPECT_EQ(at, glm::dvec3(12, 4, 0));
}

}  // namespace
