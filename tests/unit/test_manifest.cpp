#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "et/scene/model_loader.h"
#include "et/scene/scene.h"

namespace {

namespace fs = std::filesystem;
const std::string kData = ET_TEST_DATA;

// A minimal valid manifest; tests break one thing at a time.
std::string manifest(const std::string& buildings = R"([{"id": "A", "model": "cube", "position": [0, 0, 0]}])",
                     const std::string& extra = "") {
  return R"({"format": "estatetwin-scene/1", "name": "t",
             "georeference": {"lon": 1, "lat": 2, "height": 3},
             "ground": {"extent": [-10, -10, 10, 10]},
             "models": {"cube": {"file": "cube.obj"}},
             "buildings": )" + buildings + R"(,
             "bookmarks": [{"name": "v", "eye": [0, -10, 5], "target": [0, 0, 0]}])" + extra + "}";
}

void expect_error(const std::string& text, const std::string& must_contain) {
  auto r = et::parse_manifest(text, "x/scene.json");
  ASSERT_FALSE(r.ok()) << "accepted: " << text;
  EXPECT_NE(r.error().message.find("x/scene.json"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find(must_contain), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().message.find('\n'), std::string::npos) << "error must be one line";
}

TEST(Manifest, LoadsTinyScene) {
  auto s = et::load_scene(kData + "/tiny");
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->buildings.size(), 3u);
  EXPECT_EQ(s->total_households(), 5);
  ASSERT_NE(s->find_bookmark("below"), nullptr);
  EXPECT_DOUBLE_EQ(s->find_bookmark("below")->view.ground_opacity, 0.3);
  EXPECT_DOUBLE_EQ(s->find_bookmark("front")->view.ground_opacity, 1.0);
  EXPECT_EQ(s->find_bookmark("nope"), nullptr);
  EXPECT_DOUBLE_EQ(s->buildings[1].heading_deg, 30.0);
  EXPECT_NEAR(s->origin.lat_deg, 34.261, 1e-9);
}

TEST(Manifest, ObjKeepsZUpAndMaterialColours) {
  auto m = et::load_model(kData + "/cube.obj", "z");
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->triangle_count(), 12u);
  EXPECT_NEAR(m->bounds_max.z, 2.0f, 1e-5);
  EXPECT_NEAR(m->bounds_min.z, 0.0f, 1e-5);
  bool red = false;
  for (std::uint32_t c : m->colors) red = red || (c & 0xff) == 204;  // Kd 0.80 -> 204
  EXPECT_TRUE(red);
}

TEST(Manifest, GltfIsConvertedFromYUp) {
  auto m = et::load_model(kData + "/box.gltf", "y");
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_NEAR(m->bounds_max.z, 6.0f, 1e-4);  // glTF +y (6 m tall) becomes +z
  EXPECT_NEAR(m->bounds_min.z, 0.0f, 1e-4);
  EXPECT_NEAR(m->bounds_max.y - m->bounds_min.y, 2.0f, 1e-4);
}

TEST(Manifest, ValidManifestParses) {
  auto r = et::parse_manifest(manifest(), "x/scene.json");
  ASSERT_TRUE(r.ok()) << r.error().message;
}

TEST(Manifest, MalformedJsonGivesLine) {
  expect_error("{\n  \"format\": \"estatetwin-scene/1\",\n  \"name\": ,\n}", "line 3");
}

TEST(Manifest, MissingFieldGivesPointer) {
  expect_error(manifest(R"([{"id": "A", "position": [0, 0, 0]}])"), "/buildings/0/model");
}

TEST(Manifest, UnknownModel) {
  expect_error(manifest(R"([{"id": "A", "model": "tower", "position": [0, 0, 0]}])"),
               "unknown model 'tower'");
}

TEST(Manifest, AbsurdCoordinates) {
  expect_error(manifest(R"([{"id": "A", "model": "cube", "position": [0, 1e9, 0]}])"),
               "/buildings/0/position/1");
}

TEST(Manifest, WrongTypes) {
  expect_error(manifest(R"([{"id": "A", "model": "cube", "position": [0, "x", 0]}])"),
               "expected a number");
  expect_error(manifest(R"({"id": "A"})"), "/buildings: expected an array");
}

TEST(Manifest, DuplicateIdsAndBookmarks) {
  expect_error(manifest(R"([{"id": "A", "model": "cube", "position": [0, 0, 0]},
                            {"id": "A", "model": "cube", "position": [1, 0, 0]}])"),
               "duplicate building id");
}

TEST(Manifest, UnknownLayerInBookmark) {
  std::string m = manifest();
  m.replace(m.find("\"target\": [0, 0, 0]"), 19, R"("target": [0, 0, 0], "layers": ["sewage"])");
  expect_error(m, "unknown layer 'sewage'");
}

TEST(Manifest, WrongFormatVersion) {
  std::string m = manifest();
  m.replace(m.find("estatetwin-scene/1"), 18, "estatetwin-scene/9");
  expect_error(m, "/format");
}

TEST(Manifest, MissingSceneNamesManifest) {
  auto r = et::load_scene(kData + "/no_such_scene");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("no_such_scene: scene not found"), std::string::npos)
      << r.error().message;
}

TEST(Manifest, UnreadableModelNamesFileAndPointer) {
  fs::path dir = fs::path(testing::TempDir()) / "et_bad_model";
  fs::create_directories(dir);
  std::ofstream(dir / "scene.json") << manifest();
  std::ofstream(dir / "cube.obj") << "this is not a model\n\x01\x02\x03 garbage";
  auto r = et::load_scene(dir.string());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("/models/cube/file"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("cube.obj"), std::string::npos) << r.error().message;
}

}  // namespace
