// PlanRenderer: many ViewStates through one offscreen renderer, each drawn exactly as
// `estatetwin render --legend` draws it (verb_render.cpp), so that a video frame, a report
// image and a headless render of the same ViewState are the same picture. Worlds come from
// one PlanView, which caches them per plan and schedule state.
#include "plan_render.h"

#include <algorithm>

#include "et/app/frame_setup.h"
#include "et/app/overlay.h"
#include "et/app/scenario.h"
#include "et/render/renderer.h"
#include "et/ui/overlay_panel.h"
#include "et/ui/plan_panel.h"
#include "et/ui/ui_context.h"
#include "meeting.h"  // scene_glyph_text
#include "scenario_setup.h"

namespace et::app {
namespace {

class OffscreenPlanRenderer final : public PlanRenderer {
 public:
  OffscreenPlanRenderer(const Scene& scene, PlanSet plans) : scene_(scene), view_(scene, std::move(plans)) {}

  ~OffscreenPlanRenderer() override {
    if (imgui_) {
      renderer_->disable_imgui();
      ui::imgui_destroy();
    }
  }

  Status init(int width, int height) {
    render::RendererOptions opts;
    opts.validation = render::validation_requested();
    auto r = render::Renderer::create_offscreen(width, height, opts);
    if (!r) return r.error();
    renderer_ = std::move(*r);
    if (auto breaks = default_break_model(scene_.dir)) data_.breaks = std::move(*breaks);
    else return breaks.error();
    // A source that cannot start is an error, as in `render`: the pictures asked for may
    // need it, and a video that silently lost its overlay would be worse.
    std::vector<std::string> warnings;
    scenario_ = make_scenario(scene_, warnings);
    if (!warnings.empty()) return Error{warnings.front()};
    // The legend is drawn by ImGui with no window, at the scale `render --legend` uses.
    ui::imgui_create_headless(width, height, std::max(1.0f, float(height) / 720.0f),
                              scene_glyph_text(scene_, &view_.plans()));  // its names in Chinese
    if (Status s = renderer_->enable_imgui(); !s) {
      ui::imgui_destroy();
      return s.error();
    }
    imgui_ = true;
    return Ok{};
  }

  Result<Image> render(const ViewState& view) override {
    if (Status s = check_view_plans(scene_, view_.plans(), view); !s) return s.error();
    OverlayMode mode = OverlayMode::kUtility;
    if (!overlay_from_name(view.overlay, mode))
      return Error{scene_.path + ": unknown overlay '" + view.overlay + "'"};
    data_.link_values.clear();
    data_.node_values.clear();
    data_.unit.clear();
    if (mode >= OverlayMode::kPressure && !scenario_->values(mode, view.time_s, data_))
      return Error{scene_.path + ": the " + view.overlay + " overlay needs " +
                   (mode >= OverlayMode::kLive ? "a live log (\"live_log\" in the scene)"
                                               : "a hydraulic model of the water network")};
    ui::Legend legend;
    auto frame = view_.prepare(*renderer_, view, &data_, &legend);
    if (!frame) return frame.error();
    // Flow arrows frozen at the scenario time, as `render` draws them.
    ValueMap velocity = scenario_->velocities(view.time_s);
    if (!velocity.empty())
      renderer_->set_dynamic_instances(view_.dynamic_instances(view, velocity, view.time_s));
    // Three UI frames, as `render --legend` does, so the auto-sized legend has settled.
    for (int i = 0; i < 3; ++i) {
      renderer_->imgui_new_frame();
      ui::imgui_begin_frame_headless();
      ui::draw_legend(legend);
      if (view_.split())
        ui::draw_split_labels(plan_title(view_.plans(), view.plan),
                              plan_title(view_.plans(), view.plan_b),
                              view.plan.empty() ? "as found" : view.plan, view.plan_b);
      ui::imgui_end_frame();
    }
    return renderer_->draw(*frame, true);
  }

 private:
  const Scene& scene_;
  PlanView view_;
  std::unique_ptr<render::Renderer> renderer_;
  std::unique_ptr<Scenario> scenario_;
  OverlayData data_;
  bool imgui_ = false;
};

}  // namespace

Result<std::unique_ptr<PlanRenderer>> PlanRenderer::create(const Scene& scene, PlanSet plans,
                                                           int width, int height) {
  auto r = std::make_unique<OffscreenPlanRenderer>(scene, std::move(plans));
  if (Status s = r->init(width, height); !s) return s.error();
  return std::unique_ptr<PlanRenderer>(std::move(r));
}

}  // namespace et::app
