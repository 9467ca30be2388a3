#include "annotation_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "et/app/frame_setup.h"
#include "et/ui/i18n.h"

namespace et::app {
namespace {

glm::dvec3 nearest_on_path(const std::vector<glm::dvec3>& path, const glm::dvec3& p) {
  glm::dvec3 best = path.front();
  double best_d = glm::length(p - best);
  for (size_t i = 1; i < path.size(); ++i) {
    const glm::dvec3 a = path[i - 1], ab = path[i] - a;
    const double len2 = glm::dot(ab, ab);
    const double t = len2 > 0 ? std::clamp(glm::dot(p - a, ab) / len2, 0.0, 1.0) : 0.0;
    const glm::dvec3 q = a + ab * t;
    if (glm::length(p - q) < best_d) best = q, best_d = glm::length(p - q);
  }
  return best;
}

std::string anchor_text(const Annotation& a) {
  if (a.kind != "point") return a.kind + " " + a.id;
  char buf[64];
  std::snprintf(buf, sizeof buf, "point %.1f, %.1f, %.1f", a.point.x, a.point.y, a.point.z);
  return buf;
}

// Labels of one world drawn over a w x h frame, shifted right by x0 (a split frame's half).
void add_labels(const Scene& scene, const SceneWorld& sw, const std::vector<Annotation>& notes,
                const ViewState& v, int w, int h, float x0, int chosen, std::vector<ui::NoteLabel>& out) {
  const render::FrameParams f = frame_params(v, w, h, sw.far_m);
  const glm::mat4 vp = f.proj * f.view;
  for (size_t i = 0; i < notes.size(); ++i) {
    glm::dvec3 at;
    const bool found = note_anchor(scene, sw.networks, notes[i], at);
    const glm::vec4 c = vp * glm::vec4(glm::vec3(at), 1.0f);
    if (c.w <= 0.1f) continue;  // behind the camera
    const float sx = (c.x / c.w * 0.5f + 0.5f) * float(w), sy = (c.y / c.w * 0.5f + 0.5f) * float(h);
    if (sx < 0 || sy < 0 || sx > float(w) || sy > float(h)) continue;
    out.push_back({x0 + sx, sy, notes[i].text, int(i) == chosen, !found});
  }
}

}  // namespace

bool note_anchor(const Scene& scene, const std::vector<Network>& networks, const Annotation& a,
                 glm::dvec3& out) {
  out = a.point;
  if (a.kind == "point") return true;
  if (a.kind == "building") {
    for (const Building& b : scene.buildings)
      if (b.id == a.id) return true;  // buildings do not move between plans
    return false;
  }
  for (const Network& net : networks) {
    if (a.kind == "node") {
      if (int n = net.find_node(a.id); n >= 0) return out = net.nodes[size_t(n)].position, true;
      continue;
    }
    for (const NetLink& l : net.links)
      if (l.id == a.id && !l.path.empty()) return out = nearest_on_path(l.path, a.point), true;
  }
  return false;
}

std::vector<ui::NoteLabel> note_labels(const Scene& scene, const PlanView& pv,
                                       const std::vector<Annotation>& notes, const ViewState& v,
                                       int width, int height, int chosen) {
  std::vector<ui::NoteLabel> out;
  if (notes.empty()) return out;
  if (!pv.split()) {
    add_labels(scene, pv.left(), notes, v, width, height, 0.0f, chosen, out);
  } else {
    add_labels(scene, pv.left(), notes, v, width / 2, height, 0.0f, chosen, out);
    add_labels(scene, *pv.right(), notes, v, width / 2, height, float(width / 2), chosen, out);
  }
  return out;
}

AnnotationView::AnnotationView(const Scene& scene) : scene_(scene), notes_(scene.annotations) {}

void AnnotationView::save(const std::string& done) {
  Status s = save_annotations(scene_, notes_);
  ui_.status_error = !s;
  ui_.status = s ? done : s.error().message;
  std::printf("%s\n", s ? done.c_str() : ("notes not saved: " + ui_.status).c_str());  // for scripts
}

void AnnotationView::select(int i) {
  ui_.selected = i;
  std::snprintf(ui_.text, sizeof ui_.text, "%s", i >= 0 ? notes_[size_t(i)].text.c_str() : "");
}

bool AnnotationView::draw(const PlanView& pv, ViewState& view, int width, int height, bool panel) {
  ui_.rows.clear();
  for (const Annotation& a : notes_) ui_.rows.push_back({a.text, anchor_text(a)});
  if (panel) ui::draw_notes_panel(ui_);
  else ui_.action = ui::NotesUi::Action::kNone, ui_.pin_mode = false;
  bool moved = false;
  const int i = ui_.index;
  using Action = ui::NotesUi::Action;
  if (ui_.action == Action::kSelect) {
    select(i);
  } else if (ui_.action == Action::kSave && ui_.text[0]) {
    notes_[size_t(i)].text = ui_.text;
    save("note saved: " + notes_[size_t(i)].text);
  } else if (ui_.action == Action::kSave) {
    ui_.status = "a note needs some text";
    ui_.status_error = true;
  } else if (ui_.action == Action::kDelete) {
    notes_.erase(notes_.begin() + i);
    select(-1);
    save("note deleted");
  } else if (ui_.action == Action::kGoto) {
    // Look at the note from the south-east, close enough to read what it is about.
    glm::dvec3 at;
    note_anchor(scene_, pv.left().networks, notes_[size_t(i)], at);
    view.camera.target = at;
    view.camera.eye = at + glm::dvec3(18.0, -26.0, 22.0);
    select(i);
    moved = true;
  }
  ui::draw_note_labels(note_labels(scene_, pv, notes_, view, width, height, ui_.selected));
  return moved;
}

void AnnotationView::click(const PlanView& pv, const ViewState& view, const InputState& input,
                           const InputState& prev, bool mouse_free, int width, int height) {
  if (!ui_.pin_mode || !mouse_free) return;
  if (input.buttons[0] && !prev.buttons[0]) press_x_ = input.mouse_x, press_y_ = input.mouse_y;
  if (input.buttons[0] || !prev.buttons[0] ||
      std::hypot(input.mouse_x - press_x_, input.mouse_y - press_y_) >= 4.0)
    return;
  PickHit hit;
  const int element = pv.pick(view, width, height, input.mouse_x, input.mouse_y, &hit);
  if (element < 0) {
    ui_.status = "nothing under the pointer to pin a note on";
    ui_.status_error = true;
    return;
  }
  Annotation a;
  a.text = ui::tr("note");  // replaced as soon as the planner types
  a.point = hit.point;
  const nlohmann::json d = pv.describe(element);
  const std::string kind = d.value("kind", std::string());
  if (kind == "building" || kind == "link" || kind == "node") a.kind = kind, a.id = d.value("id", std::string());
  notes_.push_back(a);
  select(int(notes_.size()) - 1);
  ui_.focus_text = true;  // type the text straight away
  char where[96];
  std::snprintf(where, sizeof where, " at %.2f %.2f %.2f", a.point.x, a.point.y, a.point.z);
  save(std::string("note pinned to ") + anchor_text(a) + where);
}

}  // namespace et::app
