// Plans in the view (engine/app plan_view.h) on tests/data/plan_tiny (test_plan.cpp
// describes it): which day a view draws, plan checks, schedule keys, a plan's world (diff
// categories, trenches open on a day), the diff overlay, and two worlds composed for a
// split frame. No GPU.
#include <gtest/gtest.h>

#include <algorithm>

#include "et/app/overlay.h"
#include "et/app/plan_view.h"
#include "et/core/date.h"
#include "et/scene/scene.h"

namespace {

using et::app::ElementRef;
using et::plan::Change;

const std::string kDir = std::string(ET_TEST_DATA) + "/plan_tiny";

struct Fixture {
  et::Scene scene;
  et::app::PlanSet plans;
};

Fixture load() {
  Fixture f;
  auto scene = et::load_scene(kDir);
  EXPECT_TRUE(scene.ok()) << scene.error().message;
  if (scene) f.scene = std::move(*scene);
  auto plans = et::app::load_plan_set(f.scene);
  EXPECT_TRUE(plans.ok()) << plans.error().message;
  if (plans) f.plans = std::move(*plans);
  return f;
}

int day(const char* text) { return et::parse_date(text).value(); }

// The element of a link in the plan's networks (not a removed one drawn as found), by id.
const ElementRef* link(const et::app::SceneWorld& sw, const std::string& id) {
  for (const ElementRef& e : sw.elements)
    if (e.kind == ElementRef::Kind::kLink && !e.removed &&
        sw.networks[size_t(e.network)].links[size_t(e.index)].id == id)
      return &e;
  return nullptr;
}

TEST(PlanView, DayAndChecks) {
  Fixture f = load();
  ASSERT_EQ(f.plans.plans.size(), 1u);
  et::ViewState v;
  EXPECT_EQ(et::app::view_day(f.scene, v), et::plan::kComplete);
  v.staged = true;
  v.time_s = 3 * 86400.0 + 5 * 3600.0;
  EXPECT_EQ(et::app::view_day(f.scene, v), f.scene.epoch_day + 3);
  v.plan = "nope";
  auto s = et::app::check_view_plans(f.scene, f.plans, v);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("unknown plan 'nope' in scene "), std::string::npos);
  EXPECT_NE(s.error().message.find("(have: tiny)"), std::string::npos);
  v.plan = "tiny";
  v.plan_b = "";
  EXPECT_TRUE(et::app::check_view_plans(f.scene, f.plans, v).ok());
}

TEST(PlanView, ScheduleKeysChangeOnlyWhenATaskDoes) {
  Fixture f = load();
  const et::plan::Plan& p = f.plans.plans[0];
  // Between K1's end (04-10) and K2/K3's start (04-15) nothing changes.
  EXPECT_EQ(et::app::schedule_key(p, day("2027-04-11")),
            et::app::schedule_key(p, day("2027-04-14")));
  EXPECT_NE(et::app::schedule_key(p, day("2027-04-05")),
            et::app::schedule_key(p, day("2027-04-11")));
  EXPECT_EQ(et::app::schedule_key(p, day("2027-05-01")),
            et::app::schedule_key(p, et::plan::kComplete));
}

TEST(PlanView, CompletePlanWorldCarriesTheDiff) {
  Fixture f = load();
  const et::plan::Plan& p = f.plans.plans[0];
  et::app::SceneWorld sw = et::app::build_plan_world(f.scene, &p, et::plan::kComplete);
  EXPECT_EQ(sw.plan, &p);
  ASSERT_NE(link(sw, "W-N1"), nullptr);
  EXPECT_EQ(link(sw, "W-N1")->change, Change::kAdded);
  EXPECT_EQ(link(sw, "W3")->change, Change::kRemoved);  // abandoned: still in the ground
  EXPECT_EQ(link(sw, "G2")->change, Change::kMoved);
  EXPECT_EQ(link(sw, "P1")->change, Change::kMoved);  // lowered
  EXPECT_EQ(link(sw, "W1")->change, Change::kUnchanged);
  // No trench is open once the plan is complete.
  for (const ElementRef& e : sw.elements) EXPECT_NE(e.kind, ElementRef::Kind::kTrench);

  // The diff overlay: added green, abandoned red, unchanged grey; a legend of four.
  et::app::OverlayResult o = et::app::compute_overlay(f.scene, sw, et::app::OverlayMode::kDiff,
                                                      et::app::Palette::kCjj61, {});
  ASSERT_EQ(o.legend.entries.size(), 4u);
  EXPECT_EQ(o.legend.entries[0].name, "added");
  auto tint = [&](const std::string& id) {
    return o.elements[size_t(link(sw, id) - sw.elements.data())].tint;
  };
  EXPECT_GT(tint("W-N1").g, tint("W-N1").r);
  EXPECT_GT(tint("W3").r, tint("W3").g);
  EXPECT_NEAR(tint("W1").r, tint("W1").g, 1e-6f);
}

TEST(PlanView, StagedWorldOpensTheDayTrench) {
  Fixture f = load();
  const et::plan::Plan& p = f.plans.plans[0];
  // 04-05: K1 digs T1 and has not finished: W-N1 not laid yet, W3 still in service.
  et::app::SceneWorld sw = et::app::build_plan_world(f.scene, &p, day("2027-04-05"));
  EXPECT_EQ(link(sw, "W-N1"), nullptr);
  EXPECT_EQ(link(sw, "W3")->change, Change::kUnchanged);
  int trenches = 0;
  for (const ElementRef& e : sw.elements)
    if (e.kind == ElementRef::Kind::kTrench) {
      ++trenches;
      EXPECT_EQ(p.trenches[size_t(e.index)].id, "T1");
      EXPECT_FALSE(e.built);
    }
  EXPECT_EQ(trenches, 1);
  nlohmann::json j = et::app::describe_element(
      f.scene, sw,
      int(std::find_if(sw.elements.begin(), sw.elements.end(),
                       [](const ElementRef& e) { return e.kind == ElementRef::Kind::kTrench; }) -
          sw.elements.begin()));
  EXPECT_EQ(j["kind"], "trench");
  EXPECT_EQ(j["attributes"]["state"], "open");
}

TEST(PlanView, SplitComposesBothWorlds) {
  Fixture f = load();
  et::app::PlanView pv(f.scene, f.plans);
  et::ViewState v;
  v.plan = "";
  v.plan_b = "tiny";
  auto changed = pv.update(v);
  ASSERT_TRUE(changed.ok());
  EXPECT_TRUE(*changed);
  EXPECT_FALSE(*pv.update(v));  // same view, same worlds
  ASSERT_TRUE(pv.split());
  const et::render::RenderWorld& w = pv.render_world();
  const size_t left = pv.left().world.instances.size();
  ASSERT_EQ(w.instances.size(), left + pv.right()->world.instances.size());
  EXPECT_EQ(w.instances.front().views, et::render::kViewLeft);
  EXPECT_EQ(w.instances.back().views, et::render::kViewRight);
  EXPECT_GE(w.instances.back().element, pv.right_offset());
  EXPECT_EQ(w.elements.size(), pv.element_count());
  int local = -1;
  EXPECT_EQ(&pv.world_of(int(pv.right_offset()) + 1, local), pv.right());
  EXPECT_EQ(local, 1);
  // The split frame's projection is one half's.
  et::render::FrameParams fp = pv.frame_params(v, 640, 360);
  EXPECT_TRUE(fp.split);
  EXPECT_NEAR(fp.proj[0][0] / fp.proj[1][1], -(360.0f / 320.0f), 1e-3f);
}

}  // namespace
