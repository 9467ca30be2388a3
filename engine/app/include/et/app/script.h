// Input replay for the window (`estatetwin view SCENE --script FILE`): tests and demos
// drive the real window, UI included, from a small text file. One command a line:
//   key down|up|press NAME     NAME: A..Z, 0..9, SPACE, ESCAPE, TAB, ENTER, BACKSPACE, SHIFT,
//                              UP, DOWN, LEFT, RIGHT, PAGE_UP, PAGE_DOWN, HOME, END, F1..F12
//   mouse move X Y             window pixels from the top-left
//   mouse down|up left|right|middle
//   click X Y [left|right|middle]
//   drag X0 Y0 X1 Y1 [left|right|middle] [FRAMES]   (default 10 frames)
//   scroll STEPS               wheel steps, positive zooms in
//   resize W H                 resize the window (the swapchain follows)
//   type TEXT                  TEXT (the rest of the line) typed into the focused text field
//   wait N                     let N frames pass
//   screenshot FILE.png        the window as shown, UI included
//   quit
// Blank lines and lines starting with # are ignored.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "et/core/error.h"

namespace et::app {

struct InputState {
  double mouse_x = 0.0, mouse_y = 0.0;
  bool buttons[3] = {false, false, false};  // left, right, middle
  std::set<int> keys;                       // GLFW key codes held down
  double scroll = 0.0;                      // wheel steps this frame
  int resize_w = 0, resize_h = 0;           // a window size requested this frame
  std::string text;                         // characters typed this frame (scripts' `type`)
};

struct ScriptStep {
  enum class Op { kKeyDown, kKeyUp, kMouseMove, kMouseDown, kMouseUp, kScroll, kWait,
                  kScreenshot, kQuit, kResize, kType };
  Op op;
  int code = 0;  // key code or mouse button
  double x = 0.0, y = 0.0;
  int frames = 0;
  std::string file;  // kScreenshot: the PNG; kType: the text
  int line = 0;
};

// Errors name the file, the line and what was expected.
Result<std::vector<ScriptStep>> parse_script(const std::string& text, const std::string& path);

class ScriptPlayer {
 public:
  explicit ScriptPlayer(std::vector<ScriptStep> steps) : steps_(std::move(steps)) {}
  // Advances by one frame: applies steps to `input` until one that waits for a frame.
  // Sets `screenshot` when this frame is to be captured, `quit` when the script ends it.
  void advance(InputState& input, std::string& screenshot, bool& quit);
  bool done() const { return pos_ >= steps_.size() && wait_ == 0; }

 private:
  std::vector<ScriptStep> steps_;
  size_t pos_ = 0;
  int wait_ = 0;
};

int key_code(const std::string& name);  // -1 when unknown

}  // namespace et::app
