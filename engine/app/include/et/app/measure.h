// Measurements as the window's Measure tool and `estatetwin measure` print them: one JSON
// shape per mode, figures rounded to the millimetre, so a script can compare the two.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "et/core/error.h"
#include "et/plan/measure.h"
#include "et/scene/scene.h"

namespace et::app {

class PlanView;

// {"mode":"distance","from":[x,y,z],"to":[...],"distance_m","horizontal_m","vertical_m"}
nlohmann::json distance_json(const plan::PointDistance& d);
// {"mode":"depth","link","utility","at":[...],"chainage_m","centre_depth_m","top_depth_m",
//  "section_height_m","min_cover_m","min_cover_at","max_cover_m","max_cover_at"}
nlohmann::json depth_json(const plan::MeasureShape& link, const plan::LinkDepth& d);
// {"mode":"clearance","a","b","distance_3d_m","closest_3d":[[a],[b]],"horizontal_m",
//  "closest_horizontal":[[a],[b]],"crossing",("vertical_m","crossing_at"),
//  "rule":{"id","kind","required_m","actual_m","verified","source","pass"} or null}
nlohmann::json clearance_json(const plan::MeasureShape& a, const plan::MeasureShape& b,
                              const plan::Clearance& c);

// The element with this id: a link or node of `networks` (the world measured: as found or
// a plan's), or a building of the scene. Error: "unknown element 'x' (not a link, node or
// building of scenes/muyanghu)".
Result<plan::MeasureShape> shape_by_id(const Scene& scene, const std::vector<Network>& networks,
                                       const std::string& id);
// The shape of a renderer element of the view (link, node, building); false for the ground,
// the pit, trenches and nothing.
bool shape_of_element(const PlanView& pv, int element, plan::MeasureShape& out);

// Rounds to the millimetre: what is printed is what is computed on.
glm::dvec3 round_mm(glm::dvec3 p);

}  // namespace et::app
