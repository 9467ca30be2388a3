// Relocation plans in the view (README "Plans"): the worlds a ViewState's `plan`, `plan_b`
// and date draw, and the one class the window, `render`, `pick` and the tests go through.
// A plan's world is apply_plan's networks on the day drawn, with the trenches open that day
// and the utility tunnels built by then; worlds are cached per plan and schedule state, so
// scrubbing the date rebuilds only when a task starts or ends. With `plan_b` the frame is
// split: both worlds share one renderer world (instances tagged left or right), one camera.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "et/app/frame_setup.h"
#include "et/app/overlay.h"
#include "et/app/picking.h"
#include "et/app/world_builder.h"
#include "et/plan/plan.h"
#include "et/plan/site.h"
#include "et/render/renderer.h"

namespace et::app {

struct PlanSet {
  std::vector<plan::Plan> plans;
  std::vector<plan::LaneSegment> lanes;                 // empty when the scene names no lanes file
  const plan::Plan* find(const std::string& id) const;  // null when unknown
};

// The scene's plans and lanes; an empty set when it lists none.
Result<PlanSet> load_plan_set(const Scene& scene);

// The plans a one-off view needs: the scene's when the view names a plan, else none (a
// scene's plans are checked against its networks, more work than an as-found view needs).
Result<PlanSet> load_plans_for(const Scene& scene, const ViewState& v);

// What a plan is called on screen: its name (its id when unnamed), "As found" for "".
std::string plan_title(const PlanSet& plans, const std::string& id);

// The day a view draws its plans on: plan::kComplete, or with `staged` the clock's date
// (scene.epoch_day + floor(time_s / 86400)).
int view_day(const Scene& scene, const ViewState& v);
// An error unless v.plan and v.plan_b are "" (as found) or plans of the set:
// "unknown plan 'x' in scene scenes/muyanghu (have: separate, coordinated)".
Status check_view_plans(const Scene& scene, const PlanSet& plans, const ViewState& v);

// Days on which a plan's world looks the same share a key: which tasks are done and which
// are under way (that decides the networks, the open trenches and the built tunnels).
std::string schedule_key(const plan::Plan& plan, int day);

// One plan on one day (null plan: as found). Its meshes are those of build_world(scene),
// so two such worlds can share one renderer world (compose_split). Elements carry how each
// link differs from the as-found networks; removed links are added thin, hidden unless the
// diff overlay shows them.
SceneWorld build_plan_world(const Scene& scene, const plan::Plan* plan, int day);

// Two worlds in one renderer world for a split frame: the left's meshes (both have the
// same), its instances drawn on the left, the right's on the right, with the right's element
// ids after the left's.
render::RenderWorld compose_split(const SceneWorld& left, const SceneWorld& right);

class PlanView {
 public:
  PlanView(const Scene& scene, PlanSet plans);
  const PlanSet& plans() const { return plans_; }
  const Scene& scene() const { return scene_; }

  // Brings the worlds in line with the view's plans and date. Returns true when they
  // changed (render_world() then needs uploading, and element ids changed meaning).
  Result<bool> update(const ViewState& v);
  // What the renderer draws: the left world alone, or both composed for the split.
  const render::RenderWorld& render_world() const;
  bool split() const { return right_ != nullptr; }
  const SceneWorld& left() const { return *left_; }
  const SceneWorld* right() const { return right_.get(); }
  // Renderer element ids: the left world's, then the right's from here on.
  std::uint32_t right_offset() const { return std::uint32_t(left_->elements.size()); }
  std::uint32_t element_count() const;
  // The world a renderer element id belongs to, and the id within it.
  const SceneWorld& world_of(int element, int& local) const;
  const ElementRef& element(int element) const;

  // Overlay colours of every renderer element, and the legend (split: both sides' figures).
  OverlayResult overlay(const ViewState& v, const OverlayData* data) const;
  // Frame parameters: the split frame's projection is that of one half.
  render::FrameParams frame_params(const ViewState& v, int width, int height) const;
  // The renderer element under pixel (px, py) of a width x height frame (the right half
  // picks in the right world), or -1; `hit` gets the point and distance.
  int pick(const ViewState& v, int width, int height, double px, double py,
           PickHit* hit = nullptr) const;
  nlohmann::json describe(int element) const;
  // The frame's changing instances: the excavation pit and, given velocities, flow arrows
  // along each side's own links (anim_s: the arrows' animation time).
  std::vector<render::Instance> dynamic_instances(const ViewState& v, const ValueMap& velocity,
                                                  double anim_s) const;

  // Everything a headless frame needs: update, upload when changed, overlay colours,
  // excavation pit; returns the frame parameters (as prepare_frame does for one world).
  Result<render::FrameParams> prepare(render::Renderer& r, const ViewState& v,
                                      const OverlayData* data = nullptr,
                                      ui::Legend* legend = nullptr);

 private:
  std::shared_ptr<const SceneWorld> world(const std::string& plan_id, int day);

  const Scene& scene_;
  PlanSet plans_;
  // Cached worlds by "plan|schedule key", with the frame each was last used on.
  struct Cached {
    std::shared_ptr<const SceneWorld> world;
    std::uint64_t used = 0;
  };
  std::map<std::string, Cached> cache_;
  std::uint64_t tick_ = 0;
  std::shared_ptr<const SceneWorld> left_, right_;
  std::unique_ptr<Picker> left_picker_, right_picker_;
  render::RenderWorld composed_;
  bool uploaded_ = false;  // prepare(): the renderer holds render_world()
};

}  // namespace et::app
