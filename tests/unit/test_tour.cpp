// Tours: the timeline math (spline, easing, clock, discrete switches) and tours.json.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "et/core/date.h"
#include "et/scene/tour.h"

namespace {

namespace fs = std::filesystem;
using et::Ease;
using et::Tour;
using et::TourKey;
using et::ViewState;

et::Scene scene_with_bookmarks() {
  auto s = et::parse_manifest(R"({"format": "estatetwin-scene/1", "name": "t",
      "georeference": {"lon": 1, "lat": 2, "height": 3}, "ground": {"extent": [-10, -10, 10, 10]},
      "models": {}, "buildings": [], "epoch": "2027-03-01",
      "bookmarks": [{"name": "a", "eye": [0, -10, 5], "target": [0, 0, 0], "time": "06:00"},
                    {"name": "b", "eye": [10, 0, 5], "target": [0, 0, 0], "overlay": "alarm",
                     "layers": ["buildings", "water"]},
                    {"name": "d", "eye": [0, 10, 5], "target": [0, 0, 0], "plan": "p",
                     "date": "2027-03-11", "time": "09:00"}]})", "x/scene.json");
  EXPECT_TRUE(s.ok()) << s.error().message;
  return s.ok() ? std::move(*s) : et::Scene{};
}

TourKey key(glm::dvec3 eye, glm::dvec3 target, double time_s, double duration,
            const std::string& overlay = "utility") {
  TourKey k;
  k.view.camera.eye = eye;
  k.view.camera.target = target;
  k.view.time_s = time_s;
  k.view.overlay = overlay;
  k.duration_s = duration;
  return k;
}

Tour three_keys() {
  Tour t;
  t.name = "t";
  t.keys = {key({0, -10, 5}, {0, 0, 0}, 0.0, 2.0), key({10, 0, 5}, {1, 0, 0}, 3600.0, 4.0, "alarm"),
            key({0, 10, 5}, {0, 1, 0}, 7200.0, 1.0, "live")};
  return t;
}

void expect_error(const std::string& text, const std::string& must_contain) {
  auto r = et::parse_tours(text, "x/tours.json", scene_with_bookmarks());
  ASSERT_FALSE(r.ok()) << "accepted: " << text;
  EXPECT_NE(r.error().message.find("x/tours.json"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find(must_contain), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().message.find('\n'), std::string::npos) << "error must be one line";
}

std::string tours(const std::string& keys) {
  return R"({"format": "estatetwin-tours/1", "tours": [{"name": "t", "keys": )" + keys + "}]}";
}

TEST(Tour, EaseStartsAndEndsAtRest) {
  for (Ease e : {Ease::kInOut, Ease::kIn, Ease::kOut, Ease::kLinear}) {
    EXPECT_DOUBLE_EQ(et::ease(e, 0.0), 0.0);
    EXPECT_DOUBLE_EQ(et::ease(e, 1.0), 1.0);
    for (double u = 0.0; u < 1.0; u += 0.05) EXPECT_LE(et::ease(e, u), et::ease(e, u + 0.05) + 1e-12);
  }
  // In-out: slow at both ends (derivative ~0), fastest in the middle.
  EXPECT_LT(et::ease(Ease::kInOut, 0.01), 0.001);
  EXPECT_GT(1.0 - et::ease(Ease::kInOut, 0.99), 0.0);
  EXPECT_LT(1.0 - et::ease(Ease::kInOut, 0.99), 0.001);
  EXPECT_DOUBLE_EQ(et::ease(Ease::kInOut, 0.5), 0.5);
}

TEST(Tour, CatmullRomPassesThroughKeysAndHandlesRepeats) {
  glm::dvec3 p0(0, 0, 0), p1(1, 0, 0), p2(2, 0, 0), p3(3, 0, 0);
  EXPECT_EQ(et::catmull_rom(p0, p1, p2, p3, 0.0), p1);
  EXPECT_EQ(et::catmull_rom(p0, p1, p2, p3, 1.0), p2);
  glm::dvec3 mid = et::catmull_rom(p0, p1, p2, p3, 0.5);  // evenly spaced on a line: stays on it
  EXPECT_NEAR(mid.x, 1.5, 1e-9);
  EXPECT_NEAR(mid.y, 0.0, 1e-12);
  // A camera holding still (repeated points) neither moves nor produces NaN.
  glm::dvec3 still = et::catmull_rom(p1, p1, p1, p2, 0.5);
  EXPECT_NEAR(glm::length(still - p1), 0.0, 1e-6);
  glm::dvec3 leave = et::catmull_rom(p1, p1, p2, p2, 0.5);
  EXPECT_TRUE(std::isfinite(leave.x));
  EXPECT_GT(leave.x, 1.0);
  EXPECT_LT(leave.x, 2.0);
  // Centripetal: a sharp turn does not overshoot far past the keys.
  glm::dvec3 q = et::catmull_rom({0, 0, 0}, {10, 0, 0}, {10, 0.1, 0}, {0, 0.1, 0}, 0.5);
  EXPECT_LT(q.x, 10.5);
}

TEST(Tour, ViewAtKeysIsTheKeyAndTheClockRunsLinearly) {
  Tour t = three_keys();
  EXPECT_DOUBLE_EQ(t.length_s(), 7.0);
  EXPECT_DOUBLE_EQ(t.key_time(2), 6.0);
  for (size_t i = 0; i < t.keys.size(); ++i) {
    ViewState v = et::tour_view_at(t, t.key_time(i));
    EXPECT_EQ(v.camera.eye, t.keys[i].view.camera.eye) << i;
    EXPECT_EQ(v.camera.target, t.keys[i].view.camera.target) << i;
    EXPECT_EQ(v.time_s, t.keys[i].view.time_s) << i;
    EXPECT_EQ(v.overlay, t.keys[i].view.overlay) << i;
  }
  // The clock is linear in tour time while the camera eases.
  EXPECT_DOUBLE_EQ(et::tour_view_at(t, 0.5).time_s, 900.0);
  EXPECT_DOUBLE_EQ(et::tour_view_at(t, 3.0).time_s, 3600.0 + 3600.0 * 0.25);
  // Discrete fields switch at the keys: the previous key's until the next is reached.
  EXPECT_EQ(et::tour_view_at(t, 1.999).overlay, "utility");
  EXPECT_EQ(et::tour_view_at(t, 2.0).overlay, "alarm");
  EXPECT_EQ(et::tour_view_at(t, 5.9).overlay, "alarm");
  // The last key holds; outside the tour, clamped.
  EXPECT_EQ(et::tour_view_at(t, 6.5).camera.eye, t.keys[2].view.camera.eye);
  EXPECT_EQ(et::tour_view_at(t, 99.0).time_s, 7200.0);
  EXPECT_EQ(et::tour_view_at(t, -1.0).camera.eye, t.keys[0].view.camera.eye);
}

TEST(Tour, CameraMovesSmoothlyThroughKeys) {
  Tour t = three_keys();
  // Eased segments come to rest at each key: tiny steps near a key move the camera little,
  // and no step anywhere jumps.
  const double dt = 1.0 / 30.0;
  double max_step = 0.0;
  for (double s = 0.0; s + dt <= t.length_s(); s += dt) {
    double step = glm::length(et::tour_view_at(t, s + dt).camera.eye - et::tour_view_at(t, s).camera.eye);
    max_step = std::max(max_step, step);
  }
  EXPECT_LT(max_step, 0.5);
  EXPECT_LT(glm::length(et::tour_view_at(t, 2.0 + 1e-3).camera.eye - t.keys[1].view.camera.eye), 1e-3);
}

TEST(Tour, ParsesBookmarkKeysWithOverridesAndInlineKeys) {
  auto r = et::parse_tours(tours(R"([
      {"bookmark": "a", "duration": 2, "overlay": "live"},
      {"bookmark": "d", "time": "15:30", "duration": 3, "ease": "linear"},
      {"eye": [1, 2, 3], "target": [0, 0, 0], "fov_deg": 30, "date": "2027-04-01", "duration": 1}])"),
                           "x/tours.json", scene_with_bookmarks());
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  const Tour& t = r->front();
  ASSERT_EQ(t.keys.size(), 3u);
  EXPECT_EQ(t.keys[0].bookmark, "a");
  EXPECT_EQ(t.keys[0].view.overlay, "live");
  EXPECT_DOUBLE_EQ(t.keys[0].view.time_s, 6 * 3600.0);  // the bookmark's time kept
  // A time on a dated bookmark keeps its day of the schedule.
  EXPECT_DOUBLE_EQ(t.keys[1].view.time_s, 10 * 86400.0 + 15.5 * 3600.0);
  EXPECT_TRUE(t.keys[1].view.staged);
  EXPECT_EQ(t.keys[1].view.plan, "p");
  EXPECT_EQ(t.keys[1].ease, Ease::kLinear);
  EXPECT_DOUBLE_EQ(t.keys[2].view.camera.fov_deg, 30.0);
  EXPECT_DOUBLE_EQ(t.keys[2].view.time_s, 31 * 86400.0 + 8 * 3600.0);
  EXPECT_DOUBLE_EQ(t.length_s(), 6.0);
}

TEST(Tour, BadFilesNameFilePointerAndTour) {
  expect_error(R"({"format": "estatetwin-tours/2", "tours": []})", "/format");
  expect_error(tours(R"([{"bookmark": "zz", "duration": 1}])"), "/tours/0/keys/0/bookmark: tour 't': unknown bookmark 'zz'");
  expect_error(tours(R"([{"bookmark": "a"}])"), "/tours/0/keys/0/duration: missing");
  expect_error(tours(R"([{"bookmark": "a", "duration": -1}])"), "/tours/0/keys/0/duration");
  expect_error(tours(R"([{"bookmark": "a", "duration": 1, "ease": "bouncy"}])"), "/ease: expected");
  expect_error(tours(R"([{"eye": [0, 0, 1], "duration": 1}])"), "needs \"bookmark\", or \"eye\" and \"target\"");
  expect_error(tours(R"([{"bookmark": "a", "duration": 0}])"), "add up to 0 s");
  expect_error(tours(R"([])"), "at least one key");
  expect_error(tours(R"([{"bookmark": "a", "duration": 1, "date": "2027-02-01"}])"), "on or after the scene's epoch");
  expect_error(tours(R"([{"bookmark": "a", "duration": 1, "time": "25:70"}])"), "/time: expected a time of day");
  expect_error(tours(R"([{"bookmark": "a", "duration": 1, "layers": ["sewer"]}])"), "unknown layer 'sewer'");
  expect_error(R"({"format": "estatetwin-tours/1", "tours": [{"name": "t", "keys": [{"bookmark": "a", "duration": 1}]},
                                                             {"name": "t", "keys": [{"bookmark": "a", "duration": 1}]}]})",
               "/tours/1/name: duplicate tour 't'");
  expect_error("{\"format\": ", "malformed JSON");
}

TEST(Tour, SavedFileLoadsBackTheSameViews) {
  const et::Scene scene = scene_with_bookmarks();
  auto r = et::parse_tours(tours(R"([
      {"bookmark": "b", "duration": 2, "xray": true},
      {"bookmark": "d", "time": "15:30:20", "duration": 3, "ease": "out"},
      {"eye": [1, 2, 3], "target": [0, 0, 0], "excavation": {"min": [-1, -1, -2], "max": [1, 1, 0]},
       "layers": ["water"], "date": "2027-04-01", "duration": 1}])"),
                           "x/tours.json", scene);
  ASSERT_TRUE(r.ok()) << r.error().message;
  std::vector<Tour> list = *r;
  TourKey k = key({5, -5, 5}, {0.5, 0.25, 0}, 1234.5, 2.5, "pressure");  // from the window
  list.front().keys.push_back(k);
  const std::string text = et::tours_json(list, scene);
  auto back = et::parse_tours(text, "x/tours.json", scene);
  ASSERT_TRUE(back.ok()) << back.error().message << "\n" << text;
  const Tour &a = list.front(), &b = back->front();
  ASSERT_EQ(a.keys.size(), b.keys.size());
  for (size_t i = 0; i < a.keys.size(); ++i) {
    const ViewState &va = a.keys[i].view, &vb = b.keys[i].view;
    EXPECT_EQ(a.keys[i].bookmark, b.keys[i].bookmark) << i;
    EXPECT_EQ(va.camera.eye, vb.camera.eye) << i;
    EXPECT_EQ(va.camera.target, vb.camera.target) << i;
    EXPECT_EQ(va.camera.fov_deg, vb.camera.fov_deg) << i;
    EXPECT_NEAR(va.time_s, vb.time_s, 0.5) << i;  // whole seconds in the file
    EXPECT_EQ(va.staged, vb.staged) << i;
    EXPECT_EQ(va.overlay, vb.overlay) << i;
    EXPECT_EQ(va.plan, vb.plan) << i;
    EXPECT_EQ(va.layers, vb.layers) << i;
    EXPECT_EQ(va.xray, vb.xray) << i;
    EXPECT_EQ(va.excavation.enabled, vb.excavation.enabled) << i;
    EXPECT_EQ(a.keys[i].duration_s, b.keys[i].duration_s) << i;
    EXPECT_EQ(a.keys[i].ease, b.keys[i].ease) << i;
  }
  // Keys on a bookmark store only what they change.
  EXPECT_NE(text.find(R"("bookmark":"b","duration":2.0,"xray":true})"), std::string::npos) << text;
}

TEST(Tour, LoadAndSaveInTheSceneFolder) {
  const fs::path dir = fs::temp_directory_path() / "et_test_tours";
  fs::remove_all(dir);
  fs::create_directories(dir);
  et::Scene scene = scene_with_bookmarks();
  scene.dir = dir.string();
  auto none = et::load_tours(scene);  // no file and none named: no tours, no error
  ASSERT_TRUE(none.ok()) << none.error().message;
  EXPECT_TRUE(none->empty());
  ASSERT_TRUE(et::save_tours({three_keys()}, scene).ok());
  EXPECT_EQ(et::tours_path(scene), (dir / "tours.json").string());
  auto back = et::load_tours(scene);
  ASSERT_TRUE(back.ok()) << back.error().message;
  ASSERT_EQ(back->size(), 1u);
  EXPECT_EQ(back->front().keys.size(), 3u);
  scene.tours_file = "missing.json";  // named in scene.json but absent: an error
  EXPECT_FALSE(et::load_tours(scene).ok());
  fs::remove_all(dir);
}

}  // namespace
