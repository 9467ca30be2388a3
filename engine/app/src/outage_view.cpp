#include "outage_view.h"

#include <set>

#include "et/app/palette.h"

namespace et::app {

std::vector<render::Element> outage_elements(const Scene& scene, const SceneWorld& sw,
                                             const sim::OutageResult& r,
                                             std::vector<render::Element> els) {
  std::set<int> dry_nodes(r.dry_nodes.begin(), r.dry_nodes.end());
  std::set<int> dry_links(r.dry_links.begin(), r.dry_links.end());
  std::set<int> closed(r.closed_valves.begin(), r.closed_valves.end());
  std::set<int> cut(r.cut_links.begin(), r.cut_links.end());
  std::set<std::string> buildings(r.buildings.begin(), r.buildings.end());
  // Dry lines in white: distinct from every utility colour in both palettes.
  const glm::vec4 dry(srgb_to_linear({250, 250, 250}), 1.0f);
  const glm::vec4 red(srgb_to_linear({230, 30, 30}), 1.0f);
  const glm::vec4 yellow(srgb_to_linear({255, 210, 0}), 1.0f);
  for (size_t i = 0; i < sw.elements.size(); ++i) {
    const ElementRef& e = sw.elements[i];
    if (e.kind == ElementRef::Kind::kBuilding) {
      if (buildings.count(scene.buildings[size_t(e.index)].id)) els[i].tint = glm::vec4(glm::vec3(red), 0.55f);
    } else if (e.network == r.network && e.kind == ElementRef::Kind::kLink) {
      if (cut.count(e.index)) els[i].tint = yellow;
      else if (dry_links.count(e.index)) els[i].tint = dry;
    } else if (e.network == r.network && e.kind == ElementRef::Kind::kNode) {
      if (closed.count(e.index)) els[i].tint = yellow;
      else if (dry_nodes.count(e.index)) els[i].tint = dry;
    }
  }
  return els;
}

}  // namespace et::app
