// Muyanghu's two tours (README "Tours"): `day-of-data`, the 24 hours of live data, and
// `coordinated-plan`, the coordinated relocation plan's construction day by day.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "estate_layout.h"
#include "et/core/error.h"

namespace et::gen {

// Writes OUT/tours.json (estatetwin-tours/1) and sets scene["tours"]. Call it last, when
// scene.json's bookmarks (and epoch) are set and OUT/plans/coordinated.json, if the
// generator writes one, is on disk: the plan tour follows that plan's tasks; without it the
// tour still walks the estate over the first 90 days after the epoch.
Status write_muyanghu_tours(const EstateLayout& layout, const std::string& out_dir,
                            nlohmann::ordered_json& scene);

}  // namespace et::gen
