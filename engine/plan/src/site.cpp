// Lane segments (README "Plans", format estatetwin-lanes/1) and the point-in-segment test
// that trenches, road area and carriageway cover all go through.
#include "et/plan/site.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

#include "et/core/file_io.h"
#include "et/core/json_field.h"

namespace et::plan {

using json = nlohmann::json;
using json_io::Field;

Result<std::vector<LaneSegment>> load_lanes(const std::string& path) {
  Result<json> parsed = json_io::read_json_file(path);
  if (!parsed) return parsed.error();
  const json& root = *parsed;
  std::vector<LaneSegment> lanes;
  try {
    Field r(root, "", path);
    if (!root.is_object()) r.fail("expected a JSON object");
    std::string format = r["format"].str();
    if (format != "estatetwin-lanes/1")
      r["format"].fail("expected \"estatetwin-lanes/1\", got \"" + format + "\"");
    Field segs = r["segments"];
    std::set<std::string> ids;
    for (size_t i = 0; i < segs.array_size(); ++i) {
      Field f = segs.at(i);
      LaneSegment s;
      s.id = f["id"].str();
      if (s.id.empty()) f["id"].fail("expected a non-empty segment id");
      if (!ids.insert(s.id).second) f["id"].fail("duplicate segment id '" + s.id + "'");
      if (f.has("lane")) s.lane = f["lane"].str();
      std::string surface = f["surface"].str();
      if (surface != "carriageway" && surface != "footpath")
        f["surface"].fail("expected \"carriageway\" or \"footpath\", got \"" + surface + "\"");
      s.surface = surface == "footpath" ? Surface::kFootpath : Surface::kCarriageway;
      Field poly = f["polygon"];
      size_t n = poly.array_size();
      if (n < 3) poly.fail("expected a polygon of at least 3 points [x, y]");
      for (size_t k = 0; k < n; ++k) s.polygon.push_back(poly.at(k).vec2());
      double area2 = 0.0;  // shoelace: a degenerate polygon contains nothing
      for (size_t k = 0; k < n; ++k) {
        const glm::dvec2& a = s.polygon[k];
        const glm::dvec2& b = s.polygon[(k + 1) % n];
        area2 += a.x * b.y - b.x * a.y;
      }
      if (std::abs(area2) < 1e-6) poly.fail("the polygon has zero area");
      lanes.push_back(std::move(s));
    }
  } catch (const json_io::JsonFailure& f) {
    return f.error;
  }
  return lanes;
}

int lane_segment_at(const std::vector<LaneSegment>& lanes, glm::dvec2 p) {
  for (size_t i = 0; i < lanes.size(); ++i) {
    const std::vector<glm::dvec2>& poly = lanes[i].polygon;
    if (poly.size() < 3) continue;
    bool inside = false;  // even-odd rule: count crossings of a ray towards +x
    for (size_t k = 0, j = poly.size() - 1; k < poly.size(); j = k++) {
      const glm::dvec2& a = poly[k];
      const glm::dvec2& b = poly[j];
      if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
        inside = !inside;
    }
    if (inside) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace et::plan
