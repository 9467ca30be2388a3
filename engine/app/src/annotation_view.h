// Notes pinned to elements or points (et/scene/annotations.h) in the window and in headless
// renders: where each note's anchor lies in the worlds drawn (a note on a link follows the
// link into a plan that moves it), the labels on leader lines, and the Notes tool (a click in
// the scene pins a note on what is under the pointer; edit, delete, go to; every change
// saved to annotations.json at once).
#pragma once

#include <vector>

#include "et/app/plan_view.h"
#include "et/app/script.h"
#include "et/scene/scene.h"
#include "et/ui/notes_panel.h"

namespace et::app {

// Where note `a` is anchored among `networks` (those drawn): the nearest point of its link's
// path to where it was pinned, its node, or the pinned point. False (and the pinned point)
// when its element is not there.
bool note_anchor(const Scene& scene, const std::vector<Network>& networks, const Annotation& a,
                 glm::dvec3& out);
// The notes in front of the camera and inside the frame, as screen labels; a split frame
// places each note in both halves, over each half's world. `chosen`: highlighted note.
std::vector<ui::NoteLabel> note_labels(const Scene& scene, const PlanView& pv,
                                       const std::vector<Annotation>& notes, const ViewState& v,
                                       int width, int height, int chosen = -1);

class AnnotationView {
 public:
  explicit AnnotationView(const Scene& scene);
  // The Notes panel (unless `panel` is false: the presenter layout) and the labels, inside an
  // ImGui frame. Returns true when "Go" moved the camera to a note (re-seat the orbit).
  bool draw(const PlanView& pv, ViewState& view, int width, int height, bool panel = true);
  // While pinning, a click in the scene (press and release, no drag) pins a note there.
  void click(const PlanView& pv, const ViewState& view, const InputState& input,
             const InputState& prev, bool mouse_free, int width, int height);
  // Pin mode is on: the left click belongs to the Notes tool (no selection).
  bool pinning() const { return ui_.pin_mode; }

 private:
  void save(const std::string& done);
  void select(int i);
  const Scene& scene_;
  std::vector<Annotation> notes_;
  ui::NotesUi ui_;
  double press_x_ = 0, press_y_ = 0;
};

}  // namespace et::app
