// ViewState -> what the renderer needs for a frame: the one conversion used by the window,
// the headless render, picking and the benchmark, so the same ViewState gives the same image.
#pragma once

#include "et/app/overlay.h"
#include "et/app/world_builder.h"
#include "et/render/render_world.h"
#include "et/render/renderer.h"
#include "et/scene/view_state.h"

namespace et::app {

std::uint32_t layer_mask(const ViewState& v);
render::FrameParams frame_params(const ViewState& v, int width, int height, double far_m);

// What overlays need beyond the scene: break rates, and simulated or live values at the
// view's time (filled by whoever has them; empty maps colour those overlays grey).
struct OverlayData {
  BreakModel breaks;
  ValueMap link_values, node_values;
  std::string unit;
};

// Sets the per-view state that lives in renderer buffers (overlay colours, excavation pit)
// and returns the frame parameters; the overlay's legend goes to `legend` when given.
render::FrameParams prepare_frame(render::Renderer& r, const Scene& scene, const SceneWorld& sw,
                                  const ViewState& v, const OverlayData* data = nullptr,
                                  ui::Legend* legend = nullptr);
OverlayResult overlay_for(const Scene& scene, const SceneWorld& sw, const ViewState& v,
                          const OverlayData* data);

}  // namespace et::app
