// Scene data -> the UI's display models (inspector, depth labels), shared by the window
// and the headless render.
#pragma once

#include <nlohmann/json.hpp>

#include "et/app/palette.h"
#include "et/scene/scene.h"
#include "et/ui/overlay_panel.h"

namespace et::app {

ui::InspectorModel inspector_model(const nlohmann::json& described);
// Cover depth labels at the middle of the nearest visible links (at most 30, within 80 m).
// `networks`: those drawn (the scene's, or a plan's).
std::vector<ui::ScreenLabel> depth_labels(const std::vector<Network>& networks, const ViewState& v,
                                          int width, int height, double far_m);

}  // namespace et::app
