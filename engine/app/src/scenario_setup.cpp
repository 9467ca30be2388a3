#include "scenario_setup.h"

namespace et::app {

std::unique_ptr<Scenario> make_scenario(const Scene& /*scene*/, std::vector<std::string>& /*warnings*/) {
  auto s = std::make_unique<Scenario>();
  // Sources are added here as the scene provides them (hydraulics, sensor feeds).
  return s;
}

}  // namespace et::app
