// The window's Tours panel: build a tour from the current view and the bookmarks, set each
// key's duration, reorder and delete keys, preview it on the window's ViewState, save it to
// the scene's tours file, and record it: the Record button runs `estatetwin record` as a
// child process (the same offline, fixed-step renderer as the command line) and shows its
// progress, so a recording never depends on the window's frame rate.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "et/scene/tour.h"

namespace et::app {

class TourPanel {
 public:
  // Loads the scene's tours; a bad tours file is reported in `warnings` and starts empty.
  TourPanel(const Scene& scene, std::vector<std::string>& warnings);
  ~TourPanel();  // stops a recording still running
  TourPanel(const TourPanel&) = delete;
  TourPanel& operator=(const TourPanel&) = delete;

  // Draws the panel (inside an ImGui frame). While a preview plays or the time slider moves,
  // the tour drives `view`; returns true on those frames so the caller re-seats its camera.
  bool draw(ViewState& view, double dt);

  // For bookmark edits in the window (bookmark_controls.cpp): the tour with a key on
  // bookmark `name`, unsaved ones included ("" when none), and a rename carried into keys.
  std::string tour_using(const std::string& name) const;
  void rename_bookmark(const std::string& from, const std::string& to);

 private:
  void draw_keys(ViewState& view, bool& moved);
  void draw_record();
  void poll_record();
  void start_record();

  const Scene& scene_;
  std::vector<Tour> tours_;
  int current_ = 0;        // index into tours_
  bool playing_ = false;
  float t_ = 0.0f;         // preview time, s
  bool dirty_ = false;     // edited since loaded or saved
  std::string status_;
  char name_[64] = "new-tour";
  float new_duration_ = 4.0f;
  int bookmark_ = 0;
  // Recording (a child `estatetwin record`).
  char out_[256] = "";
  std::string out_tour_;   // the tour out_ was named after
  int size_choice_ = 1, fps_choice_ = 1;
  pid_t pid_ = -1;
  int fd_ = -1;            // the child's stdout + stderr, non-blocking
  std::string log_;        // what it printed
  int done_ = 0, total_ = 0;
  std::string left_;
};

}  // namespace et::app
