// ViewState -> the renderer's FrameParams: the one conversion used by the window, the
// headless render and the benchmark, so the same ViewState gives the same image.
#pragma once

#include "et/render/render_world.h"
#include "et/scene/view_state.h"

namespace et::app {

std::uint32_t layer_mask(const ViewState& v);
render::FrameParams frame_params(const ViewState& v, int width, int height, double far_m);

}  // namespace et::app
