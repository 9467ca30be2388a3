// The Bookmarks section of the main panel: the scene's bookmarks as buttons (go to one; the
// chosen one is highlighted), a name field, Add (the whole current view), Update (overwrite
// the chosen one with the current view), Rename, reorder and Delete. The panel only reports
// what was asked; the app applies it (saving bookmarks.json, keeping tours valid) and puts
// the outcome in `status`.
#pragma once

#include <string>
#include <vector>

#include "et/scene/view_state.h"

namespace et::ui {

struct BookmarkUi {
  const std::vector<Bookmark>* bookmarks = nullptr;
  int selected = -1;   // the chosen bookmark (Update, Rename, reorder and Delete act on it)
  char name[64] = "";  // the name field
  std::string status;  // the last edit's outcome or refusal
  bool status_error = false;
  // Asked this frame (kNone when nothing was).
  enum class Action { kNone, kGoto, kAdd, kUpdate, kRename, kEarlier, kLater, kDelete };
  Action action = Action::kNone;
  int index = -1;  // kGoto: which bookmark
};

// Draws the section inside the current ImGui window.
void draw_bookmarks(BookmarkUi& m);

// Typed text for the focused text field (input scripts' `type TEXT`; GLFW delivers real
// typing to ImGui itself).
void type_text(const std::string& utf8);

}  // namespace et::ui
