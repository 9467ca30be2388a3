// Builds the Scenario for a scene: its hydraulic simulation and sensor feeds, where the
// scene has them. A source that fails to start is reported in `warnings` and left out.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "et/app/scenario.h"

namespace et::app {

std::unique_ptr<Scenario> make_scenario(const Scene& scene, std::vector<std::string>& warnings);

}  // namespace et::app
