// The presenter layout (meeting mode): no panels, a large caption top-left (scene, bookmark
// or plans, date and time) and the legend bottom-right in the large font, to be read from
// across a room.
#pragma once

#include <string>
#include <vector>

#include "et/ui/overlay_panel.h"

namespace et::ui {

void draw_presenter(const std::vector<std::string>& caption, const Legend& legend);

}  // namespace et::ui
