// A ViewState's bookmark fields (README "Scenes", "Plans"), read and written in one place so
// that a tour key carries exactly what a bookmark can (eye, target, fov_deg, layers, overlay,
// time, date, plan, plan_b, excavation, ...). Internal to et_scene.
#pragma once

#include <nlohmann/json.hpp>

#include "et/core/json_field.h"
#include "et/scene/view_state.h"

namespace et::detail {

// Applies the fields present in `f` over `v`. With `require_camera`, eye and target must be
// there (a bookmark); without, a missing one keeps `v`'s (a tour key on a bookmark).
// "time" sets the time of day on the view's day when a date placed it (staged), else on
// day 0; "date" moves the view to that day of the schedule and stages it. Throws JsonFailure.
void read_view_fields(const json_io::Field& f, int epoch_day, bool require_camera, ViewState& v);

// The fields of `v` as a bookmark writes them; with `base`, only those that differ from it
// (so a tour key on a bookmark keeps just its overrides).
nlohmann::json write_view_fields(const ViewState& v, const ViewState* base, int epoch_day);

}  // namespace et::detail
