// The window's Measure, Section and Dig tools (README "In the window"): a Tools panel, what
// the left mouse button does while a tool is chosen, and the measurement and section plane
// drawn over the scene. view_loop.cpp calls draw() inside the ImGui frame and input() with
// the frame's mouse; while a tool is chosen the left button belongs to it (no orbit, no
// selection). Each result prints one line for scripts: `measure {json}`,
// `section X,Y,Z,NX,NY,NZ` (as --section takes it), `excavation X0,Y0,Z0,X1,Y1,Z1`.
#pragma once

#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "et/app/plan_view.h"
#include "et/app/script.h"
#include "et/app/tool_geometry.h"
#include "et/plan/measure.h"

namespace et::app {

class ViewTools {
 public:
  enum class Tool { kNone, kDistance, kDepth, kClearance, kSection, kDig };
  explicit ViewTools(const Scene& scene) : scene_(scene) {}

  // The panel, and the measurement, section outline and box drawn over the scene.
  void draw(ViewState& v, const PlanView& pv, int width, int height);
  // Mouse and keys (R turns the section 90 degrees). `mouse_free`/`keys_free`: the UI
  // does not want them.
  void input(ViewState& v, const PlanView& pv, const InputState& in, const InputState& prev,
             bool mouse_free, bool keys_free, int width, int height);
  bool owns_left() const { return tool_ != Tool::kNone; }

 private:
  void click(ViewState& v, const PlanView& pv, int width, int height, double x, double y);
  void print_measure(const nlohmann::json& j);

  const Scene& scene_;
  Tool tool_ = Tool::kNone;
  std::string status_;  // the panel's line: what to click next, or the result
  // Measuring: the first point/element clicked, then the result to draw.
  bool have_first_ = false;
  glm::dvec3 first_point_{0.0};
  plan::MeasureShape first_shape_;
  std::vector<glm::dvec3> line_;  // the measurement's line (two points), empty: none
  std::string label_;
  bool rules_loaded_ = false;
  std::unique_ptr<plan::RuleTable> rules_;
  // Dragging.
  bool pressed_ = false, dragged_ = false;
  double press_x_ = 0.0, press_y_ = 0.0;
  Section section_at_press_;
  DigDrag dig_;
};

}  // namespace et::app
