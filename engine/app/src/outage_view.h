// Marks an outage in the element colours: buildings that lost supply in red, dry lines in
// white, closed valves and cut links in yellow, everything else as the overlay had it.
#pragma once

#include "et/app/world_builder.h"
#include "et/sim/outage.h"

namespace et::app {

std::vector<render::Element> outage_elements(const Scene& scene, const SceneWorld& sw,
                                             const sim::OutageResult& r,
                                             std::vector<render::Element> base);

}  // namespace et::app
