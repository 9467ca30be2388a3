// Headless pictures of plans: one offscreen renderer reused for many ViewStates whose
// `plan` differs (the report renders every plan from every bookmark), with the plan's
// world built once per plan and day.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "et/core/error.h"
#include "et/core/image.h"
#include "et/app/plan_view.h"
#include "et/scene/scene.h"

namespace et::app {

class PlanRenderer {
 public:
  // `plans`: the scene's plans and lanes (load_plan_set), or an empty set when no view
  // will name a plan.
  static Result<std::unique_ptr<PlanRenderer>> create(const Scene& scene, PlanSet plans,
                                                      int width, int height);
  virtual ~PlanRenderer() = default;
  // The view as `estatetwin render --legend` draws it (split views with their labels).
  virtual Result<Image> render(const ViewState& view) = 0;
};

}  // namespace et::app
