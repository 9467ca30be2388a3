#include "et/app/script.h"

#include <GLFW/glfw3.h>

#include <sstream>

#include "et/app/cli_args.h"

namespace et::app {

int key_code(const std::string& n) {
  if (n.size() == 1 && n[0] >= 'A' && n[0] <= 'Z') return GLFW_KEY_A + (n[0] - 'A');
  if (n.size() == 1 && n[0] >= '0' && n[0] <= '9') return GLFW_KEY_0 + (n[0] - '0');
  if (n.size() >= 2 && n[0] == 'F') {
    int f = std::atoi(n.c_str() + 1);
    if (f >= 1 && f <= 12) return GLFW_KEY_F1 + f - 1;
  }
  static const std::pair<const char*, int> named[] = {
      {"SPACE", GLFW_KEY_SPACE}, {"ESCAPE", GLFW_KEY_ESCAPE}, {"TAB", GLFW_KEY_TAB},
      {"ENTER", GLFW_KEY_ENTER}, {"BACKSPACE", GLFW_KEY_BACKSPACE}, {"SHIFT", GLFW_KEY_LEFT_SHIFT}, {"UP", GLFW_KEY_UP},
      {"DOWN", GLFW_KEY_DOWN},   {"LEFT", GLFW_KEY_LEFT},        {"RIGHT", GLFW_KEY_RIGHT},
      {"PAGE_UP", GLFW_KEY_PAGE_UP}, {"PAGE_DOWN", GLFW_KEY_PAGE_DOWN}, {"HOME", GLFW_KEY_HOME},
      {"END", GLFW_KEY_END}};
  for (auto& [name, code] : named)
    if (n == name) return code;
  return -1;
}

namespace {

int button_code(const std::string& n) {
  if (n == "left") return 0;
  if (n == "right") return 1;
  if (n == "middle") return 2;
  return -1;
}

}  // namespace

Result<std::vector<ScriptStep>> parse_script(const std::string& text, const std::string& path) {
  std::vector<ScriptStep> out;
  std::istringstream in(text);
  std::string line;
  int no = 0;
  while (std::getline(in, line)) {
    ++no;
    std::istringstream ls(line);
    std::vector<std::string> w;
    for (std::string t; ls >> t;) w.push_back(t);
    if (w.empty() || w[0][0] == '#') continue;
    const std::string where = "line " + std::to_string(no);
    auto bad = [&](const std::string& what) { return make_error(path, where, what); };
    auto num = [&](size_t i, double& v) {
      auto r = parse_double(i < w.size() ? w[i] : "", -1e6, 1e6, "argument " + std::to_string(i));
      if (r) v = *r;
      return r.ok();
    };
    ScriptStep s{};
    s.line = no;
    const std::string& op = w[0];
    if (op == "key" && w.size() == 3) {
      s.code = key_code(w[2]);
      if (s.code < 0) return bad("unknown key '" + w[2] + "'");
      if (w[1] == "down" || w[1] == "press") s.op = ScriptStep::Op::kKeyDown, out.push_back(s);
      if (w[1] == "press") out.push_back({ScriptStep::Op::kWait, 0, 0, 0, 1, "", no});
      if (w[1] == "up" || w[1] == "press") s.op = ScriptStep::Op::kKeyUp, out.push_back(s);
      if (w[1] != "down" && w[1] != "up" && w[1] != "press")
        return bad("expected 'key down|up|press NAME'");
    } else if (op == "mouse" && w.size() == 4 && w[1] == "move") {
      if (!num(2, s.x) || !num(3, s.y)) return bad("expected 'mouse move X Y'");
      s.op = ScriptStep::Op::kMouseMove;
      out.push_back(s);
    } else if (op == "mouse" && w.size() == 3 && (w[1] == "down" || w[1] == "up")) {
      s.code = button_code(w[2]);
      if (s.code < 0) return bad("expected a button: left, right or middle");
      s.op = w[1] == "down" ? ScriptStep::Op::kMouseDown : ScriptStep::Op::kMouseUp;
      out.push_back(s);
    } else if (op == "click" && (w.size() == 3 || w.size() == 4)) {
      if (!num(1, s.x) || !num(2, s.y)) return bad("expected 'click X Y [button]'");
      int b = w.size() == 4 ? button_code(w[3]) : 0;
      if (b < 0) return bad("expected a button: left, right or middle");
      out.push_back({ScriptStep::Op::kMouseMove, 0, s.x, s.y, 0, "", no});
      out.push_back({ScriptStep::Op::kWait, 0, 0, 0, 1, "", no});
      out.push_back({ScriptStep::Op::kMouseDown, b, 0, 0, 0, "", no});
      out.push_back({ScriptStep::Op::kWait, 0, 0, 0, 1, "", no});
      out.push_back({ScriptStep::Op::kMouseUp, b, 0, 0, 0, "", no});
    } else if (op == "drag" && w.size() >= 5 && w.size() <= 7) {
      double x0, y0, x1, y1;
      if (!num(1, x0) || !num(2, y0) || !num(3, x1) || !num(4, y1))
        return bad("expected 'drag X0 Y0 X1 Y1 [button] [frames]'");
      int b = 0, frames = 10;
      for (size_t i = 5; i < w.size(); ++i) {
        if (button_code(w[i]) >= 0) {
          b = button_code(w[i]);
        } else {
          auto f = parse_int(w[i], 1, 10000, "frames");
          if (!f) return bad("expected a button or a frame count, got '" + w[i] + "'");
          frames = *f;
        }
      }
      out.push_back({ScriptStep::Op::kMouseMove, 0, x0, y0, 0, "", no});
      out.push_back({ScriptStep::Op::kWait, 0, 0, 0, 1, "", no});
      out.push_back({ScriptStep::Op::kMouseDown, b, 0, 0, 0, "", no});
      for (int k = 1; k <= frames; ++k) {
        out.push_back({ScriptStep::Op::kWait, 0, 0, 0, 1, "", no});
        double t = double(k) / frames;
        out.push_back({ScriptStep::Op::kMouseMove, 0, x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, 0,
                       "", no});
      }
      out.push_back({ScriptStep::Op::kWait, 0, 0, 0, 1, "", no});
      out.push_back({ScriptStep::Op::kMouseUp, b, 0, 0, 0, "", no});
    } else if (op == "scroll" && w.size() == 2) {
      if (!num(1, s.y)) return bad("expected 'scroll STEPS'");
      s.op = ScriptStep::Op::kScroll;
      out.push_back(s);
      out.push_back({ScriptStep::Op::kWait, 0, 0, 0, 1, "", no});
    } else if (op == "resize" && w.size() == 3) {
      auto rw = parse_int(w[1], 1, 16384, "width");
      auto rh = parse_int(w[2], 1, 16384, "height");
      if (!rw || !rh) return bad("expected 'resize W H' in pixels");
      out.push_back({ScriptStep::Op::kResize, 0, double(*rw), double(*rh), 0, "", no});
      out.push_back({ScriptStep::Op::kWait, 0, 0, 0, 2, "", no});
    } else if (op == "wait" && w.size() == 2) {
      auto f = parse_int(w[1], 0, 1000000, "frames");
      if (!f) return bad("expected 'wait FRAMES' with a whole number of frames");
      s.op = ScriptStep::Op::kWait;
      s.frames = *f;
      out.push_back(s);
    } else if (op == "screenshot" && w.size() == 2) {
      s.op = ScriptStep::Op::kScreenshot;
      s.file = w[1];
      out.push_back(s);
    } else if (op == "type" && w.size() >= 2) {
      // The rest of the line, inner spaces kept: characters for the focused text field.
      size_t at = line.find_first_not_of(" \t", line.find("type") + 4);
      s.op = ScriptStep::Op::kType;
      s.file = line.substr(at, line.find_last_not_of(" \t\r") + 1 - at);
      out.push_back(s);
      out.push_back({ScriptStep::Op::kWait, 0, 0, 0, 1, "", no});
    } else if (op == "quit" && w.size() == 1) {
      s.op = ScriptStep::Op::kQuit;
      out.push_back(s);
    } else {
      return bad("unknown command '" + line + "' (expected key, mouse, click, drag, scroll, "
                 "resize, type, wait, screenshot or quit)");
    }
  }
  return out;
}

void ScriptPlayer::advance(InputState& input, std::string& screenshot, bool& quit) {
  input.scroll = 0.0;
  input.resize_w = input.resize_h = 0;
  input.text.clear();
  if (wait_ > 0) {
    --wait_;
    return;
  }
  while (pos_ < steps_.size()) {
    const ScriptStep& s = steps_[pos_++];
    switch (s.op) {
      case ScriptStep::Op::kKeyDown: input.keys.insert(s.code); break;
      case ScriptStep::Op::kKeyUp: input.keys.erase(s.code); break;
      case ScriptStep::Op::kMouseMove: input.mouse_x = s.x, input.mouse_y = s.y; break;
      case ScriptStep::Op::kMouseDown: input.buttons[s.code] = true; break;
      case ScriptStep::Op::kMouseUp: input.buttons[s.code] = false; break;
      case ScriptStep::Op::kScroll: input.scroll += s.y; break;
      case ScriptStep::Op::kType: input.text += s.file; break;
      case ScriptStep::Op::kWait:
        // This frame is the first of the N; N = 0 waits for nothing.
        if (s.frames > 0) {
          wait_ = s.frames - 1;
          return;
        }
        break;
      case ScriptStep::Op::kScreenshot:
        screenshot = s.file;  // captured at the end of this frame
        return;
      case ScriptStep::Op::kQuit: quit = true; return;
      case ScriptStep::Op::kResize:
        input.resize_w = int(s.x);
        input.resize_h = int(s.y);
        break;
    }
  }
}

}  // namespace et::app
