// The window's bookmark editing and presenter keys: applies what the Bookmarks section
// (et/ui/bookmark_panel.h) asked to the scene's bookmarks, saving bookmarks.json after every
// change (et/scene/bookmarks.h), and keeps the Tours panel's keys in step: a rename is
// carried into tours.json and the unsaved tours, a delete that a tour needs is refused.
// PageDown / PageUp step through the bookmarks (wrapping), Home / End go to the first / last.
#pragma once

#include "et/app/script.h"
#include "et/scene/scene.h"
#include "et/ui/bookmark_panel.h"
#include "tour_panel.h"

namespace et::app {

class BookmarkControls {
 public:
  BookmarkControls(Scene& scene, TourPanel& tours);
  ui::BookmarkUi& ui() { return ui_; }
  // After the panels are drawn: applies the section's edit (Add and Update take `view`)
  // and, when `keys_free`, the presenter keys. Returns the bookmark to show, or -1.
  int update(const ViewState& view, const InputState& input, const InputState& prev, bool keys_free);
  // The window opened at this bookmark (--view NAME): chosen, so PageDown goes to the next.
  void start_at(const std::string& name);

 private:
  void report(const Status& s, const std::string& done);
  void choose(int i);
  Scene& scene_;
  TourPanel& tours_;
  ui::BookmarkUi ui_;
};

}  // namespace et::app
