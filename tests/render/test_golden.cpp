// Golden images: each case renders a bookmark headless (lavapipe in CI) and compares with
// tests/render/golden/NAME.png under a per-pixel tolerance. The actual image is always
// written to ET_TEST_OUT/NAME.actual.png, and a diff image on failure; accept new goldens
// with tests/render/accept_goldens.sh after looking at them.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>

#include "et/app/frame_setup.h"
#include "et/app/plan_view.h"
#include "et/app/world_builder.h"
#include "et/core/date.h"
#include "et/core/image.h"
#include "et/render/renderer.h"
#include "et/scene/scene.h"

namespace {

namespace fs = std::filesystem;
constexpr int kWidth = 320, kHeight = 180;
constexpr int kTolerance = 12;              // per channel, out of 255
constexpr double kMaxDifferingShare = 0.005;  // share of pixels allowed over the tolerance

struct Case {
  const char* name;
  const char* scene;
  const char* bookmark;
  // Relocation plans on top of the bookmark (README "Plans"): plan, split-screen plan B,
  // schedule date, overlay, and a ground opacity (< 0: the bookmark's).
  const char* plan = nullptr;
  const char* plan_b = nullptr;
  const char* date = nullptr;
  const char* overlay = nullptr;
  double ground_opacity = -1.0;
  const char* section = nullptr;  // "X,Y,Z,NX,NY,NZ" as `render --section` takes it
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

et::Image render_case(const Case& c) {
  auto scene = et::load_scene(c.scene);
  EXPECT_TRUE(scene.ok()) << scene.error().message;
  if (!scene) return {};
  const et::Bookmark* b = scene->find_bookmark(c.bookmark);
  EXPECT_NE(b, nullptr) << c.bookmark;
  if (!b) return {};
  et::ViewState v = b->view;
  if (c.plan) v.plan = c.plan;
  if (c.plan_b) v.plan_b = c.plan_b;
  if (c.date) {
    std::optional<int> day = et::parse_date(c.date);
    EXPECT_TRUE(day.has_value()) << c.date;
    v.staged = true;
    v.time_s = std::fmod(v.time_s, 86400.0) + double(day.value_or(0) - scene->epoch_day) * 86400.0;
  }
  if (c.overlay) v.overlay = c.overlay;
  if (c.ground_opacity >= 0.0) v.ground_opacity = c.ground_opacity;
  if (c.section) {
    glm::dvec3 p, n;
    EXPECT_EQ(std::sscanf(c.section, "%lf,%lf,%lf,%lf,%lf,%lf", &p.x, &p.y, &p.z, &n.x, &n.y, &n.z), 6);
    v.section = {true, p, glm::normalize(n)};
  }
  auto plans = et::app::load_plans_for(*scene, v);
  EXPECT_TRUE(plans.ok()) << plans.error().message;
  if (!plans) return {};
  et::render::RendererOptions o;
  o.validation = et::render::validation_requested();
  auto r = et::render::Renderer::create_offscreen(kWidth, kHeight, o);
  EXPECT_TRUE(r.ok()) << r.error().message;
  if (!r) return {};
  // Through PlanView, as `render` draws: as found, one plan, or two side by side.
  et::app::PlanView pv(*scene, std::move(*plans));
  auto frame = pv.prepare(**r, v);
  EXPECT_TRUE(frame.ok()) << frame.error().message;
  if (!frame) return {};
  auto img = (*r)->draw(*frame, true);
  EXPECT_TRUE(img.ok());
  return img ? *img : et::Image{};
}

class Golden : public testing::TestWithParam<Case> {};

TEST_P(Golden, MatchesReference) {
  const Case& c = GetParam();
  int before = et::render::validation_message_count();
  et::Image actual = render_case(c);
  ASSERT_EQ(actual.width, kWidth);
  EXPECT_EQ(et::render::validation_message_count(), before) << "Vulkan validation messages";

  fs::create_directories(ET_TEST_OUT);
  std::string out = std::string(ET_TEST_OUT) + "/" + c.name;
  ASSERT_TRUE(et::write_png(out + ".actual.png", actual).ok());
  std::string golden_path = std::string(ET_GOLDEN_DIR) + "/" + c.name + ".png";
  auto golden = et::read_png(golden_path);
  ASSERT_TRUE(golden.ok()) << "no golden image " << golden_path
                           << "; look at " << out << ".actual.png and run "
                           << "tests/render/accept_goldens.sh";
  et::ImageDiff d = et::compare_images(actual, *golden, kTolerance);
  double share = double(d.differing_pixels) / (kWidth * kHeight);
  if (share > kMaxDifferingShare) {
    (void)et::write_png(out + ".diff.png", d.diff);
    ADD_FAILURE() << c.name << ": " << d.differing_pixels << " pixels differ by more than "
                  << kTolerance << " (max " << d.max_channel_delta << "); see " << out
                  << ".actual.png and .diff.png";
  }
}

INSTANTIATE_TEST_SUITE_P(
    Scenes, Golden,
    testing::Values(Case{"tiny_front", ET_TEST_DATA "/tiny", "front"},
                    Case{"tiny_below", ET_TEST_DATA "/tiny", "below"},
                    Case{"tiny_net_front", ET_TEST_DATA "/tiny_net", "front"},
                    Case{"tiny_net_xray", ET_TEST_DATA "/tiny_net", "xray"},
                    Case{"tiny_net_dig", ET_TEST_DATA "/tiny_net", "dig"},
                    Case{"muyanghu_overview", ET_TEST_SCENE, "overview"},
                    Case{"muyanghu_lane", ET_TEST_SCENE, "lane"},
                    Case{"muyanghu_pumphouse", ET_TEST_SCENE, "pumphouse"},
                    // The coordinated plan against the as-found networks: added green,
                    // removed red (thin), moved orange, unchanged grey.
                    Case{"muyanghu_plan_diff", ET_TEST_SCENE, "lane", "coordinated", nullptr,
                         nullptr, "diff", 0.3},
                    // A/B split on one schedule day: separate on the left, coordinated on
                    // the right, one camera, trenches open that day.
                    Case{"muyanghu_plan_ab", ET_TEST_SCENE, "lane", "separate", "coordinated",
                         "2027-04-15", nullptr, 0.3},
                    // A section plane across the lane facing the camera: the blocks and
                    // the ground in front of it cut away, the lines in the soil in section.
                    Case{"muyanghu_section", ET_TEST_SCENE, "lane", nullptr, nullptr, nullptr,
                         nullptr, -1.0, "8,-19,0,-1,0,0"}),
    [](const testing::TestParamInfo<Case>& i) { return std::string(i.param.name); });

// Independent of any golden: the ground hides what is below it when opaque, and shows it
// when made transparent: with the scene sunk 5 m, the red cube walls are visible only
// through a translucent ground.
TEST(GroundOpacity, ShowsWhatLiesBelow) {
  auto scene = et::load_scene(ET_TEST_DATA "/tiny");
  ASSERT_TRUE(scene.ok());
  et::ViewState v = scene->find_bookmark("front")->view;
  et::render::RendererOptions o;
  o.validation = et::render::validation_requested();
  auto r = et::render::Renderer::create_offscreen(kWidth, kHeight, o);
  ASSERT_TRUE(r.ok());
  et::app::SceneWorld sw = et::app::build_world(*scene);
  // Sink the whole scene 5 m so that the buildings lie under the ground.
  for (auto& inst : sw.world.instances)
    if (inst.pass == et::render::Pass::kOpaque) inst.model[3].z -= 5.0f;
  (*r)->set_world(sw.world);
  auto count_reddish = [](const et::Image& img) {
    int n = 0;
    for (int i = 0; i < img.width * img.height; ++i) {
      const std::uint8_t* p = &img.rgba[size_t(i) * 4];
      n += p[0] > p[1] + 40 && p[0] > p[2] + 40;
    }
    return n;
  };
  v.ground_opacity = 1.0;
  auto opaque = (*r)->draw(et::app::frame_params(v, kWidth, kHeight, sw.far_m), true);
  v.ground_opacity = 0.2;
  auto clear = (*r)->draw(et::app::frame_params(v, kWidth, kHeight, sw.far_m), true);
  ASSERT_TRUE(opaque.ok() && clear.ok());
  EXPECT_EQ(count_reddish(*opaque), 0);
  EXPECT_GT(count_reddish(*clear), 100);
}

}  // namespace
