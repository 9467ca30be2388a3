// The section plane (ViewState::section): bookmarks keep it, picking ignores what it cuts
// away; and the Section and Dig tools' geometry (et/app/tool_geometry.h).
#include <gtest/gtest.h>

#include "et/app/picking.h"
#include "et/app/tool_geometry.h"
#include "et/app/world_builder.h"
#include "et/scene/bookmarks.h"

namespace {

using namespace et;
using namespace et::app;

TEST(Section, BookmarkRoundTrip) {
  Bookmark b;
  b.name = "cut";
  b.view.section = {true, {1.5, -2.25, 0.0}, {0.0, -1.0, 0.0}};
  std::string text = bookmarks_json({b}, 0);
  EXPECT_NE(text.find("\"section\":{\"normal\":[0.0,-1.0,0.0],\"point\":[1.5,-2.25,0.0]}"),
            std::string::npos) << text;
  auto back = parse_bookmarks(text, "bookmarks.json", 0, 1.0);
  ASSERT_TRUE(back.ok()) << back.error().message;
  ASSERT_EQ(back->size(), 1u);
  const Section& s = (*back)[0].view.section;
  EXPECT_TRUE(s.enabled);
  EXPECT_EQ(s.point, glm::dvec3(1.5, -2.25, 0.0));
  EXPECT_EQ(s.normal, glm::dvec3(0.0, -1.0, 0.0));
  // No section: no field, and none read back.
  b.view.section.enabled = false;
  text = bookmarks_json({b}, 0);
  EXPECT_EQ(text.find("section"), std::string::npos) << text;
  EXPECT_FALSE(parse_bookmarks(text, "bookmarks.json", 0, 1.0)->at(0).view.section.enabled);
}

TEST(Section, NormalIsNormalisedAndNotZero) {
  const std::string head =
      R"({"format": "estatetwin-bookmarks/1", "bookmarks": [{"name": "a", "eye": [0,-10,10], "target": [0,0,0], )";
  auto ok = parse_bookmarks(head + R"("section": {"point": [0,0,0], "normal": [3,4,0]}}]})", "b.json", 0, 1.0);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_NEAR((*ok)[0].view.section.normal.x, 0.6, 1e-12);
  auto bad = parse_bookmarks(head + R"("section": {"point": [0,0,0], "normal": [0,0,0]}}]})", "b.json", 0, 1.0);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("/bookmarks/0/section/normal"), std::string::npos) << bad.error().message;
  EXPECT_NE(bad.error().message.find("non-zero normal"), std::string::npos) << bad.error().message;
}

TEST(Section, PickingIgnoresWhatIsCutAway) {
  auto scene = load_scene(ET_TEST_DATA "/tiny_net");
  ASSERT_TRUE(scene.ok()) << scene.error().message;
  SceneWorld sw = build_world(*scene);
  Picker picker(sw);
  ViewState v = scene->find_bookmark("above")->view;  // straight down over the origin
  auto id = [&](const ViewState& view) {
    PickHit hit = picker.pick(view, 320, 180, 100, 90);  // over (-8, 0): pipe W-P-001
    return describe_element(*scene, sw, hit.element).value("id", std::string());
  };
  ASSERT_EQ(id(v), "W-P-001");
  v.section = {true, {-5.0, 0.0, 0.0}, {1.0, 0.0, 0.0}};  // cuts x > -5: the pipe stays
  EXPECT_EQ(id(v), "W-P-001");
  v.section.normal = {-1.0, 0.0, 0.0};  // cuts x < -5: the pipe, the ground there too
  EXPECT_NE(id(v), "W-P-001");
  EXPECT_NE(id(v), "ground");
  v.section.enabled = false;
  EXPECT_EQ(id(v), "W-P-001");
}

TEST(SectionTool, FacesTheCameraAndSlidesAlongItsNormal) {
  Section s = section_facing({10.0004, 5.0, -1.0}, {10.0, -20.0, 30.0});
  EXPECT_TRUE(s.enabled);
  EXPECT_EQ(s.point, glm::dvec3(10.0, 5.0, -1.0));    // rounded to the millimetre
  EXPECT_EQ(s.normal, glm::dvec3(0.0, -1.0, 0.0));    // horizontal, toward the eye
  Section moved = section_through(s, {3.0, -2.0, 0.0});  // only the normal part counts
  EXPECT_EQ(moved.point, glm::dvec3(10.0, -2.0, -1.0));
  Section turned = section_rotated(s);
  EXPECT_NEAR(turned.normal.x, 1.0, 1e-12);
  EXPECT_NEAR(turned.normal.y, 0.0, 1e-12);
  EXPECT_EQ(turned.point, s.point);
}

TEST(SectionTool, PixelRayMeetsTheGroundUnderTheTarget) {
  ViewState v;
  v.camera.eye = {0, -30, 40};
  v.camera.target = {0, 0, 0};
  glm::dvec3 hit;
  ASSERT_TRUE(ray_at_height(pixel_ray(v, 640, 360, 319.5, 179.5, 2000.0), 0.0, hit));
  EXPECT_NEAR(hit.x, 0.0, 1e-6);
  EXPECT_NEAR(hit.y, 0.0, 1e-6);
  EXPECT_FALSE(ray_at_height(pixel_ray(v, 640, 360, 320, 0, 2000.0), 100.0, hit));  // behind
}

TEST(DigTool, DrawMoveAndResize) {
  Excavation none;
  DigDrag d = dig_begin(none, {2, 3}, 0.5);
  EXPECT_EQ(d.mode, DigDrag::Mode::kNew);
  Excavation e = dig_update(d, {-4, 9});
  EXPECT_TRUE(e.enabled);
  EXPECT_EQ(e.min, glm::dvec3(-4, 3, -3.0));
  EXPECT_EQ(e.max, glm::dvec3(2, 9, 0.5));
  // Inside: move, depth kept.
  e.min.z = -5.0;
  d = dig_begin(e, {-1, 6}, 0.5);
  EXPECT_EQ(d.mode, DigDrag::Mode::kMove);
  Excavation m = dig_update(d, {0, 4});
  EXPECT_EQ(m.min, glm::dvec3(-3, 1, -5.0));
  EXPECT_EQ(m.max, glm::dvec3(3, 7, 0.5));
  // On the east edge: resize x only; on the north-west corner: both.
  d = dig_begin(e, {2.3, 6}, 0.5);
  EXPECT_EQ(d.mode, DigDrag::Mode::kResize);
  EXPECT_EQ(d.edges, 2);
  Excavation r = dig_update(d, {5.3, 100});
  EXPECT_EQ(r.max.x, 5.0);
  EXPECT_EQ(r.max.y, 9.0);
  d = dig_begin(e, {-4.2, 9.4}, 0.5);
  EXPECT_EQ(d.edges, 1 | 8);
  // Never smaller than 0.2 m, whatever the drag.
  r = dig_update(d, {50, -50});
  EXPECT_NEAR(r.max.x - r.min.x, 0.2, 1e-9);
  EXPECT_NEAR(r.max.y - r.min.y, 0.2, 1e-9);
  // Outside (beyond the grab distance): a new box.
  EXPECT_EQ(dig_begin(e, {10, 10}, 0.5).mode, DigDrag::Mode::kNew);
}

}  // namespace
