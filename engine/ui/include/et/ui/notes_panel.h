// Notes (annotations) in the window: the Notes panel (pin mode, the chosen note's text with
// Save, and the list with go-to and delete) and the notes drawn over the 3D view as labels
// on leader lines. The app owns the notes and applies what the panel asks.
#pragma once

#include <string>
#include <vector>

namespace et::ui {

struct NotesUi {
  struct Row {
    std::string text;
    std::string anchor;  // "link W-P-012", "point 12.0, -3.5, 0.0"
  };
  std::vector<Row> rows;
  bool pin_mode = false;  // a click in the scene pins a new note
  int selected = -1;      // the note whose text is in the field
  char text[256] = "";
  bool focus_text = false;  // put the keyboard in the field next frame (a note just pinned)
  std::string status;
  bool status_error = false;
  enum class Action { kNone, kSelect, kSave, kDelete, kGoto };
  Action action = Action::kNone;
  int index = -1;
};

// The Notes panel (folded at first, right of the main panel).
void draw_notes_panel(NotesUi& m);

// A note on screen: the anchor's pixel, and the label above it on a leader line.
struct NoteLabel {
  float anchor_x = 0, anchor_y = 0;
  std::string text;
  bool chosen = false;   // drawn highlighted
  bool missing = false;  // its element is not in the networks drawn (at the pinned point)
};
// Draws the labels on the background (under every panel), as the headless render does.
void draw_note_labels(const std::vector<NoteLabel>& labels);

}  // namespace et::ui
