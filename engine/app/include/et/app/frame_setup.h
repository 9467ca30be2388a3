// ViewState -> what the renderer needs for a frame: the one conversion used by the window,
// the headless render, picking and the benchmark, so the same ViewState gives the same image.
#pragma once

#include "et/app/world_builder.h"
#include "et/render/render_world.h"
#include "et/render/renderer.h"
#include "et/scene/view_state.h"

namespace et::app {

std::uint32_t layer_mask(const ViewState& v);
render::FrameParams frame_params(const ViewState& v, int width, int height, double far_m);

// Sets the per-view state that lives in renderer buffers (palette colours, excavation pit)
// and returns the frame parameters.
render::FrameParams prepare_frame(render::Renderer& r, const Scene& scene, const SceneWorld& sw,
                                  const ViewState& v);

}  // namespace et::app
