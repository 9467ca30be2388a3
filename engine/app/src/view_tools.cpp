#include "view_tools.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "et/app/measure.h"
#include "et/ui/i18n.h"

namespace et::app {
namespace {

using ui::tr;
constexpr double kClickPx = 4.0;  // a press and release closer than this is a click

// A 3D segment on screen, clipped to the near side of the eye; false when all behind.
bool project(const glm::mat4& vp, int w, int h, glm::dvec3 a, glm::dvec3 b, ImVec2& sa, ImVec2& sb) {
  glm::vec4 ca = vp * glm::vec4(glm::vec3(a), 1.0f), cb = vp * glm::vec4(glm::vec3(b), 1.0f);
  constexpr float kNear = 0.05f;
  if (ca.w < kNear && cb.w < kNear) return false;
  if (ca.w < kNear) ca = glm::mix(ca, cb, (kNear - ca.w) / (cb.w - ca.w));
  if (cb.w < kNear) cb = glm::mix(cb, ca, (kNear - cb.w) / (ca.w - cb.w));
  sa = ImVec2((ca.x / ca.w * 0.5f + 0.5f) * float(w), (ca.y / ca.w * 0.5f + 0.5f) * float(h));
  sb = ImVec2((cb.x / cb.w * 0.5f + 0.5f) * float(w), (cb.y / cb.w * 0.5f + 0.5f) * float(h));
  return true;
}

void line3d(ImDrawList* dl, const glm::mat4& vp, int w, int h, glm::dvec3 a, glm::dvec3 b,
            ImU32 colour, float thickness) {
  ImVec2 sa, sb;
  if (project(vp, w, h, a, b, sa, sb)) dl->AddLine(sa, sb, colour, thickness);
}

std::string fmt(const char* format, double a, double b = 0.0, double c = 0.0) {
  char buf[160];
  std::snprintf(buf, sizeof buf, format, a, b, c);
  return buf;
}

}  // namespace

void ViewTools::print_measure(const nlohmann::json& j) {
  std::printf("measure %s\n", j.dump().c_str());  // one line, for scripts
  std::fflush(stdout);
}

void ViewTools::draw(ViewState& v, const PlanView& pv, int width, int height) {
  const ImGuiIO& io = ImGui::GetIO();
  // Fixed place and width, so the buttons stay put whatever the status line says (scripts
  // click them).
  const float panel_w = 230.0f * io.FontGlobalScale;
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 10, io.DisplaySize.y * 0.3f), ImGuiCond_Always,
                          ImVec2(1.0f, 0.0f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(panel_w, 0), ImVec2(panel_w, io.DisplaySize.y * 0.6f));
  ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);  // a title bar until wanted
  ImGui::SetNextWindowBgAlpha(0.85f);
  const bool open = ImGui::Begin((std::string(tr("Tools")) + "###tools").c_str(), nullptr,
                                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove);
  static const char* kNames[] = {"Navigate", "Distance", "Depth", "Clearance", "Section", "Dig"};
  static const char* kHints[] = {"", "Click two points", "Click a link", "Click two elements",
                                 "Click to place, drag to move, R turns", "Drag on the ground"};
  for (int i = 0; i < 6 && open; ++i)
    if (ImGui::RadioButton((std::string(tr(kNames[i])) + "###tool" + std::to_string(i)).c_str(),
                           int(tool_) == i) && int(tool_) != i) {
      tool_ = Tool(i);
      have_first_ = false;
      status_ = tr(kHints[i]);
      std::printf("tool %s\n", kNames[i]);
    }
  if (open && v.section.enabled && ImGui::Button((std::string(tr("Clear section")) + "###clearsec").c_str())) {
    v.section.enabled = false;
    std::printf("section off\n");
  }
  if (open && !status_.empty()) {
    // One clause a line: ImGui may wrap after a '.', which would split a number in two.
    size_t from = 0;
    while (from < status_.size()) {
      size_t comma = status_.find(", ", from), wide = status_.find("\xEF\xBC\x8C", from);  // "，"
      size_t end = std::min(comma, wide);
      const size_t skip = end == comma ? 2 : 3;
      ImGui::TextWrapped("%s", status_.substr(from, end == std::string::npos ? end : end - from).c_str());
      if (end == std::string::npos) break;
      from = end + skip;
    }
  }
  ImGui::End();

  // What the tools show over the scene (one camera: in a split view, the left half).
  const int w = pv.split() ? width / 2 : width;
  render::FrameParams f = pv.frame_params(v, width, height);
  glm::mat4 vp = f.proj * f.view;
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  if (v.section.enabled) {  // the plane's outline and its trace on the ground
    const Section& s = v.section;
    glm::dvec3 t = glm::normalize(glm::dvec3(-s.normal.y, s.normal.x, 0.0)) * 40.0;
    glm::dvec3 p0(s.point.x, s.point.y, -8.0), up(0.0, 0.0, 28.0);
    const ImU32 c = IM_COL32(40, 220, 255, 200);
    line3d(dl, vp, w, height, p0 - t, p0 + t, c, 1.5f);
    line3d(dl, vp, w, height, p0 - t + up, p0 + t + up, c, 1.5f);
    line3d(dl, vp, w, height, p0 - t, p0 - t + up, c, 1.5f);
    line3d(dl, vp, w, height, p0 + t, p0 + t + up, c, 1.5f);
    glm::dvec3 g(s.point.x, s.point.y, 0.0);
    line3d(dl, vp, w, height, g - t, g + t, IM_COL32(255, 255, 255, 230), 2.5f);
  }
  if (tool_ == Tool::kDig && v.excavation.enabled) {  // the box's rim, to grab
    const Excavation& e = v.excavation;
    glm::dvec3 c[4] = {{e.min.x, e.min.y, 0}, {e.max.x, e.min.y, 0}, {e.max.x, e.max.y, 0}, {e.min.x, e.max.y, 0}};
    for (int i = 0; i < 4; ++i) line3d(dl, vp, w, height, c[i], c[(i + 1) % 4], IM_COL32(255, 200, 40, 230), 2.0f);
  }
  if (tool_ != Tool::kNone && have_first_)
    line3d(dl, vp, w, height, first_point_, first_point_ + glm::dvec3(0, 0, 0.5), IM_COL32(255, 80, 200, 255), 4.0f);
  if (line_.size() == 2) {
    ImVec2 a, b;
    if (project(vp, w, height, line_[0], line_[1], a, b)) {
      dl->AddLine(a, b, IM_COL32(255, 80, 200, 255), 2.5f);
      dl->AddCircleFilled(a, 4.0f, IM_COL32(255, 80, 200, 255));
      dl->AddCircleFilled(b, 4.0f, IM_COL32(255, 80, 200, 255));
      ImVec2 mid((a.x + b.x) / 2 + 8, (a.y + b.y) / 2 - 8);
      ImVec2 size = ImGui::CalcTextSize(label_.c_str());
      dl->AddRectFilled(ImVec2(mid.x - 3, mid.y - 2), ImVec2(mid.x + size.x + 3, mid.y + size.y + 2),
                        IM_COL32(20, 20, 24, 210), 3.0f);
      dl->AddText(mid, IM_COL32(255, 255, 255, 255), label_.c_str());
    }
  }
}

void ViewTools::click(ViewState& v, const PlanView& pv, int width, int height, double x, double y) {
  PickHit hit;
  const int element = pv.pick(v, width, height, x, y, &hit);
  if (element < 0) return;
  const glm::dvec3 p = round_mm(hit.point);
  if (tool_ == Tool::kDistance) {
    if (!have_first_) {
      have_first_ = true;
      first_point_ = p;
      status_ = tr("Click the second point");
      return;
    }
    have_first_ = false;
    plan::PointDistance d = plan::measure_distance(first_point_, p);
    line_ = {d.a, d.b};
    label_ = fmt("%.3f m", d.distance_m);
    status_ = fmt(tr("3D %.3f m, horizontal %.3f m, vertical %+.3f m"), d.distance_m,
                  d.horizontal_m, d.vertical_m);
    print_measure(distance_json(d));
    return;
  }
  plan::MeasureShape shape;
  if (!shape_of_element(pv, element, shape)) {
    status_ = tr("Not a link, node or building");
    return;
  }
  if (tool_ == Tool::kDepth) {
    if (shape.kind != plan::MeasureShape::Kind::kLink) {
      status_ = tr("Click a link");
      return;
    }
    plan::LinkDepth d = plan::measure_depth(*shape.link, glm::dvec2(p));
    line_ = {glm::dvec3(d.at.x, d.at.y, plan::kGroundZ), d.at};
    label_ = fmt(tr("top %.2f m, centre %.2f m"), d.top_depth_m, d.centre_depth_m);
    status_ = shape.id + ": " + label_ +
              fmt(tr(", cover %.2f to %.2f m"), d.min_cover_m, d.max_cover_m);
    print_measure(depth_json(shape, d));
    return;
  }
  // Clearance.
  if (!have_first_) {
    have_first_ = true;
    first_point_ = p;
    first_shape_ = shape;
    status_ = shape.id + ": " + tr("click the second element");
    return;
  }
  have_first_ = false;
  if (!rules_loaded_) {
    rules_loaded_ = true;
    if (auto r = plan::load_scene_rules(scene_)) rules_ = std::make_unique<plan::RuleTable>(std::move(*r));
    else std::fprintf(stderr, "estatetwin: %s\n", r.error().message.c_str());
  }
  plan::Clearance c = plan::measure_clearance(first_shape_, shape, rules_.get());
  line_ = {c.a_3d, c.b_3d};
  label_ = fmt("%.3f m", c.distance_3d_m);
  status_ = first_shape_.id + " - " + shape.id + ": " +
            fmt(tr("3D %.3f m, horizontal %.3f m"), c.distance_3d_m, c.horizontal_m);
  if (c.rule)
    status_ += "\n" + c.rule->id + ": " + fmt(tr("needs %.2f m, has %.2f m"), c.required_m, c.actual_m) +
               " " + (c.pass ? tr("PASS") : tr("FAIL"));
  else
    status_ += "\n" + std::string(tr("no rule for this pair"));
  print_measure(clearance_json(first_shape_, shape, c));
}

void ViewTools::input(ViewState& v, const PlanView& pv, const InputState& in, const InputState& prev,
                      bool mouse_free, bool keys_free, int width, int height) {
  if (tool_ == Tool::kSection && keys_free && v.section.enabled && in.keys.count(GLFW_KEY_R) &&
      !prev.keys.count(GLFW_KEY_R)) {
    v.section = section_rotated(v.section);
    const Section& s = v.section;
    std::printf("section %.3f,%.3f,%.3f,%.6f,%.6f,%.6f\n", s.point.x, s.point.y, s.point.z,
                s.normal.x, s.normal.y, s.normal.z);
  }
  if (tool_ == Tool::kNone) return;
  auto ray_at = [&](double x, double y) {  // a split view's halves share one camera
    const int hw = pv.split() ? width / 2 : width;
    return pixel_ray(v, hw, height, pv.split() && x >= hw ? x - hw : x, y, pv.left().far_m);
  };
  const bool down = in.buttons[0], was = prev.buttons[0];
  if (down && !was && mouse_free) {
    pressed_ = true;
    dragged_ = false;
    press_x_ = in.mouse_x, press_y_ = in.mouse_y;
    if (tool_ == Tool::kSection) {
      PickHit hit;
      if (pv.pick(v, width, height, in.mouse_x, in.mouse_y, &hit) >= 0)
        v.section = section_facing(hit.point, v.camera.eye);
      section_at_press_ = v.section;
    }
    if (tool_ == Tool::kDig) {
      glm::dvec3 g;
      if (!ray_at_height(ray_at(in.mouse_x, in.mouse_y), 0.0, g))
        pressed_ = false;
      else  // grab an edge within ~1.2% of the distance (about 8 px at 45 degrees, 960x540)
        dig_ = dig_begin(v.excavation, glm::dvec2(g),
                         std::max(0.3, 0.012 * glm::length(g - v.camera.eye)));
    }
    return;
  }
  if (!pressed_) return;
  if (down && std::hypot(in.mouse_x - press_x_, in.mouse_y - press_y_) >= kClickPx) dragged_ = true;
  if (down && dragged_ && (in.mouse_x != prev.mouse_x || in.mouse_y != prev.mouse_y)) {
    const Ray ray = ray_at(in.mouse_x, in.mouse_y);
    glm::dvec3 g;
    if (tool_ == Tool::kSection && section_at_press_.enabled &&
        ray_at_height(ray, section_at_press_.point.z, g))
      v.section = section_through(section_at_press_, g);
    if (tool_ == Tool::kDig && ray_at_height(ray, 0.0, g)) v.excavation = dig_update(dig_, glm::dvec2(g));
  }
  if (down) return;
  pressed_ = false;  // released
  if (tool_ == Tool::kSection && v.section.enabled) {
    const Section& s = v.section;
    std::printf("section %.3f,%.3f,%.3f,%.6f,%.6f,%.6f\n", s.point.x, s.point.y, s.point.z,
                s.normal.x, s.normal.y, s.normal.z);
  } else if (tool_ == Tool::kDig && dragged_) {
    const Excavation& e = v.excavation;
    std::printf("excavation %.3f,%.3f,%.3f,%.3f,%.3f,%.3f\n", e.min.x, e.min.y, e.min.z, e.max.x,
                e.max.y, e.max.z);
  } else if (!dragged_ && (tool_ == Tool::kDistance || tool_ == Tool::kDepth || tool_ == Tool::kClearance)) {
    click(v, pv, width, height, in.mouse_x, in.mouse_y);
  }
  std::fflush(stdout);
}

}  // namespace et::app
