// Picking is a CPU ray cast over the render world: what is under a pixel, honouring
// layers, ground opacity, x-ray and the excavation. Uses the hand-written tiny_net scene.
#include <gtest/gtest.h>

#include "et/app/picking.h"
#include "et/app/world_builder.h"

namespace {

constexpr int kW = 320, kH = 180;

struct Fixture {
  et::Scene scene;
  et::app::SceneWorld sw;
};

const Fixture& fixture() {
  static Fixture f = [] {
    Fixture x;
    auto s = et::load_scene(ET_TEST_DATA "/tiny_net");
    EXPECT_TRUE(s.ok()) << s.error().message;
    x.scene = std::move(*s);
    x.sw = et::app::build_world(x.scene);
    return x;
  }();
  return f;
}

std::string pick_id(const et::ViewState& v, double px, double py) {
  const Fixture& f = fixture();
  et::app::Picker picker(f.sw);
  et::app::PickHit hit = picker.pick(v, kW, kH, px, py);
  nlohmann::json j = et::app::describe_element(f.scene, f.sw, hit.element);
  return j["kind"].get<std::string>() + ":" + j.value("id", std::string());
}

et::ViewState above() { return fixture().scene.find_bookmark("above")->view; }

TEST(Picking, FindsPipeThroughTranslucentGround) {
  // Straight down over (-8, 0): pipe W-P-001 runs along y = 0 from x = -9 to 0.
  EXPECT_EQ(pick_id(above(), 100, 90), "link:W-P-001");
}

TEST(Picking, OpaqueGroundHidesWhatIsBelow) {
  et::ViewState v = above();
  v.ground_opacity = 1.0;
  EXPECT_EQ(pick_id(v, 100, 90), "ground:ground");
  v.xray = true;  // x-ray draws networks over the ground, so they are pickable again
  EXPECT_EQ(pick_id(v, 100, 90), "link:W-P-001");
}

TEST(Picking, HiddenLayersAreNotPicked) {
  et::ViewState v = above();
  v.layers[static_cast<int>(et::Layer::kWater)] = false;
  std::string id = pick_id(v, 100, 90);
  EXPECT_EQ(id.find("W-P-001"), std::string::npos) << id;
}

TEST(Picking, ExcavationCutsTheGround) {
  et::ViewState v = above();
  v.ground_opacity = 1.0;
  v.excavation.enabled = true;
  v.excavation.min = {-12, -3, -3};
  v.excavation.max = {-4, 3, 0.5};
  EXPECT_EQ(pick_id(v, 100, 90), "link:W-P-001");
}

TEST(Picking, BuildingsAndSky) {
  et::ViewState v = fixture().scene.find_bookmark("front")->view;
  // The blue glTF box G1 stands at (0, 8), in the middle of the front view.
  EXPECT_EQ(pick_id(v, kW / 2.0, 45), "building:G1");
  EXPECT_EQ(pick_id(v, kW / 2.0, 2), "none:");
}

TEST(Picking, DescribeLinkHasAttributes) {
  const Fixture& f = fixture();
  et::app::Picker picker(f.sw);
  auto hit = picker.pick(above(), kW, kH, 100, 90);
  nlohmann::json j = et::app::describe_element(f.scene, f.sw, hit.element);
  EXPECT_EQ(j["attributes"]["utility"], "water");
  EXPECT_EQ(j["attributes"]["material"], "ductile_iron");
  EXPECT_EQ(j["attributes"]["from"], "V1");
  EXPECT_DOUBLE_EQ(j["attributes"]["diameter_mm"].get<double>(), 300.0);
  EXPECT_NEAR(hit.point.z, -1.0, 0.05);  // the crown of a DN300 pipe with 1.0 m of cover
}

}  // namespace
